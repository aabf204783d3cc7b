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
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smartgov.crypto import EncryptedCharField
from smartgov.search_keys import contact_search_key, email_search_key, phone_search_key

from .moderation import ModerationState, RemovalReason


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

    def awaiting_moderation(self):
        return self.filter(moderation_state=ModerationState.PENDING)

    def public(self):
        """What the public may see: published items, and removed ones (shown as removed, without their text)."""
        return self.exclude(moderation_state=ModerationState.PENDING)

    def of_person(self, *, email: str = "", phone: str = ""):
        """Items whose author left this exact e-mail or phone number as their contact (blind index)."""
        keys = [key for key in (email_search_key(email), phone_search_key(phone)) if key]
        return self.filter(author_contact_index__in=keys)


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
    # The author's name and contact are encrypted at rest; the contact (a phone or an e-mail) is found
    # again by its exact value through its blind index, for the personal-data export.
    author_name = EncryptedCharField(_("name"), max_length=200, blank=True)
    author_organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    author_contact = EncryptedCharField(_("contact"), max_length=255, blank=True)
    author_contact_index = models.CharField(_("contact search key"), max_length=64, blank=True, editable=False)
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

    moderation_state = models.CharField(
        _("moderation"), max_length=16, choices=ModerationState.choices, default=ModerationState.PUBLISHED
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True, editable=False)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        on_delete=models.SET_NULL,
    )
    removal_reason = models.CharField(
        _("reason for removal"), max_length=16, choices=RemovalReason.choices, blank=True, editable=False
    )
    removal_note = models.TextField(
        _("moderator's note"), blank=True, editable=False, help_text=_("Shown publicly with the removed comment.")
    )

    objects = FeedbackItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("feedback item")
        verbose_name_plural = _("feedback items")
        ordering = ["topic", "received_at", "id"]
        permissions = [("moderate_feedbackitem", _("Can moderate public comments"))]
        indexes = [
            models.Index(fields=["subject_type", "subject_id"], name="feedback_subject"),
            models.Index(fields=["received_at"], name="feedback_received"),
            models.Index(
                fields=["received_at"], name="feedback_awaiting_moderation", condition=Q(moderation_state="pending")
            ),
            models.Index(
                fields=["author_contact_index"], name="feedback_contact_index", condition=~Q(author_contact_index="")
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(moderation_state__in=ModerationState.values), name="feedback_moderation_state_valid"
            ),
            # A removed item says why, publicly; an item that is not removed has no reason for removal.
            models.CheckConstraint(
                condition=(Q(moderation_state=ModerationState.REMOVED) & ~Q(removal_reason=""))
                | (~Q(moderation_state=ModerationState.REMOVED) & Q(removal_reason="")),
                name="feedback_removed_has_reason",
            ),
        ]

    def __str__(self):
        return self.text[:60]

    def save(self, *args, update_fields=None, **kwargs):
        """Save, keeping the contact's blind index in step with the contact (as Complainant.save does)."""
        self.author_contact_index = contact_search_key(self.author_contact)
        if update_fields is not None and "author_contact" in update_fields:
            update_fields = {*update_fields, "author_contact_index"}
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def public_author(self):
        """The name to publish: only with the person's consent, never for a removed item."""
        return self.author_name if self.name_consent and not self.is_removed else ""

    @property
    def is_removed(self):
        return self.moderation_state == ModerationState.REMOVED

    @property
    def is_awaiting_moderation(self):
        return self.moderation_state == ModerationState.PENDING
