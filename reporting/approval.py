"""Approving a generated report and publishing it in the public documents library (SEP section 6).

The SEP commits the PIU to disclose its GRM reports, and its own semi-annual
report, in Mongolian and English. A report is generated as one record per
language; approving it approves the latest record of each language of that
report and period together, and publishes them as one new final version of a
"Report" document in the disclosure app, each file with its SHA-256 checksum,
so a reader can check that a copy is the file the PIU approved. Both steps
are written in the audit log.

Approval needs `reporting.approve_report`, held by the safeguards specialist:
the officer who generates the GRM report is not the person who publishes it.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.models import AuditAction
from audit.services import audit_record
from disclosure import services as disclosure_services
from disclosure.models import Document, DocumentType, DocumentVersion, VersionKind
from smartgov.choices import ProjectStage
from smartgov.exceptions import ApplicationError
from smartgov.written_dates import written_date

from .models import ReportKind, ReportLanguage, ReportRecord

DOCUMENT_TITLES = {
    ReportKind.GRM: gettext_lazy("Grievance Redress Mechanism summary report, %(start)s – %(end)s"),
    ReportKind.SEP: gettext_lazy("Stakeholder engagement semi-annual report, %(start)s – %(end)s"),
}
DOCUMENT_SUMMARIES = {
    ReportKind.GRM: gettext_lazy(
        "The half-yearly report of the grievances, requests and comments the project received and how they "
        "were resolved, without any complainant's identity."
    ),
    ReportKind.SEP: gettext_lazy(
        "The consultations held, their participants, the feedback received and answered, the documents "
        "disclosed and the grievance figures of the half year (SEP section 7 indicators)."
    ),
}


def report_latest_records(*, record: ReportRecord) -> dict[str, ReportRecord]:
    """The latest record of each language of the record's report and period, locked for the approval."""
    latest = {}
    records = (
        ReportRecord.objects.select_for_update()
        .of_kind(record.kind)
        .for_period(record.period_start, record.period_end)
        .order_by("language", "-generated_at", "-pk")
    )
    for candidate in records:
        latest.setdefault(candidate.language, candidate)
    return latest


def report_approval_check(*, record: ReportRecord, actor, latest: dict[str, ReportRecord]) -> None:
    """Refuse an approval that is not allowed, not of the latest files, lacks a language, or is done already."""
    if not actor.has_perm("reporting.approve_report"):
        raise ApplicationError(_("You may not approve reports."))
    if latest.get(record.language) != record:
        raise ApplicationError(_("A newer file of this report exists: approve the latest one."))
    missing = [str(label) for code, label in ReportLanguage.choices if code not in latest]
    if missing:
        raise ApplicationError(
            _("The report lacks its file in %(languages)s: generate it again.") % {"languages": ", ".join(missing)}
        )
    if any(candidate.is_approved for candidate in latest.values()):
        raise ApplicationError(_("This report is already approved and published."))


@transaction.atomic
def report_approve(*, record: ReportRecord, actor) -> DocumentVersion:
    """Approve a generated report in all its languages and publish it in the documents library.

    Returns the published document version. Everything happens in one
    transaction: a failure leaves the report unapproved and nothing published.
    """
    latest = report_latest_records(record=record)
    report_approval_check(record=record, actor=actor, latest=latest)
    now = timezone.now()
    for approved in latest.values():
        approved.approved_at, approved.approved_by = now, actor
        approved.save(update_fields=["approved_at", "approved_by"])
        audit_record(
            action=AuditAction.APPROVED,
            actor=actor,
            object_type=ReportRecord._meta.label_lower,
            object_id=approved.pk,
            summary=str(approved),
            changes={"kind": approved.kind, "language": approved.language, "sha256": approved.sha256},
        )
    return report_publish(records=list(latest.values()), actor=actor)


def report_publish(*, records: list[ReportRecord], actor) -> DocumentVersion:
    """Publish approved records as a new final version of their report's document, one file per language."""
    first = records[0]
    document = _report_document(first)
    version = disclosure_services.version_create(
        document=document, kind=VersionKind.FINAL, disclosure_date=timezone.localdate()
    )
    for record in records:
        with record.file.open("rb") as stored:
            content = ContentFile(stored.read(), name=f"{first.kind}-report-{record.language}.pdf")
        disclosure_services.version_file_attach(version=version, language=record.language, upload=content)
    version = disclosure_services.version_publish(version=version, actor=actor)
    ReportRecord.objects.filter(pk__in=[record.pk for record in records]).update(disclosed_version=version)
    audit_record(
        action=AuditAction.PUBLISHED,
        actor=actor,
        object_type=DocumentVersion._meta.label_lower,
        object_id=version.pk,
        summary=str(version),
        changes={"reports": [record.pk for record in records], "files": {r.language: r.sha256 for r in records}},
    )
    return version


def _report_document(record: ReportRecord) -> Document:
    """The document of a report and period: the one published before (a re-approval adds a version), else new."""
    earlier = (
        ReportRecord.objects.of_kind(record.kind)
        .for_period(record.period_start, record.period_end)
        .filter(disclosed_version__isnull=False)
        .select_related("disclosed_version__document")
        .order_by("-approved_at")
        .first()
    )
    if earlier is not None:
        return earlier.disclosed_version.document
    texts = {}
    for language in ReportLanguage.values:
        with translation.override(language):
            dates = {
                "start": written_date(record.period_start, language, month_first=True),
                "end": written_date(record.period_end, language, month_first=True),
            }
            texts[f"title_{language}"] = str(DOCUMENT_TITLES[record.kind]) % dates
            texts[f"summary_{language}"] = str(DOCUMENT_SUMMARIES[record.kind])
    return disclosure_services.document_create(
        doc_type=DocumentType.REPORT, project_stage=ProjectStage.IMPLEMENTATION, **texts
    )
