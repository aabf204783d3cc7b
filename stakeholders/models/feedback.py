"""Stakeholder engagement: feedback items and the reasoned response to each.

A feedback item is one point raised by the public: at a consultation event, in
a comment on a disclosed document, or through any other channel. Its subject
is generic (an event, a document version, ...) so that every part of the
portal can collect feedback without the apps depending on each other.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class FeedbackSource(models.TextChoices):
    EVENT = "event", _("Consultation event")
    DOCUMENT_COMMENT = "document_comment", _("Comment on a disclosed document")
    OTHER_CHANNEL = "other_channel", _("Other channel")


class ResponseDecision(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    NOT_ACCEPTED = "not_accepted", _("Not accepted")
    OUT_OF_SCOPE = "out_of_scope", _("Out of scope")


class FeedbackItemQuerySet(models.QuerySet):
    def for_subject(self, subject):
        content_type = ContentType.objects.get_for_model(subject)
        return self.filter(subject_type=content_type, subject_id=subject.pk)

    def responded(self):
        return self.exclude(decision="")

    def awaiting_response(self):
        return self.filter(decision="")


class FeedbackItem(models.Model):
    """One point raised by the public and the PIU's reasoned response to it."""

    subject_type = models.ForeignKey(
        ContentType, verbose_name=_("subject type"), null=True, blank=True, on_delete=models.PROTECT
    )
    subject_id = models.PositiveBigIntegerField(_("subject id"), null=True, blank=True)
    subject = GenericForeignKey("subject_type", "subject_id")
    source = models.CharField(_("source"), max_length=32, choices=FeedbackSource.choices)
    topic = models.CharField(_("topic"), max_length=255, blank=True)
    text = models.TextField(_("feedback"))
    received_at = models.DateTimeField(_("received at"))
    author_name = models.CharField(_("name"), max_length=200, blank=True)
    author_organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    author_contact = models.CharField(_("contact"), max_length=255, blank=True)
    name_consent = models.BooleanField(
        _("agreed to be named publicly"), default=False, help_text=_("Without consent the name is never published.")
    )

    decision = models.CharField(_("response"), max_length=32, choices=ResponseDecision.choices, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    reflected_in = models.CharField(
        _("where it was reflected"), max_length=255, blank=True, help_text=_("Document and section.")
    )
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("responded by"), null=True, blank=True, on_delete=models.SET_NULL
    )

    objects = FeedbackItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback item")
        verbose_name_plural = _("feedback items")
        ordering = ["topic", "received_at", "id"]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"], name="feedback_subject"),
            models.Index(fields=["received_at"], name="feedback_received"),
        ]

    def __str__(self):
        return self.text[:60]

    @property
    def public_author(self):
        """The name to publish: only with the person's consent."""
        return self.author_name if self.name_consent else ""
