"""Background work for disclosure: extracting the text of uploaded files for search."""

from celery import shared_task

from .models import VersionFile
from .services import version_file_extract_text


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def version_file_extract_text_task(version_file_id: int) -> None:
    """Extract one file's text; a file deleted meanwhile is skipped (idempotent)."""
    version_file = VersionFile.objects.filter(pk=version_file_id).first()
    if version_file is not None:
        version_file_extract_text(version_file=version_file)
