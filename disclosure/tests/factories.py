"""Factories and sample files for the disclosure tests; versions are built through the services."""

import io
import zipfile
from datetime import date, timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from disclosure import services
from disclosure.models import Document, DocumentType, FileLanguage, ProjectStage, VersionKind
from disclosure.samples import text_pdf
from grievances.tests.factories import UserFactory


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document
        skip_postgeneration_save = True

    doc_type = DocumentType.SEP
    title_mn = factory.Sequence(lambda n: f"Оролцогч талуудын оролцооны төлөвлөгөө {n}")
    title_en = factory.Sequence(lambda n: f"Stakeholder Engagement Plan {n}")
    summary_mn = "Төслийн оролцогч талууд."
    summary_en = "The project's stakeholders."
    project_stage = ProjectStage.PREPARATION

    @factory.post_generation
    def index(obj, create, extracted, **kwargs):
        if create:
            services.document_search_index_update(document=obj)


def pdf_upload(text="Sample text", name="document.pdf", language="en"):
    return SimpleUploadedFile(name, text_pdf("Document", [text], language), content_type="application/pdf")


def zip_upload(parts: dict, name="document.docx", compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for part, content in parts.items():
            archive.writestr(part, content)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")


def docx_upload(text="Sample text"):
    body = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    )
    return zip_upload({"[Content_Types].xml": "<Types/>", "word/document.xml": body})


def xlsx_upload(text="Sample text"):
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    return zip_upload(
        {
            "[Content_Types].xml": "<Types/>",
            "xl/workbook.xml": f'<workbook xmlns="{ns}"/>',
            "xl/sharedStrings.xml": f'<sst xmlns="{ns}"><si><t>{text}</t></si></sst>',
        },
        name="table.xlsx",
    )


def odt_upload(text="Sample text"):
    content = (
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>'
        f"<text:p>{text}</text:p></office:text></office:body></office:document-content>"
    )
    return zip_upload(
        {"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": content}, name="document.odt"
    )


def make_version(
    document=None,
    *,
    kind=VersionKind.DRAFT,
    disclosure_date=None,
    comment_days=None,
    published=True,
    files=None,
    **kwargs,
):
    """A version with files (default: an English PDF), published unless told otherwise.

    comment_days=(start offset, end offset) from today sets a comment period.
    """
    document = document or DocumentFactory()
    today = timezone.localdate()
    if comment_days is not None:
        kwargs["comment_start"] = today + timedelta(days=comment_days[0])
        kwargs["comment_end"] = today + timedelta(days=comment_days[1])
    version = services.version_create(
        document=document, kind=kind, disclosure_date=disclosure_date or today - timedelta(days=1), **kwargs
    )
    for language, upload in (files or {FileLanguage.ENGLISH: pdf_upload()}).items():
        services.version_file_attach(version=version, language=language, upload=upload)
    if published:
        version = services.version_publish(version=version, actor=UserFactory(username="safeguards"))
    return version


PAST = date(2021, 11, 26)
