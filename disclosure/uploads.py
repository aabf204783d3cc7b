"""Check an uploaded document by its content, never by its name or the browser's claim.

Accepted: PDF, DOCX, ODT and XLSX. Office files are zip archives: their inner
structure is checked (the parts each format must have), and an archive that
would expand past MAX_UNCOMPRESSED_BYTES or holds too many entries is refused
as a possible zip bomb before anything reads its members.
"""

import zipfile

import filetype
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

from smartgov.exceptions import ApplicationError

from .models import FileFormat

MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 5_000
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# The parts a real file of each format cannot do without.
REQUIRED_PARTS = {
    FileFormat.DOCX: ("[Content_Types].xml", "word/document.xml"),
    FileFormat.XLSX: ("[Content_Types].xml", "xl/workbook.xml"),
    FileFormat.ODT: ("mimetype", "content.xml"),
}


class RefusedUpload(ApplicationError):
    """The file is not one the portal accepts; the message says why."""


def _refuse_type():
    return RefusedUpload(
        _("This file is not a PDF, DOCX, ODT or XLSX document. Choose a file in one of those formats.")
    )


def check_upload(upload) -> str:
    """Return the file's format (a FileFormat value) or raise RefusedUpload with a clear message."""
    limit = settings.UPLOAD_MAX_FILE_BYTES
    if upload.size > limit:
        raise RefusedUpload(
            _("The file is %(size)s; files may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)}
        )
    if upload.size == 0:
        raise RefusedUpload(_("The file is empty."))
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    try:
        if kind is not None and kind.extension == "pdf" and head.startswith(b"%PDF-"):
            _check_pdf(upload)
            return FileFormat.PDF
        if head.startswith(b"PK\x03\x04"):
            return _check_office_zip(upload)
        raise _refuse_type()
    finally:
        upload.seek(0)


def _check_pdf(upload):
    try:
        reader = PdfReader(upload)
        if len(reader.pages) == 0:
            raise _refuse_type()
    except (PdfReadError, ValueError, KeyError, TypeError) as error:
        raise RefusedUpload(_("This PDF file is damaged and cannot be opened.")) from error


def _check_office_zip(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES or sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES:
                raise RefusedUpload(_("This file expands to an unreasonable size and was refused."))
            names = {entry.filename for entry in entries}
            for file_format, parts in REQUIRED_PARTS.items():
                if all(part in names for part in parts):
                    if file_format == FileFormat.ODT and archive.read("mimetype").strip() != ODT_MIMETYPE:
                        continue
                    return file_format
    except zipfile.BadZipFile as error:
        raise RefusedUpload(_("This file is damaged and cannot be opened.")) from error
    raise _refuse_type()
