"""Hostile attachments on the public form: refused by what they are, with a clear message, nothing stored."""

import io
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from grievances.models import Attachment, Grievance
from grievances.tests.public_helpers import PDF_BYTES, PNG_BYTES, form_data, public_setup  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]
URL = "/en/grievances/new/"
NOT_A_PHOTO = "“{name}” is not in a format accepted here. Accepted formats: JPG, PNG, GIF, WEBP, HEIC, PDF."


def _upload(name, content, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def _stored_files(settings):
    root = Path(settings.MEDIA_ROOT)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def _refused(client, settings, upload, message):
    response = client.post(URL, form_data(attachments=upload))
    page = response.content.decode()
    assert response.status_code == 200
    assert message in page
    assert "The road to the soum centre" in page  # what was typed is kept
    assert Grievance.objects.count() == Attachment.objects.count() == 0
    assert _stored_files(settings) == []
    return page


def _png_declaring(width, height):
    """A few bytes of PNG whose header claims width x height pixels (a decompression bomb)."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 1024))
        + chunk(b"IEND", b"")
    )


def _zip_bomb():
    """A small zip that unpacks to 50 MB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("photo.jpg", b"\x00" * (50 * 1024 * 1024))
    return buffer.getvalue()


@pytest.mark.parametrize("name", ["letter.pdf", "photo.png", "scan.jpg"])
def test_a_program_renamed_as_a_document_or_photo_is_refused(client, settings, name):
    program = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
    _refused(client, settings, _upload(name, program, "application/pdf"), NOT_A_PHOTO.format(name=name))


@pytest.mark.parametrize("name", ["photo.png", "letter.pdf"])
def test_a_web_page_renamed_as_a_photo_or_document_is_refused(client, settings, name):
    page = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
    _refused(client, settings, _upload(name, page, "image/png"), NOT_A_PHOTO.format(name=name))


def test_a_web_page_behind_a_png_signature_is_refused(client, settings):
    polyglot = b"\x89PNG\r\n\x1a\n<html><script>alert(1)</script></html>"
    message = "“photo.png” is damaged and cannot be opened."
    _refused(client, settings, _upload("photo.png", polyglot, "image/png"), message)


@pytest.mark.parametrize("name", ["photos.zip", "photo.jpg", "letter.pdf"])
def test_a_zip_file_is_refused_whatever_its_name(client, settings, name):
    _refused(client, settings, _upload(name, _zip_bomb(), "application/zip"), NOT_A_PHOTO.format(name=name))


def test_a_picture_declaring_billions_of_pixels_is_refused_without_being_decoded(client, settings):
    bomb = _png_declaring(50_000, 50_000)
    assert len(bomb) < 200
    _refused(client, settings, _upload("photo.png", bomb, "image/png"), "has too many pixels to be opened safely")


def test_the_pixel_limit_comes_from_the_setting(client, settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 10_000
    _refused(client, settings, _upload("photo.png", _png_declaring(200, 200), "image/png"), "has too many pixels")


def test_an_oversize_file_is_refused_with_its_limit_and_nothing_is_stored(client, settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1024 * 1024
    big = _upload("scan.pdf", PDF_BYTES + b"\x00" * (1024 * 1024), "application/pdf")
    _refused(client, settings, big, "“scan.pdf” is larger than 1 MB. Attach a smaller file.")


def test_an_oversize_file_next_to_a_good_one_stores_only_the_good_one_for_the_next_try(client, settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1024 * 1024
    big = _upload("scan.pdf", PDF_BYTES + b"\x00" * (1024 * 1024), "application/pdf")
    good = _upload("photo.png", PNG_BYTES, "image/png")
    response = client.post(URL, form_data(attachments=[big, good]))
    assert "is larger than 1 MB" in response.content.decode()
    assert [item.name for item in response.context["form"].kept_files] == ["photo.png"]
    assert [path.name for path in _stored_files(settings)] == ["photo.png"]
    assert Grievance.objects.count() == 0


def test_a_real_photo_with_a_misleading_name_is_stored_under_the_name_of_what_it_is(client):
    response = client.post(URL, form_data(attachments=_upload("invoice.exe", PNG_BYTES, "application/x-msdownload")))
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    assert (attachment.original_name, attachment.content_type) == ("invoice.png", "image/png")
    assert attachment.file.name.endswith(".png")
