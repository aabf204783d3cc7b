"""Attachments sent with the public form: checked by content, kept across a form error.

A file that passed its checks while another field had an error is stored
under grievances/incoming/ and named by a signed token in the re-rendered
form, so the person does not have to choose it again.
"""

import os
import uuid
from dataclasses import dataclass

from django.core import signing
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from smartgov import image_metadata, uploads
from smartgov.uploads import UploadRules

from .models import Attachment

# Photos and PDF documents, with the extension each is stored under (the checks are in smartgov.uploads).
ACCEPTED = UploadRules(
    types={
        "image/jpeg": "jpg",
        "image/png": "png",
        "image/gif": "gif",
        "image/webp": "webp",
        "image/heic": "heic",
        uploads.PDF: "pdf",
    }
)
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
    return f"{stem}.{ACCEPTED.types[content_type]}"


def check_upload(upload) -> CheckedFile:
    """Return the upload as a CheckedFile, or raise RefusedUpload with a message for the person.

    A picture comes back without its metadata (position, device: image_metadata),
    so what is kept or stored is the cleaned copy.
    """
    content_type = uploads.check_upload(upload, rules=ACCEPTED)
    name = safe_name(upload.name, content_type)
    if content_type in image_metadata.STRIPPERS:
        try:
            upload = ContentFile(image_metadata.strip_image_metadata(upload.read(), content_type), name=name)
        except image_metadata.DamagedImage:
            raise uploads.RefusedUpload(
                _("“%(name)s” is damaged and cannot be opened.") % {"name": upload.name}
            ) from None
    return CheckedFile(name=name, content_type=content_type, size=upload.size, upload=upload)


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
