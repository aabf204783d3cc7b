"""Demo data: the SEP, ESCP, ECOP and LMP as disclosed in SEP section 6 (idempotent).

Drafts disclosed on 26 November 2021 with the comment period 25 November to
5 December 2021, revised versions on 13 December 2021; each in Mongolian and
English as small generated PDFs.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from stakeholders.models import ResponseDecision
from stakeholders.services import feedback_item_create, feedback_item_respond

from . import services
from .models import Document, DocumentType, FileLanguage, ProjectStage, Venue, VersionKind
from .samples import text_pdf

ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")
DRAFT_DISCLOSED = date(2021, 11, 26)
COMMENTS_FROM, COMMENTS_UNTIL = date(2021, 11, 25), date(2021, 12, 5)
REVISED_DISCLOSED = date(2021, 12, 13)
TARGET_MN = (
    "Төрийн байгууллагууд; эмэгтэйчүүд, хөгжлийн бэрхшээлтэй иргэд, залуучууд, үндэстний цөөнхийг төлөөлөх ТББ; "
    "жендэр, салбарын мэргэжилтнүүд; эмзэг бүлэг"
)
TARGET_EN = (
    "Government entities; local NGOs representing women, people with disability, youth and ethnic minorities; "
    "gender and sector experts; vulnerable groups"
)
DOCUMENTS = [
    (
        DocumentType.SEP,
        "Оролцогч талуудын оролцооны төлөвлөгөө",
        "Stakeholder Engagement Plan",
        "Төслийн оролцогч талуудыг тодорхойлж, мэдээлэл ил болгох, зөвлөлдөх, гомдол шийдвэрлэх арга замыг тусгасан.",
        "Identifies the project's stakeholders and sets out disclosure, consultation and the grievance mechanism.",
    ),
    (
        DocumentType.ESCP,
        "Байгаль орчин, нийгмийн үүрэг амлалтын төлөвлөгөө",
        "Environmental and Social Commitment Plan",
        "Төслийн байгаль орчин, нийгмийн арга хэмжээ, хугацаа, хариуцагчийг тусгасан.",
        "The environmental and social measures the project commits to, with timing and responsibility.",
    ),
    (
        DocumentType.ECOP,
        "Байгаль орчны дадлын дүрэм",
        "Environmental Code of Practice",
        "Тоног төхөөрөмж суурилуулах, цахим хог хаягдлыг зохицуулах байгаль орчны шаардлагууд.",
        "Environmental rules for installing equipment and handling electronic waste.",
    ),
    (
        DocumentType.LMP,
        "Хөдөлмөрийн менежментийн журам",
        "Labor Management Procedures",
        "Төслийн ажилчдын хөдөлмөрийн нөхцөл, гомдол гаргах журам.",
        "Working conditions of project workers and their grievance procedure.",
    ),
]


def _pdf_upload(title, kind_label, summary, language):
    data = text_pdf(f"{title} ({kind_label})", [summary], language)
    return SimpleUploadedFile(f"{title}.pdf", data, content_type="application/pdf")


def _versions(document, summary_mn, summary_en, publisher):
    draft = services.version_create(
        document=document,
        kind=VersionKind.DRAFT,
        disclosure_date=DRAFT_DISCLOSED,
        comment_start=COMMENTS_FROM,
        comment_end=COMMENTS_UNTIL,
    )
    revised = services.version_create(
        document=document,
        kind=VersionKind.REVISED,
        disclosure_date=REVISED_DISCLOSED,
        changes_mn="Төслийн ажлын хэсгийн гишүүдийн бичгээр ирүүлсэн саналыг тусгасан.",
        changes_en="Incorporates the written feedback of the project working group members.",
    )
    for version, label_mn, label_en in ((draft, "төсөл", "draft"), (revised, "шинэчилсэн", "revised")):
        services.version_file_attach(
            version=version,
            language=FileLanguage.MONGOLIAN,
            upload=_pdf_upload(document.title_mn, label_mn, summary_mn, "mn"),
        )
        services.version_file_attach(
            version=version,
            language=FileLanguage.ENGLISH,
            upload=_pdf_upload(document.title_en, label_en, summary_en, "en"),
        )
        services.version_publish(version=version, actor=publisher)
        services.external_disclosure_add(
            version=version,
            venue=Venue.PROJECT_WEBSITE,
            disclosed_on=version.disclosure_date,
            url="https://www.smart.gov.mn/mn/draftenvsocialdocs/",
        )
    services.external_disclosure_add(
        version=draft,
        venue=Venue.GOVERNMENT_WEBSITE,
        disclosed_on=date(2021, 11, 29),
        url="https://cabinet.gov.mn/5943.html",
    )
    services.external_disclosure_add(
        version=draft,
        venue=Venue.PIU_OFFICE,
        disclosed_on=DRAFT_DISCLOSED,
        note="Монгол хэлээр хэвлэсэн хувийг үнэгүй авах боломжтой",
    )
    return draft


def _sep_comment(draft, responder):
    item = feedback_item_create(
        source="document_comment",
        subject=draft,
        text="Хөгжлийн бэрхшээлтэй иргэдэд зориулсан хялбаршуулсан хувилбар гаргах хэрэгтэй.",
        topic="6. Мэдээлэл ил болгох",
        author_name="Б. Сарангэрэл",
        name_consent=True,
        received_at=datetime(2021, 11, 30, 11, tzinfo=ULAANBAATAR),
    )
    feedback_item_respond(
        item=item,
        decision=ResponseDecision.ACCEPTED,
        reason="Хялбаршуулсан хувилбарыг шинэчилсэн төлөвлөгөөнд тусгасан.",
        reflected_in="ОТОТ, шинэчилсэн 2-р хувилбар, 6-р бүлэг",
        actor=responder,
    )


def load(stdout):
    publisher = get_user_model().objects.filter(username="safeguards").first()
    created = 0
    for doc_type, title_mn, title_en, summary_mn, summary_en in DOCUMENTS:
        if Document.objects.filter(doc_type=doc_type, title_en=title_en).exists():
            continue
        document = services.document_create(
            doc_type=doc_type,
            title_mn=title_mn,
            title_en=title_en,
            summary_mn=summary_mn,
            summary_en=summary_en,
            project_stage=ProjectStage.PREPARATION,
            target_stakeholders_mn=TARGET_MN,
            target_stakeholders_en=TARGET_EN,
        )
        draft = _versions(document, summary_mn, summary_en, publisher)
        if doc_type == DocumentType.SEP:
            _sep_comment(draft, publisher)
        created += 1
    stdout.write(f"disclosure: {created} documents created ({len(DOCUMENTS) - created} already there).")
