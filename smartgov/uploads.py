"""Check an uploaded file by its content, never by its name or the browser's claim.

Every form that takes files (the public grievance form, the document register)
uses this one checker, so a file is refused for the same reasons and with the
same words everywhere. Each form passes its own UploadRules: the content types
it accepts and how large a file may be.

What the checks guard against: a program or web page renamed as a photo or
document (the type is sniffed from the first bytes), a picture declaring
billions of pixels (only its header is read), an Office file that would expand
past MAX_UNCOMPRESSED_BYTES (a zip bomb, refused before any member is read),
and a PDF or archive too damaged to open.
"""

import warnings
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.utils.translation import gettext as _
from PIL import Image
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from .exceptions import ApplicationError

MEGABYTE = 1024 * 1024
HEAD_BYTES = 8192
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000
ZIP_SIGNATURE = b"PK\x03\x04"

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ODT = "application/vnd.oasis.opendocument.text"
# The parts a real Office file of each type cannot do without (an ODT also names its type in "mimetype").
OFFICE_PARTS = {
    DOCX: ("[Content_Types].xml", "word/document.xml"),
    XLSX: ("[Content_Types].xml", "xl/workbook.xml"),
    ODT: ("mimetype", "content.xml"),
}
# Pictures whose header Pillow reads to count their pixels (HEIC it cannot read without a plugin).
PILLOW_IMAGE_TYPES = {"image/jpeg", "image/png", "image/gif", "image/webp"}


class RefusedUpload(ApplicationError):
    """The file is not one the portal accepts here; the message says why, naming the file."""


@dataclass(frozen=True)
class UploadRules:
    """What one form accepts: content types (as sniffed) with the extension each is stored under.

    max_bytes None means settings.UPLOAD_MAX_FILE_BYTES, read at every check
    so that a changed setting applies at once.
    """

    types: Mapping[str, str]
    max_bytes: int | None = None

    def size_limit(self) -> int:
        return self.max_bytes if self.max_bytes is not None else settings.UPLOAD_MAX_FILE_BYTES

    def formats(self) -> str:
        return ", ".join(extension.upper() for extension in self.types.values())


def check_upload(upload, *, rules: UploadRules) -> str:
    """Return the content type of an acceptable upload, or raise RefusedUpload with a message for the person."""
    name = upload.name
    limit = rules.size_limit()
    if upload.size > limit:
        raise RefusedUpload(
            _("“%(name)s” is larger than %(size)s MB. Attach a smaller file.")
            % {"name": name, "size": _megabytes(limit)}
        )
    if not upload.size:
        raise RefusedUpload(_("“%(name)s” is empty.") % {"name": name})
    try:
        content_type = _sniff(upload, rules)
        if content_type not in rules.types:
            raise RefusedUpload(
                _("“%(name)s” is not in a format accepted here. Accepted formats: %(formats)s.")
                % {"name": name, "formats": rules.formats()}
            )
        if content_type in PILLOW_IMAGE_TYPES:
            _check_image(upload)
        elif content_type == PDF:
            _check_pdf(upload)
        return content_type
    finally:
        upload.seek(0)


def _megabytes(limit: int):
    """The limit in MB as people write it: 10, or 0.5 for a limit that is not whole megabytes."""
    size = limit / MEGABYTE
    return int(size) if size.is_integer() else max(round(size, 2), 0.01)


def _damaged(upload) -> RefusedUpload:
    return RefusedUpload(_("“%(name)s” is damaged and cannot be opened.") % {"name": upload.name})


def _sniff(upload, rules: UploadRules) -> str | None:
    """Name the type of the file from its first bytes; look inside a zip only where Office files are accepted."""
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    if head.startswith(ZIP_SIGNATURE) and OFFICE_PARTS.keys() & rules.types.keys():
        return _office_type(upload)
    kind = filetype.guess(head)
    return kind.mime if kind else None


def _office_type(upload) -> str | None:
    """Return the Office type a zip really is (None for any other zip), refusing a possible zip bomb first."""
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
                raise RefusedUpload(
                    _("“%(name)s” expands to an unreasonable size and was refused.") % {"name": upload.name}
                )
            names = {entry.filename for entry in entries}
            for content_type, parts in OFFICE_PARTS.items():
                if all(part in names for part in parts):
                    if content_type == ODT and archive.read("mimetype").strip() != ODT.encode():
                        continue
                    return content_type
    except zipfile.BadZipFile as error:
        raise _damaged(upload) from error
    return None


def _check_pdf(upload):
    """Refuse a PDF that cannot be read or has no pages (a PDF header on something else)."""
    try:
        if len(PdfReader(upload).pages) == 0:
            raise _damaged(upload)
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise _damaged(upload) from error


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
        raise _damaged(upload) from None
    finally:
        upload.seek(0)
    if width * height > settings.UPLOAD_MAX_IMAGE_PIXELS:
        raise RefusedUpload(
            _("“%(name)s” has too many pixels to be opened safely. Attach a smaller picture or a screenshot.")
            % {"name": upload.name}
        )
