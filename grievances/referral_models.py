"""The register of bodies unrelated cases are referred to, and the letters that tell the complainant.

Kept apart from models.py (already long); models.py imports these, so Django
finds them as models of the grievances app.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferralBodyQuerySet(models.QuerySet):
    def active(self):
        """The bodies offered when a case is marked unrelated."""
        return self.filter(is_active=True)


class ReferralBody(models.Model):
    """A body outside the project that handles issues the PIU cannot, such as the 11-11 public complaints centre.

    Name, contact and address are kept in Mongolian and English
    (translation.py): the letter and the case take them in the complainant's
    language. A body no longer used is made inactive rather than deleted, so
    the cases referred to it keep their link.
    """

    name = models.CharField(_("name"), max_length=200)
    contact = models.CharField(
        _("how to reach them"), max_length=300, blank=True, help_text=_("Phone, e-mail or website.")
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    is_active = models.BooleanField(_("offered"), default=True, help_text=_("Offered when a case is marked unrelated."))
    ordering = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers are listed first."))

    objects = ReferralBodyQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral body")
        verbose_name_plural = _("referral bodies")
        ordering = ["ordering", "name"]

    def __str__(self):
        return self.name


def referral_letter_path(instance, filename):
    return f"grievances/referral-letters/{instance.grievance_id}/{filename}"


class ReferralLetter(models.Model):
    """The letter telling a complainant where their unrelated case was referred to (a PDF, kept on the case).

    One letter per marking as unrelated (its history entry), so a task run
    twice for the same marking writes one letter, and a case reopened and
    marked unrelated again gets a second one.
    """

    grievance = models.ForeignKey(
        "grievances.Grievance", verbose_name=_("grievance"), on_delete=models.CASCADE, related_name="referral_letters"
    )
    event = models.OneToOneField(
        "grievances.GrievanceEvent",
        verbose_name=_("history entry"),
        on_delete=models.CASCADE,
        related_name="referral_letter",
    )
    language = models.CharField(_("language"), max_length=2)
    file = models.FileField(_("file"), upload_to=referral_letter_path, max_length=255)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("referral letter")
        verbose_name_plural = _("referral letters")
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"{self.grievance}: {self.created_at:%Y-%m-%d}"
