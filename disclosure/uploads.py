"""What the document register accepts: PDF, DOCX, ODT and XLSX, checked by content in smartgov.uploads."""

from smartgov import uploads
from smartgov.uploads import UploadRules

from .models import FileFormat

# Content types with the FileFormat (and file extension) each is stored as.
ACCEPTED = UploadRules(
    types={
        uploads.PDF: FileFormat.PDF,
        uploads.DOCX: FileFormat.DOCX,
        uploads.ODT: FileFormat.ODT,
        uploads.XLSX: FileFormat.XLSX,
    }
)


def check_upload(upload) -> FileFormat:
    """Return the file's format, or raise RefusedUpload with a message for the person."""
    return ACCEPTED.types[uploads.check_upload(upload, rules=ACCEPTED)]
