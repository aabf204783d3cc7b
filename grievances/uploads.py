"""Attachments sent with the public form: checked by content, kept across a form error.

A file that passed its checks while another field had an error is stored
under grievances/incoming/ and named by a signed token in the re-rendered
form, so the person does not have to choose it again.
"""

import os
import uuid
import warnings
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core import signing
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from PIL import Image

from .models import Attachment

# MIME types detected from the first bytes of the file; names and browsers' claims are ignored.
ALLOWED_TYPES = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/gif": "gif",
    "image/webp": "webp",
    "image/heic": "heic",
    "application/pdf": "pdf",
}
# Pictures whose header Pillow reads to check their size in pixels (HEIC it cannot read without a plugin).
PILLOW_IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}
INCOMING_DIR = "grievances/incoming"
KEPT_SALT = "grievances.kept-attachment"
KEPT_MAX_AGE = 24 * 60 * 60


@dataclass
class CheckedFile:
    """An upload that passed the checks, or one kept from an earlier try (then `path` is set)."""

    name: str
    content_type: str
    size: int
    upload: object = None
    path: str = ""

    @property
    def token(self) -> str:
        return signing.dumps([self.path, self.name, self.content_type, self.size], salt=KEPT_SALT, compress=True)


def safe_name(name: str, content_type: str) -> str:
    """A storable file name that ends with the extension of what the file really is."""
    stem = get_valid_filename(os.path.splitext(os.path.basename(name or ""))[0])[:80] or "file"
    return f"{stem}.{ALLOWED_TYPES[content_type]}"


def check_upload(upload) -> CheckedFile:
    """Return the upload as a CheckedFile, or raise ValueError with a message for the person."""
    limit_mb = settings.UPLOAD_MAX_FILE_BYTES // (1024 * 1024)
    if upload.size > settings.UPLOAD_MAX_FILE_BYTES:
        raise ValueError(
            _("“%(name)s” is larger than %(size)s MB. Attach a smaller file.") % {"name": upload.name, "size": limit_mb}
        )
    kind = filetype.guess(upload)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValueError(_("“%(name)s” is not a photo or a PDF document.") % {"name": upload.name})
    if kind.mime in PILLOW_IMAGE_TYPES:
        _check_image(upload)
    return CheckedFile(name=safe_name(upload.name, kind.mime), content_type=kind.mime, size=upload.size, upload=upload)


def _check_image(upload):
    """Refuse a picture that is not a readable image, or whose pixels would fill memory when opened.

    A few kilobytes of PNG can declare 50,000 x 50,000 pixels (a decompression
    bomb). Only the header is read here; the pixels are never decoded.
    """
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        width = height = settings.UPLOAD_MAX_IMAGE_PIXELS  # far beyond the limit
    except (OSError, SyntaxError, ValueError):  # UnidentifiedImageError is an OSError
        raise ValueError(_("“%(name)s” is damaged or is not really a picture.") % {"name": upload.name}) from None
    finally:
        upload.seek(0)
    if width * height > settings.UPLOAD_MAX_IMAGE_PIXELS:
        raise ValueError(
            _("“%(name)s” has too many pixels to be opened safely. Attach a smaller picture or a screenshot.")
            % {"name": upload.name}
        )


def keep_for_next_try(checked: CheckedFile) -> CheckedFile:
    """Store an accepted upload until the form is sent successfully; return it with its stored path."""
    if checked.path:
        return checked
    checked.upload.seek(0)
    path = default_storage.save(f"{INCOMING_DIR}/{uuid.uuid4().hex}/{checked.name}", checked.upload)
    return CheckedFile(name=checked.name, content_type=checked.content_type, size=checked.size, path=path)


def load_kept(token: str) -> CheckedFile | None:
    """Return the kept file a token names, or None if the token is forged, expired or the file is gone."""
    try:
        path, name, content_type, size = signing.loads(token, salt=KEPT_SALT, max_age=KEPT_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not path.startswith(INCOMING_DIR + "/") or not default_storage.exists(path):
        return None
    return CheckedFile(name=name, content_type=content_type, size=size, path=path)


def attachment_store(*, grievance, checked: CheckedFile) -> Attachment:
    """Attach a checked file to a case (moving a kept file out of the incoming folder)."""
    attachment = Attachment(
        grievance=grievance, original_name=checked.name, content_type=checked.content_type, size=checked.size
    )
    if checked.path:
        with default_storage.open(checked.path, "rb") as handle:
            attachment.file.save(checked.name, File(handle), save=False)
        transaction.on_commit(lambda: default_storage.delete(checked.path))
    else:
        checked.upload.seek(0)
        attachment.file.save(checked.name, File(checked.upload), save=False)
    attachment.save()
    return attachment


def incoming_files_remove_stale(*, older_than_seconds: int = KEPT_MAX_AGE) -> int:
    """Delete kept files nobody came back for (their tokens have expired anyway); return how many."""
    from datetime import timedelta

    from django.utils import timezone

    limit = timezone.now() - timedelta(seconds=older_than_seconds)
    removed = 0
    try:
        folders, _files = default_storage.listdir(INCOMING_DIR)
    except FileNotFoundError:
        return 0
    for folder in folders:
        for name in default_storage.listdir(f"{INCOMING_DIR}/{folder}")[1]:
            path = f"{INCOMING_DIR}/{folder}/{name}"
            if default_storage.get_modified_time(path) < limit:
                default_storage.delete(path)
                removed += 1
    return removed
