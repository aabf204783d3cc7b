"""Consultation events (SEP table 3, annexes A to C): agenda, participation, materials."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from smartgov.choices import ProjectStage

from .register import AccessibilityFields, Stakeholder


class EventKind(models.TextChoices):
    """The SEP's KPIs count consultation meetings and other public discussions separately.

    Outreach (an exhibition stand, a fair, an information campaign) informs
    people rather than consults them: the GRM report lists it under "Other"
    with the number of people reached.
    """

    CONSULTATION_MEETING = "consultation_meeting", _("Consultation meeting")
    PUBLIC_DISCUSSION = "public_discussion", _("Public discussion or forum")
    OUTREACH = "outreach", _("Outreach (exhibition, fair, information campaign)")


class EventFormat(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    FOCUS_GROUP = "focus_group", _("Focus group")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class OrganisationType(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    NON_GOVERNMENT = "non_government", _("Non-government")


class ConsultationEventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def upcoming(self, today=None):
        return self.filter(starts_on__gte=today or timezone.localdate())

    def past(self, today=None):
        return self.filter(starts_on__lt=today or timezone.localdate())

    def outreach(self):
        return self.filter(kind=EventKind.OUTREACH)

    def held_between(self, start, end, today=None):
        """Events that took place in the period: planned ones in the future are not counted yet."""
        today = today or timezone.localdate()
        return self.filter(starts_on__gte=start, starts_on__lte=min(end, today))


class ConsultationEvent(AccessibilityFields):
    """A meeting, focus group or public discussion held with stakeholders.

    The accessibility fields say what support is provided (past events) or can
    be requested (upcoming ones).
    """

    title = models.CharField(_("title"), max_length=255)
    kind = models.CharField(_("kind"), max_length=32, choices=EventKind.choices, default=EventKind.CONSULTATION_MEETING)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True, help_text=_("Leave empty for a one-day event."))
    event_format = models.CharField(
        _("format"), max_length=32, choices=EventFormat.choices, blank=True, help_text=_("Leave empty if not recorded.")
    )
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    topics = models.TextField(_("topics"), blank=True)
    responsible_body = models.CharField(_("responsible body"), max_length=255)
    project_stage = models.CharField(_("project stage"), max_length=32, choices=ProjectStage.choices)
    invited_stakeholders = models.ManyToManyField(
        Stakeholder, verbose_name=_("invited stakeholders"), related_name="invitations", blank=True
    )
    attending_stakeholders = models.ManyToManyField(
        Stakeholder, verbose_name=_("attending stakeholders"), related_name="attendances", blank=True
    )
    how_to_take_part = models.TextField(
        _("how to take part"), blank=True, help_text=_("Shown on the public page while the event is upcoming.")
    )
    minutes = models.TextField(_("minutes"), blank=True)
    people_reached = models.PositiveIntegerField(
        _("people reached"),
        null=True,
        blank=True,
        help_text=_("For outreach: how many people the project informed (e.g. visitors to the stand)."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    # The online feedback window: while it is open the public page takes comments (stakeholders/registrations.py).
    comments_open_from = models.DateField(_("online comments from"), null=True, blank=True)
    comments_open_until = models.DateField(
        _("online comments until"),
        null=True,
        blank=True,
        help_text=_("Leave both empty when the event takes no comments online."),
    )

    objects = ConsultationEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("consultation event")
        verbose_name_plural = _("consultation events")
        ordering = ["-starts_on", "title"]
        indexes = [models.Index(fields=["starts_on"], name="event_starts_on")]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=F("starts_on")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(comments_open_from__isnull=True, comments_open_until__isnull=True)
                | Q(
                    comments_open_from__isnull=False,
                    comments_open_until__isnull=False,
                    comments_open_until__gte=F("comments_open_from"),
                ),
                name="event_comment_window_valid",
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end date cannot be before the start date.")})
        if (self.comments_open_from is None) != (self.comments_open_until is None):
            raise ValidationError(
                {"comments_open_until": _("Give both days of the online comment window, or neither.")}
            )
        if self.comments_open_from and self.comments_open_until < self.comments_open_from:
            raise ValidationError({"comments_open_until": _("The comment window cannot end before it opens.")})

    def get_absolute_url(self):
        return reverse("stakeholders:event_detail", kwargs={"pk": self.pk})

    @property
    def is_upcoming(self):
        return self.starts_on >= timezone.localdate()

    @property
    def takes_registrations(self):
        """A published event takes registrations online until the day it starts."""
        return self.is_published and self.is_upcoming

    def takes_comments(self, today=None):
        """A published event takes comments online while its feedback window is open."""
        today = today or timezone.localdate()
        return (
            self.is_published
            and self.comments_open_from is not None
            and self.comments_open_from <= today <= self.comments_open_until
        )


class AgendaItem(models.Model):
    event = models.ForeignKey(
        ConsultationEvent, verbose_name=_("event"), related_name="agenda_items", on_delete=models.CASCADE
    )
    starts_at = models.TimeField(_("starts at"))
    ends_at = models.TimeField(_("ends at"), null=True, blank=True)
    title = models.CharField(_("agenda item"), max_length=255)
    details = models.TextField(_("details"), blank=True)
    presenter = models.CharField(_("presented by"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["event", "starts_at", "id"]

    def __str__(self):
        return self.title


class Participation(models.Model):
    """How many people one organisation sent, by gender (SEP annex C)."""

    event = models.ForeignKey(
        ConsultationEvent, verbose_name=_("event"), related_name="participations", on_delete=models.CASCADE
    )
    organisation = models.CharField(_("organisation"), max_length=255)
    stakeholder = models.ForeignKey(
        Stakeholder,
        verbose_name=_("stakeholder in the register"),
        related_name="participations",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    organisation_type = models.CharField(_("organisation type"), max_length=32, choices=OrganisationType.choices)
    male = models.PositiveIntegerField(_("men"), default=0)
    female = models.PositiveIntegerField(_("women"), default=0)
    other = models.PositiveIntegerField(
        _("other or not disclosed"),
        default=0,
        help_text=_("Also use this when the record does not give the participants' gender."),
    )
    position = models.PositiveSmallIntegerField(_("position in lists"), default=0)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participation by organisation")
        ordering = ["event", "position", "id"]

    def __str__(self):
        return self.organisation

    @property
    def total(self):
        return self.male + self.female + self.other


class EventMaterial(models.Model):
    """A document presented at the event, by link (the disclosure app keeps the documents themselves)."""

    event = models.ForeignKey(
        ConsultationEvent, verbose_name=_("event"), related_name="materials", on_delete=models.CASCADE
    )
    title = models.CharField(_("title"), max_length=255)
    url = models.URLField(_("link"), max_length=500)

    class Meta:
        verbose_name = _("material presented")
        verbose_name_plural = _("materials presented")
        ordering = ["event", "id"]

    def __str__(self):
        return self.title
