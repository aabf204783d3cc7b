"""Portal-wide data: the government's changes to the working-day calendar."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .crypto import EncryptedCharField, EncryptedTextField


class CalendarDay(models.Model):
    """A day whose working status the government changed by decree.

    The public-holiday calendar comes from the `holidays` package; this table
    holds what it cannot know: extra days off, and weekend days declared
    working days when a holiday is moved.
    """

    date = models.DateField(_("date"), unique=True)
    is_working_day = models.BooleanField(
        _("is a working day"),
        default=False,
        help_text=_("Leave unticked for an extra day off; tick it for a weekend day declared a working day."),
    )
    reason = models.CharField(_("reason"), max_length=255, blank=True, help_text=_("For example the decree number."))

    class Meta:
        verbose_name = _("calendar change")
        verbose_name_plural = _("calendar changes")
        ordering = ["-date"]

    def __str__(self):
        return f"{self.date:%Y-%m-%d}"


class OutboxStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class OutboxChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")


class OutboxMessage(models.Model):
    """An e-mail or a text message (SMS) to send, written in the same transaction as the change it reports.

    The row is the source of truth: a task is queued on commit, and if the
    broker is down the row stays pending until the periodic flush sends it.
    A failed attempt is retried later and later, up to OUTBOX_MAX_ATTEMPTS.
    """

    channel = models.CharField(_("channel"), max_length=8, choices=OutboxChannel.choices, default=OutboxChannel.EMAIL)
    # The address or phone number and the text (which may quote the person's case) are personal data:
    # encrypted at rest.
    recipient = EncryptedCharField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=255, blank=True, help_text=_("Empty for an SMS."))
    body = EncryptedTextField(_("body"))
    reference = models.CharField(
        _("reference"), max_length=100, blank=True, help_text=_("What the message is about, e.g. grievance:42.")
    )
    status = models.CharField(_("status"), max_length=16, choices=OutboxStatus.choices, default=OutboxStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    # After a failed attempt, not before this time (a growing delay, so a short mail-server outage does not
    # use up the attempts); empty until then.
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    erase_after_send = models.BooleanField(
        _("erase the text once sent"),
        default=False,
        help_text=_("For a message that carries a tracking code: the text is kept only until it is sent."),
    )

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing messages")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["status", "created_at"], name="outbox_status_created")]

    def __str__(self):
        return f"{self.recipient}: {self.subject}"
