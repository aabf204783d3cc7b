"""Celery tasks of stakeholder engagement, run by beat."""

from celery import shared_task


@shared_task(ignore_result=True)
def feedback_moderation_digest_task():
    """Tell moderators of comments that arrived since the last digest, once its window has passed; safe to repeat."""
    from .moderation_digest import feedback_moderation_digest_send

    digest = feedback_moderation_digest_send()
    return digest.pk if digest else None


@shared_task(ignore_result=True)
def feedback_authors_forget_expired_task():
    """Remove commenters' names and contacts past PUBLIC_COMMENT_RETENTION_DAYS (run daily by beat)."""
    from .personal_data import feedback_authors_forget_expired

    return feedback_authors_forget_expired()


@shared_task(ignore_result=True)
def event_registrations_forget_expired_task():
    """Remove registrants' names and contacts past EVENT_REGISTRATION_RETENTION_DAYS after the event (daily)."""
    from .registrations import event_registrations_forget_expired

    return event_registrations_forget_expired()
