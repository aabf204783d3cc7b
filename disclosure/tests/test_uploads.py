import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from disclosure import services
from disclosure.extraction import extract_text
from disclosure.models import FileFormat, FileLanguage, VersionFile
from disclosure.tests.factories import (
    DocumentFactory,
    docx_upload,
    odt_upload,
    pdf_upload,
    xlsx_upload,
    zip_upload,
)
from disclosure.uploads import check_upload
from smartgov.uploads import MAX_UNCOMPRESSED_BYTES, RefusedUpload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("upload", "expected"),
    [
        (pdf_upload, FileFormat.PDF),
        (docx_upload, FileFormat.DOCX),
        (xlsx_upload, FileFormat.XLSX),
        (odt_upload, FileFormat.ODT),
    ],
)
def test_accepted_formats_are_recognised_by_content(upload, expected):
    file = upload()
    file.name = "renamed.bin"
    assert check_upload(file) == expected


def test_a_picture_named_pdf_is_refused():
    png = SimpleUploadedFile("report.pdf", b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="application/pdf")
    with pytest.raises(RefusedUpload, match="Accepted formats: PDF, DOCX, ODT, XLSX"):
        check_upload(png)


def test_a_plain_zip_named_docx_is_refused():
    with pytest.raises(RefusedUpload, match="Accepted formats: PDF, DOCX, ODT, XLSX"):
        check_upload(zip_upload({"readme.txt": "hello"}))


def test_an_odt_with_another_mimetype_is_refused():
    upload = zip_upload({"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"})
    with pytest.raises(RefusedUpload):
        check_upload(upload)


def test_a_zip_bomb_is_refused_before_reading_its_members():
    bomb = zip_upload(
        {
            "[Content_Types].xml": "<Types/>",
            "word/document.xml": "<w/>",
            "padding.bin": b"\0" * (MAX_UNCOMPRESSED_BYTES + 1),
        }
    )
    assert bomb.size < 1024 * 1024
    with pytest.raises(RefusedUpload, match="unreasonable size"):
        check_upload(bomb)


def test_a_pdf_header_on_garbage_is_refused():
    with pytest.raises(RefusedUpload, match="damaged"):
        check_upload(SimpleUploadedFile("x.pdf", b"%PDF-1.7\n garbage", content_type="application/pdf"))


def test_a_file_over_the_size_limit_is_refused_with_the_limit(settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1024 * 1024
    upload = SimpleUploadedFile("big.pdf", pdf_upload().read() + b"\0" * 1024 * 1024)
    with pytest.raises(RefusedUpload, match="“big.pdf” is larger than 1 MB"):
        check_upload(upload)


def test_a_refused_file_stores_nothing(settings):
    from disclosure.services import version_create

    version = version_create(document=DocumentFactory(), kind="draft", disclosure_date="2021-11-26")
    with pytest.raises(RefusedUpload):
        services.version_file_attach(version=version, language=FileLanguage.ENGLISH, upload=zip_upload({"a.txt": "x"}))
    assert not VersionFile.objects.exists()
    assert not (settings.MEDIA_ROOT.exists() and any(settings.MEDIA_ROOT.rglob("*.*")))


@pytest.mark.parametrize("upload", [docx_upload, xlsx_upload, odt_upload])
def test_office_text_is_extracted(upload):
    file = upload("Өргөдлийн журам procedure")
    fmt = check_upload(file)
    assert extract_text(file.read(), fmt) == "Өргөдлийн журам procedure"


def test_mongolian_pdf_text_is_extracted():
    file = pdf_upload("Хөдөлмөрийн нөхцөл", language="mn")
    assert "Хөдөлмөрийн нөхцөл" in extract_text(file.read(), FileFormat.PDF)


def test_zip_members_are_checked_by_name_not_by_extension():
    upload = zip_upload(
        {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"}, compression=zipfile.ZIP_STORED
    )
    upload.name = "a.xlsx"
    assert check_upload(upload) == FileFormat.DOCX
