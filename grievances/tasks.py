"""Celery tasks of the public feedback form."""

from celery import shared_task

from . import uploads


@shared_task(ignore_result=True)
def incoming_files_cleanup_task():
    """Delete attachments kept after a form error whose sender never came back (run by beat)."""
    return uploads.incoming_files_remove_stale()
