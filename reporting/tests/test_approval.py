"""Approving a generated report publishes it in the documents library, in both languages, with checksums."""

import hashlib
from datetime import date, timedelta

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from audit.models import AuditAction, AuditEntry
from disclosure.models import DocumentType, VersionKind
from disclosure.samples import text_pdf
from reporting.approval import report_approve
from reporting.models import ReportKind, ReportRecord
from smartgov.exceptions import ApplicationError

pytestmark = pytest.mark.django_db

PDFS = {language: text_pdf("GRM report", [f"Report in {language}"], language) for language in ("mn", "en")}


def record(language, *, kind=ReportKind.GRM, content=None, age_minutes=0):
    content = content or PDFS[language]
    created = ReportRecord(
        kind=kind,
        period_start=date(2020, 6, 25),
        period_end=date(2020, 12, 31),
        language=language,
        sha256=hashlib.sha256(content).hexdigest(),
    )
    created.file.save(f"report-{language}.pdf", ContentFile(content), save=False)
    created.save()
    ReportRecord.objects.filter(pk=created.pk).update(generated_at=timezone.now() - timedelta(minutes=age_minutes))
    return ReportRecord.objects.get(pk=created.pk)


@pytest.fixture
def generated():
    return {language: record(language) for language in ("mn", "en")}


def test_approval_publishes_both_languages_as_a_final_report_version_with_their_checksums(
    generated, safeguards_specialist, django_capture_on_commit_callbacks
):
    version = report_approve(record=generated["en"], actor=safeguards_specialist)

    assert version.kind == VersionKind.FINAL and version.published_at is not None
    assert version.document.doc_type == DocumentType.REPORT
    assert version.document.title_en == "Grievance Redress Mechanism summary report, June 25, 2020 – December 31, 2020"
    files = {file.language: file for file in version.files.all()}
    assert set(files) == {"mn", "en"}
    for language, approved in generated.items():
        approved.refresh_from_db()
        assert files[language].sha256 == approved.sha256 == hashlib.sha256(PDFS[language]).hexdigest()
        assert approved.approved_by == safeguards_specialist and approved.disclosed_version == version


def test_approval_and_publication_are_in_the_audit_log(generated, safeguards_specialist):
    version = report_approve(record=generated["mn"], actor=safeguards_specialist)

    approved = AuditEntry.objects.filter(action=AuditAction.APPROVED, object_type="reporting.reportrecord")
    assert sorted(approved.values_list("object_id", flat=True)) == sorted(str(r.pk) for r in generated.values())
    assert approved.first().actor == safeguards_specialist
    published = AuditEntry.objects.get(action=AuditAction.PUBLISHED)
    assert published.object_id == str(version.pk)
    assert published.changes["files"] == {language: r.sha256 for language, r in generated.items()}


def test_the_public_document_page_shows_each_file_with_its_checksum(generated, safeguards_specialist, client):
    version = report_approve(record=generated["en"], actor=safeguards_specialist)

    page = client.get(f"/en/documents/{version.document_id}/").content.decode()

    assert generated["en"].sha256 in page and generated["mn"].sha256 in page
    assert "SHA-256" in page


def test_the_officer_who_generates_reports_may_not_approve_them(generated, piu_officer):
    with pytest.raises(ApplicationError):
        report_approve(record=generated["en"], actor=piu_officer)

    assert not ReportRecord.objects.filter(approved_at__isnull=False).exists()


def test_an_older_file_cannot_be_approved_once_the_report_was_generated_again(generated, safeguards_specialist):
    older = record("en", age_minutes=60)

    with pytest.raises(ApplicationError, match="newer"):
        report_approve(record=older, actor=safeguards_specialist)


def test_a_report_lacking_a_language_is_not_approved(safeguards_specialist):
    english = record("en")

    with pytest.raises(ApplicationError, match="Mongolian"):
        report_approve(record=english, actor=safeguards_specialist)


def test_a_report_is_approved_once(generated, safeguards_specialist):
    report_approve(record=generated["en"], actor=safeguards_specialist)

    with pytest.raises(ApplicationError, match="already"):
        report_approve(record=generated["mn"], actor=safeguards_specialist)


def test_approving_a_regenerated_report_adds_a_version_to_the_same_document(generated, safeguards_specialist):
    first = report_approve(record=generated["en"], actor=safeguards_specialist)
    newer = {language: record(language) for language in ("mn", "en")}

    second = report_approve(record=newer["en"], actor=safeguards_specialist)

    assert second.document == first.document and second.number == first.number + 1


def test_the_sep_report_is_published_under_its_own_title(safeguards_specialist):
    sep = {language: record(language, kind=ReportKind.SEP) for language in ("mn", "en")}

    version = report_approve(record=sep["en"], actor=safeguards_specialist)

    assert version.document.title_en.startswith("Stakeholder engagement semi-annual report")


def test_admin_action_approves_each_selected_report_once(generated, safeguards_specialist, client):
    client.force_login(safeguards_specialist)

    response = client.post(
        "/admin/reporting/reportrecord/",
        {"action": "approve_and_publish", "_selected_action": [r.pk for r in generated.values()]},
        follow=True,
    )

    assert response.status_code == 200
    assert ReportRecord.objects.filter(approved_at__isnull=False).count() == 2
    assert "already" not in response.content.decode()
