"""Factories for reporting tests: cases in a given state, report records, press materials."""

from datetime import date

import factory
from django.core.files.base import ContentFile

from grievances import services
from grievances.models import Status
from grievances.tests.factories import UserFactory, local_datetime, register_grievance, resolve  # noqa: F401
from reporting.models import PressMaterial, PressMaterialType, ReportRecord


def case(
    *,
    received_on: date,
    status: str = Status.RESOLVING,
    resolved_on: date | None = None,
    actions_taken: str = "Answered by the PIU.",
    response_way: str = "email",
    resolve_texts: dict | None = None,
    **register_kwargs,
):
    """Register a case received on a day (10:00 in Ulaanbaatar) and bring it to `status` through the workflow.

    `actions_taken` is the text of both language copies; `resolve_texts` gives
    grievance_resolve's per-language texts instead (actions_taken_en, ...).
    """
    grievance = register_grievance(
        received_at=local_datetime(received_on.year, received_on.month, received_on.day), **register_kwargs
    )
    if status == Status.RESOLVING:
        return grievance
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None)
    if status == Status.UNRELATED:
        return services.grievance_mark_unrelated(grievance=grievance, actor=None, referred_to="Tax office")
    texts = (
        {"actions_taken_mn": actions_taken, "actions_taken_en": actions_taken}
        if resolve_texts is None
        else resolve_texts
    )
    return services.grievance_resolve(
        grievance=grievance, actor=None, response_way=response_way, resolved_on=resolved_on, **texts
    )


class PressMaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressMaterial

    title = factory.Sequence(lambda n: f"Smart Government news {n}")
    outlet = "Montsame"
    type = PressMaterialType.ONLINE
    published_on = date(2020, 10, 8)
    link = "https://montsame.mn/"


class ReportRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportRecord

    period_start = date(2020, 6, 25)
    period_end = date(2020, 12, 31)
    language = "en"
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.7 test", name="grm-report.pdf"))
    sha256 = "0" * 64
