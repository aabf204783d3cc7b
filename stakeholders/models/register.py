"""The stakeholder register (SEP table 2) and the vulnerable groups it must cover."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from smartgov.crypto import EncryptedCharField, EncryptedEmailField
from smartgov.search_keys import email_search_key, phone_search_key


class Level(models.TextChoices):
    """Interest and influence are rated on the SEP's three-step scale."""

    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")


class StakeholderType(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    DEVELOPMENT_PARTNER = "development_partner", _("Development partner")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    NGO_CSO = "ngo_cso", _("NGO or civil society organisation")
    ACADEMIA = "academia", _("Academia")
    MEDIA = "media", _("Media")
    COMMUNITY_GROUP = "community_group", _("Community group")
    INDIVIDUAL = "individual", _("Individual")


class StakeholderCategory(models.TextChoices):
    PROJECT_AFFECTED_PARTY = "project_affected_party", _("Project-affected party")
    OTHER_INTERESTED_PARTY = "other_interested_party", _("Other interested party")
    VULNERABLE_GROUP = "vulnerable_group", _("Vulnerable group")


class PreferredLanguage(models.TextChoices):
    MONGOLIAN = "mn", _("Mongolian")
    ENGLISH = "en", _("English")
    KAZAKH = "kk", _("Kazakh")
    OTHER = "other", _("Other")


class AccessibilityFields(models.Model):
    """The accessibility support the SEP names (section 4), needed by a stakeholder or offered at an event."""

    sign_language = models.BooleanField(_("sign language interpretation"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    easy_read = models.BooleanField(_("easy-read documents"), default=False)
    step_free_access = models.BooleanField(_("step-free access"), default=False)
    accessibility_other = models.CharField(_("other accessibility support"), max_length=255, blank=True)

    class Meta:
        abstract = True

    def accessibility_labels(self):
        """Name the support ticked, in the current language, for display."""
        names = [
            (self.sign_language, _("Sign language interpretation")),
            (self.hearing_loop, _("Hearing loop")),
            (self.easy_read, _("Easy-read documents")),
            (self.step_free_access, _("Step-free access")),
        ]
        labels = [str(label) for ticked, label in names if ticked]
        if self.accessibility_other:
            labels.append(self.accessibility_other)
        return labels


class VulnerableGroupQuerySet(models.QuerySet):
    def with_representation(self):
        return self.annotate(stakeholder_count=Count("stakeholders", distinct=True))

    def gaps(self):
        """Groups that no stakeholder in the register represents yet."""
        return self.with_representation().filter(stakeholder_count=0)


class VulnerableGroup(models.Model):
    """A vulnerable group named in the SEP; the list is editable as the SIA confirms it."""

    name = models.CharField(_("name"), max_length=255, unique=True)
    description = models.TextField(_("description"), blank=True)
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)

    objects = VulnerableGroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("vulnerable group")
        verbose_name_plural = _("vulnerable groups")
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class StakeholderQuerySet(models.QuerySet):
    def government(self):
        return self.filter(is_government=True)

    def representing(self, group):
        return self.filter(vulnerable_groups=group)


class Stakeholder(AccessibilityFields):
    """An organisation or group in the register, with its interest in and influence on the project."""

    name = models.CharField(_("organisation or group"), max_length=500)
    stakeholder_type = models.CharField(_("type"), max_length=32, choices=StakeholderType.choices)
    role = models.TextField(_("role in the project"), blank=True)
    interest = models.CharField(_("interest"), max_length=8, choices=Level.choices)
    influence = models.CharField(_("influence"), max_length=8, choices=Level.choices)
    category = models.CharField(_("category"), max_length=32, choices=StakeholderCategory.choices)
    is_government = models.BooleanField(_("government"), default=False)
    vulnerable_groups = models.ManyToManyField(
        VulnerableGroup,
        verbose_name=_("vulnerable groups represented"),
        related_name="stakeholders",
        blank=True,
    )
    preferred_channels = models.CharField(
        _("preferred channels"), max_length=255, blank=True, help_text=_("For example: e-mail, letter, meeting.")
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=PreferredLanguage.choices, default=PreferredLanguage.MONGOLIAN
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = StakeholderQuerySet.as_manager()

    class Meta:
        verbose_name = _("stakeholder")
        verbose_name_plural = _("stakeholders")
        ordering = ["name"]
        indexes = [models.Index(fields=["interest", "influence"], name="stakeholder_grid")]
        constraints = [
            models.CheckConstraint(condition=Q(interest__in=Level.values), name="stakeholder_interest_valid"),
            models.CheckConstraint(condition=Q(influence__in=Level.values), name="stakeholder_influence_valid"),
        ]

    def __str__(self):
        return self.name


class Representative(models.Model):
    """A person speaking for a stakeholder; never shown on public pages."""

    stakeholder = models.ForeignKey(
        Stakeholder, verbose_name=_("stakeholder"), related_name="representatives", on_delete=models.CASCADE
    )
    name = models.CharField(_("name"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    # Contact details are encrypted at rest and found again by exact value through their blind indexes.
    email = EncryptedEmailField(_("e-mail"), max_length=254, blank=True)
    phone = EncryptedCharField(_("telephone"), max_length=50, blank=True)
    email_index = models.CharField(_("e-mail search key"), max_length=64, blank=True, editable=False)
    phone_index = models.CharField(_("phone search key"), max_length=64, blank=True, editable=False)
    is_verified = models.BooleanField(
        _("legitimacy verified"),
        default=False,
        help_text=_("Confirmed as a genuine advocate of the group they represent (SEP section 3)."),
    )
    verified_on = models.DateField(_("verified on"), null=True, blank=True)
    verification_method = models.CharField(_("how it was verified"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("representative")
        verbose_name_plural = _("representatives")
        ordering = ["stakeholder", "name"]
        indexes = [
            models.Index(fields=["email_index"], name="representative_email_index", condition=~Q(email_index="")),
            models.Index(fields=["phone_index"], name="representative_phone_index", condition=~Q(phone_index="")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_verified=False) | Q(verified_on__isnull=False),
                name="representative_verified_has_date",
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, update_fields=None, **kwargs):
        """Save, keeping the blind indexes in step with the e-mail and phone (as Complainant.save does)."""
        self.email_index = email_search_key(self.email)
        self.phone_index = phone_search_key(self.phone)
        if update_fields is not None:
            update_fields = set(update_fields)
            update_fields |= {f"{name}_index" for name in ("email", "phone") if name in update_fields}
        super().save(*args, update_fields=update_fields, **kwargs)

    def clean(self):
        if self.is_verified and not self.verified_on:
            raise ValidationError({"verified_on": _("Give the date on which the legitimacy was verified.")})
        if self.is_verified and not self.verification_method.strip():
            raise ValidationError({"verification_method": _("Say how the legitimacy was verified.")})
