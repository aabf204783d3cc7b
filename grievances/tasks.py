"""Celery tasks of the public feedback form."""

from celery import shared_task

from . import uploads


@shared_task(ignore_result=True)
def incoming_files_cleanup_task():
    """Delete attachments kept after a form error whose sender never came back (run by beat)."""
    return uploads.incoming_files_remove_stale()


@shared_task(ignore_result=True)
def grievance_anonymise_expired_task():
    """Anonymise closed cases past GRM_RETENTION_DAYS (run daily by beat); safe to run again."""
    from .personal_data import grievances_anonymise_expired

    return grievances_anonymise_expired()


@shared_task(ignore_result=True)
def grievance_complainant_clock_task():
    """Send due reminders for unanswered questions and close resolved cases left unanswered (run daily by beat)."""
    from .complainant_side import grievances_close_unanswered, grievances_remind_unanswered

    return {"reminded": grievances_remind_unanswered(), "closed": grievances_close_unanswered()}
