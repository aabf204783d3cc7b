"""The sensitive-case pathway's registers: support services and the referrals made to them with consent.

Sexual exploitation and abuse, sexual harassment and other cases that put the
complainant in danger follow a survivor-centred pathway (World Bank ESF good
practice): minimal data, a register of support services the complainant is
shown, and a referral to one of them only with the complainant's consent.
Kept apart from models.py (already long); models.py imports these so Django
finds them as models of the grievances app.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .places import aimag_choices


class ReferralConsent(models.TextChoices):
    """Whether the complainant agreed to be put in touch with a support service."""

    NOT_ASKED = "not_asked", _("Not asked yet")
    YES = "yes", _("Yes, they agree to a referral")
    NO = "no", _("No, they do not want a referral")


class SupportServiceQuerySet(models.QuerySet):
    def offered(self):
        """The services shown to complainants, the nationwide ones first."""
        return self.filter(is_active=True).order_by(
            models.Case(models.When(aimag="", then=0), default=1), "ordering", "name"
        )


class SupportService(models.Model):
    """A service that helps survivors of abuse or harassment (a helpline, a shelter, a one-stop centre).

    Name, offer and hours are kept in Mongolian and English (translation.py);
    the `_kk` fields give them in Kazakh for the Kazakh pages, which show the
    Mongolian text when one is empty (Mongolian is the language every service
    answers in). Staff keep the register in the admin; a service no longer
    offered is made inactive rather than deleted, so referrals keep their link.
    """

    name = models.CharField(_("name"), max_length=200)
    offers = models.TextField(_("what it offers"))
    phone = models.CharField(_("phone"), max_length=100)
    hours = models.CharField(_("opening hours"), max_length=200, blank=True)
    aimag = models.CharField(
        _("aimag or capital"),
        max_length=8,
        choices=aimag_choices,
        blank=True,
        help_text=_("Where the service is; leave empty for a service that helps people anywhere in the country."),
    )
    name_kk = models.CharField(_("name [kk]"), max_length=200, blank=True)
    offers_kk = models.TextField(_("what it offers [kk]"), blank=True)
    hours_kk = models.CharField(_("opening hours [kk]"), max_length=200, blank=True)
    is_active = models.BooleanField(_("offered"), default=True, help_text=_("Shown to complainants."))
    ordering = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers are listed first."))

    objects = SupportServiceQuerySet.as_manager()

    class Meta:
        verbose_name = _("support service")
        verbose_name_plural = _("support services")
        ordering = ["ordering", "name"]

    def __str__(self):
        return self.name

    def in_language(self, language: str) -> dict:
        """The texts as a page in `language` shows them: Kazakh where written, else the Mongolian copy."""
        if language == "kk":
            return {
                "name": self.name_kk or self.name_mn or self.name,
                "offers": self.offers_kk or self.offers_mn or self.offers,
                "hours": self.hours_kk or self.hours_mn or self.hours,
            }
        return {"name": self.name, "offers": self.offers, "hours": self.hours}


class SupportReferral(models.Model):
    """A sensitive case's complainant put in touch with a support service, which they agreed to.

    Written only by sensitive.grievance_support_referral_record, which refuses
    it unless the case records the complainant's consent.
    """

    grievance = models.ForeignKey(
        "grievances.Grievance", verbose_name=_("grievance"), on_delete=models.CASCADE, related_name="support_referrals"
    )
    service = models.ForeignKey(
        SupportService, verbose_name=_("support service"), on_delete=models.PROTECT, related_name="referrals"
    )
    referred_at = models.DateTimeField(_("referred at"), auto_now_add=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("referral to a support service")
        verbose_name_plural = _("referrals to support services")
        ordering = ["referred_at", "id"]

    def __str__(self):
        return f"{self.grievance}: {self.service}"


# On Grievance.Meta: the stored consent is one of the three answers.
SENSITIVE_CONSTRAINTS = [
    models.CheckConstraint(
        condition=Q(referral_consent__in=ReferralConsent.values), name="grievance_referral_consent_valid"
    ),
]
