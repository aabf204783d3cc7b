"""Writes of the reporting app: generating and storing GRM report files."""

import hashlib
from datetime import date

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from .models import PressMaterial, ReportKind, ReportLanguage, ReportRecord
from .pdf import render_grm_report_pdfs
from .sep_pdf import render_sep_report_pdfs


def report_record_create(
    *, start: date, end: date, language: str, content: bytes, generated_by=None, kind: str = ReportKind.GRM
) -> ReportRecord:
    """Store the PDF of a report (GRM or SEP) of a period in one language as a new record.

    The record is never updated afterwards (but for its approval), and its checksum is that of the stored bytes.
    """
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    name = f"{kind}-report-{start:%Y%m%d}-{end:%Y%m%d}-{language}-{stamp}.pdf"
    with transaction.atomic():
        record = ReportRecord(
            kind=kind,
            period_start=start,
            period_end=end,
            language=language,
            generated_by=generated_by,
            sha256=hashlib.sha256(content).hexdigest(),
        )
        record.file.save(name, ContentFile(content), save=False)
        record.save()
    return record


def report_generate(*, start: date, end: date, generated_by=None) -> list[ReportRecord]:
    """Generate the report of a period in Mongolian and English; earlier records of the period are kept.

    Both PDFs are rendered at the same time, each in its own process, and
    before any transaction opens, so the database is not held for the time
    WeasyPrint takes.
    """
    contents = render_grm_report_pdfs(start=start, end=end, languages=ReportLanguage.values)
    return [
        report_record_create(start=start, end=end, language=language, content=content, generated_by=generated_by)
        for language, content in contents.items()
    ]


def sep_report_generate(*, start: date, end: date, generated_by=None) -> list[ReportRecord]:
    """Generate the SEP semi-annual report of a period in Mongolian and English, as report_generate does."""
    contents = render_sep_report_pdfs(start=start, end=end, languages=ReportLanguage.values)
    return [
        report_record_create(
            start=start, end=end, language=language, content=content, generated_by=generated_by, kind=ReportKind.SEP
        )
        for language, content in contents.items()
    ]


@transaction.atomic
def press_material_create(
    *, title: str, type: str, published_on: date, outlet: str = "", link: str = ""
) -> PressMaterial:
    """Record a press release, broadcast or article about the project."""
    material = PressMaterial(title=title, type=type, published_on=published_on, outlet=outlet, link=link)
    material.full_clean()
    material.save()
    return material
