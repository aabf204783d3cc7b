"""People who register online for an upcoming consultation event."""

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartgov.crypto import EncryptedCharField
from smartgov.search_keys import contact_search_key, email_search_key, phone_search_key

from .events import ConsultationEvent, OrganisationType
from .register import AccessibilityFields


class EventRegistrationQuerySet(models.QuerySet):
    def of_person(self, *, email: str = "", phone: str = ""):
        """Registrations whose contact is this exact e-mail or phone number (blind index)."""
        keys = [key for key in (email_search_key(email), phone_search_key(phone)) if key]
        return self.filter(contact_index__in=keys)


class EventRegistration(AccessibilityFields):
    """One person registered online for an event, with the support they need to take part.

    The name and contact are optional and encrypted at rest, found again by
    the contact's blind index for a personal-data export, and removed
    EVENT_REGISTRATION_RETENTION_DAYS after the event (the count, the
    organisation and the support asked for stay, for the event's figures).
    The accessibility fields say what the person asked for.
    """

    event = models.ForeignKey(
        ConsultationEvent, verbose_name=_("event"), related_name="registrations", on_delete=models.CASCADE
    )
    name = EncryptedCharField(_("name"), max_length=200, blank=True)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    organisation_type = models.CharField(
        _("organisation type"), max_length=32, choices=OrganisationType.choices, blank=True
    )
    contact = EncryptedCharField(_("phone or e-mail"), max_length=255, blank=True)
    contact_index = models.CharField(_("contact search key"), max_length=64, blank=True, editable=False)
    consent = models.BooleanField(
        _("agreed that the PIU keeps these details for the event"),
        default=False,
        help_text=_("Required: without it nothing is kept."),
    )
    registered_at = models.DateTimeField(_("registered at"), default=timezone.now)

    objects = EventRegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event", "registered_at", "id"]
        indexes = [
            models.Index(fields=["contact_index"], name="registration_contact_index", condition=~Q(contact_index="")),
        ]
        constraints = [models.CheckConstraint(condition=Q(consent=True), name="registration_has_consent")]

    def __str__(self):
        return self.organisation or str(_("Participant registered online"))

    def save(self, *args, update_fields=None, **kwargs):
        """Save, keeping the contact's blind index in step with the contact (as FeedbackItem.save does)."""
        self.contact_index = contact_search_key(self.contact)
        if update_fields is not None and "contact" in update_fields:
            update_fields = {*update_fields, "contact_index"}
        super().save(*args, update_fields=update_fields, **kwargs)
