"""Demo data: the PIU's log of 2015-2020 (as in the 2020 H2 report) and a few open cases. Idempotent.

Every case has its public summary in Mongolian and English, and every
resolved one its actions taken in both (the log's `summary_mn` and
`actions_taken_mn` columns), so the first Mongolian report is Mongolian.
"""

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone

from . import demo_support, services
from .importer import import_log, read_rows
from .models import AgeGroup, Channel, Gender, Grievance, Kind, MessageLanguage, ReplyLanguage, Stage

DEMO_LOG = Path(__file__).resolve().parent / "demo_data" / "grm-log-2015-2020.csv"


@dataclass(frozen=True)
class OpenCase:
    """A demo case still being handled: its public summaries, the complainant's message as received, its steps."""

    summary_en: str
    summary_mn: str
    kind: str
    channel: str
    days_ago: int  # since receipt
    steps: tuple = ()  # (step, days ago)
    assignee: str = ""  # username
    message: str = ""  # what the complainant wrote or said, in their language; never in a report
    message_language: str = ""
    # Where the case comes from and who sent it, as a person may say on the form (who_and_where.py), so the
    # statistics by place, gender and age have something to show for the current half year.
    aimag: str = ""
    gender: str = ""
    age_group: str = ""


# Only the last is overdue. The messages name people, as real ones do: the public summaries never do.
OPEN_CASES = [
    OpenCase(
        "Asks when the e-Mongolia application will support the Kazakh language",
        "Е-Монголиа аппликейшн казах хэлийг хэзээ дэмжих талаар асуусан",
        Kind.REQUEST,
        Channel.WEBSITE,
        1,
        message=(
            "Сәлеметсіз бе! Менің атым Серік, Баян-Өлгейде тұрамын. E-Mongolia қосымшасы қашан қазақ тілінде "
            "жұмыс істейді? Анам моңғол тілін жақсы оқи алмайды."
        ),
        message_language=MessageLanguage.KAZAKH,
        aimag="MN-071",
        gender=Gender.MALE,
        age_group=AgeGroup.FROM_35_TO_59,
    ),
    OpenCase(
        "Cannot sign documents with the digital signature issued at the soum service centre",
        "Сумын үйлчилгээний төвөөс олгосон тоон гарын үсгээр баримт бичигт гарын үсэг зурж чадахгүй байна",
        Kind.COMPLAINT,
        Channel.HOTLINE,
        6,
        (("acknowledge", 6),),
        "officer",
        message=(
            "Дорж гэдэг хүн ярьж байна. Сумын төвөөс авсан тоон гарын үсэг маань ажиллахгүй, баримтдаа гарын үсэг "
            "зурж чадахгүй байна."
        ),
        message_language=MessageLanguage.MONGOLIAN,
        aimag="MN-047",
        gender=Gender.MALE,
    ),
    OpenCase(
        "Asks how personal data collected by the 11-11 centre is protected",
        "11-11 төвийн цуглуулсан хувийн мэдээллийг хэрхэн хамгаалдаг талаар асуусан",
        Kind.CLARIFICATION,
        Channel.EMAIL,
        12,
        (("acknowledge", 12), ("escalate_2", 5)),
        "officer",
        message=(
            "Hello, I called the 11-11 centre last month and gave my address and registration number. How is "
            "this data protected, and who can see it? Regards, B. Tsetseg"
        ),
        message_language=MessageLanguage.ENGLISH,
        aimag="MN-1",
        gender=Gender.FEMALE,
        age_group=AgeGroup.FROM_18_TO_34,
    ),
    OpenCase(
        "Herders in a remote bag cannot reach the online services because of poor mobile coverage",
        "Алслагдсан багийн малчид гар утасны сүлжээ муу тул цахим үйлчилгээг ашиглаж чадахгүй байна",
        Kind.COMPLAINT,
        Channel.WRITTEN,
        20,
        (("acknowledge", 20), ("escalate_2", 15), ("escalate_3", 2)),
        "psc",
        message=(
            "Манай багийн малчид утасны сүлжээ муугаас болж е-Монголиа ашиглаж чадахгүй байна. Лавлагаа авахын "
            "тулд сумын төв рүү 60 км явдаг. Багийн дарга Г. Батбаяр"
        ),
        message_language=MessageLanguage.MONGOLIAN,
        aimag="MN-046",
        gender=Gender.MALE,
        age_group=AgeGroup.FROM_35_TO_59,
    ),
    OpenCase(
        "Complaint that a service kiosk in the district office has been out of order for weeks",
        "Дүүргийн байрны үйлчилгээний киоск хэдэн долоо хоног ажиллахгүй байгаа тухай гомдол",
        Kind.COMPLAINT,
        Channel.IN_PERSON,
        80,
        (("acknowledge", 79),),
        "officer",
        message="Дүүргийн байрны киоск гурван долоо хоног эвдэрхий байна, би лавлагаагаа авч чадсангүй.",
        message_language=MessageLanguage.MONGOLIAN,
        aimag="MN-1",
    ),
]


def load(stdout):
    """Import the demo log and create the open cases that are not there yet."""
    result = import_log(DEMO_LOG, language="en")
    stdout.write(f"grievances: {result.created} logged cases imported, {result.skipped} already there")
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["officer", "psc"])}
    created = 0
    # Oldest first, so the running numbers follow the dates of receipt.
    for case in sorted(OPEN_CASES, key=lambda case: -case.days_ago):
        if Grievance.objects.filter(summary_en=case.summary_en).exists():
            continue
        _open_case(case, users.get(case.assignee))
        created += 1
    stdout.write(f"grievances: {created} open demo cases created")
    completed = _add_mongolian_copies()
    if completed:
        stdout.write(f"grievances: {completed} demo cases given their Mongolian texts")
    demo_support.load(stdout)


def _add_mongolian_copies() -> int:
    """Give demo cases loaded before the demo had Mongolian texts their Mongolian summary and actions taken.

    Only copies still empty are written, through grievance_update (so the
    history says so); a second run finds none.
    """
    texts = {row.values["summary"]: row.values for row in read_rows(DEMO_LOG)}
    texts |= {case.summary_en: {"summary_mn": case.summary_mn} for case in OPEN_CASES}
    completed = 0
    for grievance in Grievance.objects.filter(summary_en__in=texts).filter(Q(summary_mn="") | Q(summary_mn=None)):
        values = texts[grievance.summary_en]
        data = {name: values[name] for name in ("summary_mn", "actions_taken_mn") if values.get(name)}
        if not data.get("actions_taken_mn") or grievance.actions_taken_mn:
            data.pop("actions_taken_mn", None)
        services.grievance_update(grievance=grievance, actor=None, data=data)
        completed += 1
    return completed


def _open_case(case, assignee):
    received_at = timezone.now() - timedelta(days=case.days_ago)
    language = case.message_language if case.message_language in ReplyLanguage.values else ""
    grievance = services.grievance_register(
        kind=case.kind,
        channel=case.channel,
        translations={"summary_mn": case.summary_mn, "summary_en": case.summary_en},
        message=case.message,
        message_language=case.message_language,
        received_at=received_at,
        profile={"aimag": case.aimag, "gender": case.gender, "age_group": case.age_group},
        complainant={
            "name": "Demo citizen",
            "phone": "+976 9900 0000",
            "preferred_contact": "phone",
            "preferred_language": language,
        },
    )
    if assignee is not None:
        grievance = services.grievance_assign(grievance=grievance, actor=None, assignee=assignee)
    for step, days_ago in case.steps:
        at = max(received_at, timezone.now() - timedelta(days=days_ago))
        if step == "acknowledge":
            grievance = services.grievance_acknowledge(grievance=grievance, actor=None, at=at)
        else:
            stage = {"escalate_2": Stage.PIU, "escalate_3": Stage.STEERING_COMMITTEE}[step]
            grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=stage, at=at)
    return grievance
