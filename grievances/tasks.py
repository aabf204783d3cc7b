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


@shared_task(bind=True, max_retries=3, default_retry_delay=60, ignore_result=True)
def referral_letter_create_task(self, grievance_id: int):
    """Render and keep the referral letter of a case just marked unrelated; safe to run again."""
    from .referrals import referral_letter_create

    try:
        referral_letter_create(grievance_id=grievance_id)
    except OSError as error:  # storage hiccup: try again later
        raise self.retry(exc=error) from error
