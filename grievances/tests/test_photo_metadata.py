"""Citizens' photos are stored without their metadata (GPS position, device, comments), pixels untouched."""

import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, PngImagePlugin

from grievances.models import Attachment
from grievances.tests.public_helpers import form_data, public_setup  # noqa: F401
from smartgov import image_metadata

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]
URL = "/en/grievances/new/"
GPS_IFD, MAKE, ORIENTATION = 0x8825, 0x010F, 0x0112
SECRETS = [b"PhoneMaker", b"Bat-Erdene", b"taken at home"]


def phone_exif(orientation=6):
    exif = Image.Exif()
    exif[MAKE] = "PhoneMaker"
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1], gps[2] = "N", (47.0, 55.0, 12.5)
    return exif.tobytes()


def picture(format_, **options):
    buffer = io.BytesIO()
    mode = "P" if format_ == "GIF" else "RGB"
    Image.new(mode, (8, 6), 3 if mode == "P" else (200, 30, 30)).save(buffer, format_, **options)
    return buffer.getvalue()


def pixels(data):
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB").tobytes()


def stored(attachment):
    with attachment.file.open("rb") as handle:
        return handle.read()


def test_a_photo_s_position_device_and_comment_are_not_stored_but_its_orientation_is(client):
    photo = picture("JPEG", exif=phone_exif(), comment=b"taken at home", quality=90)
    upload = SimpleUploadedFile("IMG_0001.jpg", photo, content_type="image/jpeg")
    assert client.post(URL, form_data(attachments=upload)).status_code == 302
    data = stored(Attachment.objects.get())
    assert not any(secret in data for secret in SECRETS)
    with Image.open(io.BytesIO(data)) as image:
        exif = image.getexif()
        assert dict(exif) == {ORIENTATION: 6}
        assert not exif.get_ifd(GPS_IFD)
    assert pixels(data) == pixels(photo)
    assert Attachment.objects.get().size == len(data)


@pytest.mark.parametrize(
    ("format_", "content_type", "options"),
    [
        ("PNG", "image/png", {"pnginfo": PngImagePlugin.PngInfo(), "exif": phone_exif()}),
        ("WEBP", "image/webp", {"exif": phone_exif(), "xmp": b"<x:xmpmeta>Bat-Erdene</x:xmpmeta>", "lossless": True}),
        ("GIF", "image/gif", {"comment": b"taken at home"}),
    ],
)
def test_other_pictures_lose_their_metadata_too(client, format_, content_type, options):
    if format_ == "PNG":
        options["pnginfo"].add_text("Author", "Bat-Erdene")
    picture_bytes = picture(format_, **options)
    assert any(secret in picture_bytes for secret in SECRETS)
    upload = SimpleUploadedFile(f"picture.{format_.lower()}", picture_bytes, content_type=content_type)
    assert client.post(URL, form_data(attachments=upload)).status_code == 302
    data = stored(Attachment.objects.get())
    assert not any(secret in data for secret in SECRETS)
    assert pixels(data) == pixels(picture_bytes)


def test_a_photo_kept_after_a_form_error_is_kept_without_its_metadata(client, settings):
    photo = picture("JPEG", exif=phone_exif())
    upload = SimpleUploadedFile("IMG_0002.jpg", photo, content_type="image/jpeg")
    client.post(URL, form_data(consent=None, attachments=upload))
    [kept] = [path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()]
    assert b"PhoneMaker" not in kept.read_bytes()


def test_a_jpeg_whose_segments_run_past_its_end_is_refused_as_damaged(client):
    photo = picture("JPEG", exif=phone_exif())
    broken = photo[:2] + b"\xff\xe1\xff\xff" + photo[6:]  # an EXIF segment claiming 64 KB
    upload = SimpleUploadedFile("broken.jpg", broken, content_type="image/jpeg")
    response = client.post(URL, form_data(attachments=upload))
    assert "“broken.jpg” is damaged and cannot be opened." in response.content.decode()
    assert not Attachment.objects.exists()


def test_a_jpeg_keeps_only_what_showing_it_needs():
    photo = picture("JPEG", exif=phone_exif(orientation=1), comment=b"taken at home")
    cleaned = image_metadata.strip_image_metadata(photo, "image/jpeg")
    with Image.open(io.BytesIO(cleaned)) as image:
        assert dict(image.getexif()) == {}  # orientation 1 is the default: nothing to write back
    assert cleaned.startswith(b"\xff\xd8") and cleaned.endswith(b"\xff\xd9")
