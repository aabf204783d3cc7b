"""The grievance log: cases, their complainants, stages, attachments and history.

One Grievance is one row of the PIU's log (SEP table 5): any feedback the PIU
registers, whatever its kind. Complainant identity lives in its own table so
that who may see it, who saw it and anonymisation concern one row only.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from smartgov.crypto import EncryptedCharField, EncryptedEmailField
from smartgov.search_keys import email_search_key, name_search_key, phone_search_key
from smartgov.workdays import add_working_days

from .places import aimag_choices
from .sensitive_models import SENSITIVE_CONSTRAINTS, ReferralConsent, SupportReferral, SupportService  # noqa: F401


class Kind(models.TextChoices):
    COMPLAINT = "complaint", _("Complaint")
    REQUEST = "request", _("Request")
    CLARIFICATION = "clarification", _("Clarification")
    COMMENT = "comment", _("Comment")


class Channel(models.TextChoices):
    HOTLINE = "hotline", _("Hotline / telephone")
    IN_PERSON = "in_person", _("In person")
    WRITTEN = "written", _("Written letter")
    EMAIL = "email", _("E-mail")
    WEBSITE = "website", _("Project website")
    FACEBOOK = "facebook", _("Facebook page")


class Status(models.TextChoices):
    RESOLVING = "resolving", _("Resolving")
    RESOLVED = "resolved", _("Resolved")
    UNRELATED = "unrelated", _("Unrelated")


class State(models.TextChoices):
    """Where a case is in the workflow (grievances.workflow holds the transitions between them).

    Stored on the case, so "open" is one condition (OPEN_STATES) and the
    database ties each state to the dates it implies (see Grievance.Meta).
    `status` stays beside it: it is the report's column (resolving, resolved,
    unrelated) and a closed case keeps whether it was resolved or unrelated.
    """

    REGISTERED = "registered", _("Registered, not yet acknowledged")
    IN_PROGRESS = "in_progress", _("Being resolved")
    AWAITING_COMPLAINANT = "awaiting_complainant", _("Waiting for information from the complainant")
    RESOLVED = "resolved", _("Resolved")
    UNRELATED = "unrelated", _("Unrelated")
    CLOSED = "closed", _("Closed")


# The states in which a case is still being handled. While the PIU waits for the complainant the case
# is open but its clock is paused: it has no deadline then, so it is never overdue (see services).
OPEN_STATES = (State.REGISTERED, State.IN_PROGRESS, State.AWAITING_COMPLAINANT)


def open_condition(prefix: str = "") -> Q:
    """The one definition of an open case, for querysets, annotations and partial indexes."""
    return Q(**{f"{prefix}state__in": [state.value for state in OPEN_STATES]})


def overdue_condition(today) -> Q:
    """The one definition of an overdue case: open, with its current deadline before today."""
    return open_condition() & Q(due_on__lt=today)


def due_condition(first_day, last_day) -> Q:
    """Open cases whose deadline falls between the two days, both included."""
    return open_condition() & Q(due_on__range=(first_day, last_day))


def due_soon_condition(today, working_days=3) -> Q:
    """Open cases due within the next `working_days` working days, today included (the desk's "due soon").

    Counted in working days, as the deadlines themselves are: on a Friday, "3
    working days" reaches Tuesday, and a case due over the weekend is included.
    """
    return due_condition(today, add_working_days(today, working_days))


class Stage(models.IntegerChoices):
    LOCAL = 1, _("Stage 1: registration and acknowledgement")
    PIU = 2, _("Stage 2: assessment and resolution by the PIU")
    STEERING_COMMITTEE = 3, _("Stage 3: Project Steering Committee")
    HIGHER_AUTHORITY = 4, _("Stage 4: higher authority or court")


class ResponseWay(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone call")
    MEETING = "meeting", _("Meeting")
    FACEBOOK = "facebook", _("Facebook chat")
    LETTER = "letter", _("Letter")
    IN_PERSON = "in_person", _("In person")


class Gender(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    OTHER = "other", _("Other or prefer not to say")


class AgeGroup(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    FROM_18_TO_34 = "18_34", _("18 to 34")
    FROM_35_TO_59 = "35_59", _("35 to 59")
    OVER_60 = "60_plus", _("60 or older")


class Disability(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class VulnerableGroup(models.TextChoices):
    """Groups the SEP names as vulnerable, that a person may say they belong to (several at once).

    Women, the elderly and youth are read from the gender and the age group,
    persons with disabilities from Disability; these are the others.
    """

    HERDER = "herder", _("Herder household")
    REMOTE_OR_GER_AREA = "remote_or_ger_area", _("Living in a remote place or a ger area")
    LOW_INCOME = "low_income", _("Poor or low-income household")
    SINGLE_HEADED_HOUSEHOLD = "single_headed_household", _("Single-headed household")
    ETHNIC_MINORITY = "ethnic_minority", _("Ethnic minority, such as Kazakh, Buriad or Tuva")
    NO_REGULAR_INTERNET = "no_regular_internet", _("Without regular electricity or internet")


def vulnerable_groups_value(codes) -> str:
    """Store a set of VulnerableGroup codes in Grievance.vulnerable_groups: in code order, wrapped in commas.

    The commas around every code let one condition find a group
    (vulnerable_group_condition) on PostgreSQL and SQLite alike; "" is no group.
    """
    chosen = [code for code in VulnerableGroup.values if code in set(codes or ())]
    return f",{','.join(chosen)}," if chosen else ""


def vulnerable_groups_codes(value: str) -> list[str]:
    """The VulnerableGroup codes stored in a Grievance.vulnerable_groups value."""
    return [code for code in (value or "").split(",") if code]


def vulnerable_group_condition(code: str, prefix: str = "") -> Q:
    """The cases whose complainant said they belong to the group `code`."""
    return Q(**{f"{prefix}vulnerable_groups__contains": f",{code},"})


class Satisfaction(models.TextChoices):
    RESOLVED = "resolved", _("Yes, resolved")
    NOT_RESOLVED = "not_resolved", _("No, not resolved (appealed)")
    NO_ANSWER = "no_answer", _("No answer within the period")


class MessageLanguage(models.TextChoices):
    """The language a complainant wrote or spoke in, kept with their message."""

    MONGOLIAN = "mn", _("Mongolian")
    ENGLISH = "en", _("English")
    KAZAKH = "kk", _("Kazakh")
    OTHER = "other", _("another language")


class ReplyLanguage(models.TextChoices):
    MONGOLIAN = "mn", _("Mongolian")
    ENGLISH = "en", _("English")
    KAZAKH = "kk", _("Kazakh")


# The texts the PIU keeps in Mongolian and English (translation.py registers them with modeltranslation).
TRANSLATED_TEXTS = ("summary", "actions_taken", "public_answer")


class RegistrationCounter(models.Model):
    """The last running number given in a year; its row is locked while a number is taken.

    Taking the number in the registering transaction means a rolled-back
    registration gives its number back, so numbers have no gaps.
    """

    year = models.PositiveSmallIntegerField(_("year"), primary_key=True)
    last_number = models.PositiveIntegerField(_("last number"), default=0)

    class Meta:
        verbose_name = _("registration counter")
        verbose_name_plural = _("registration counters")

    def __str__(self):
        return f"{self.year}: {self.last_number}"


# Who may see sensitive cases (SEA/SH): the focal point's role and the superuser (smartgov/roles.py).
SENSITIVE_PERMISSION = "grievances.view_sensitive_grievance"


class GrievanceQuerySet(models.QuerySet):
    def open(self):
        """Cases still being handled: registered or being resolved (OPEN_STATES)."""
        return self.filter(open_condition())

    def addressed(self):
        """Cases related to the project (resolving or resolved), as the GRM report counts them."""
        return self.exclude(status=Status.UNRELATED)

    def overdue(self, today):
        """Open cases whose current deadline has passed."""
        return self.filter(overdue_condition(today))

    def due_within(self, today, last_day):
        """Open cases whose deadline falls between today and last_day, both included."""
        return self.filter(due_condition(today, last_day))

    def due_soon(self, today, days=3):
        """Open cases due within the next `days` working days, today included."""
        return self.filter(due_soon_condition(today, days))

    def visible_to(self, user):
        """Cases the user may see: all of them with view_all_grievances, else those assigned to them.

        Project Steering Committee members handle only the cases assigned to them.
        Sensitive cases (SEA/SH, sensitive_models.py) are seen only with
        view_sensitive_grievance (the SEA/SH focal point, the superuser), all
        of them, whatever else the person may see: this is the one rule every
        list, page, export, API answer and count goes through.
        """
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.has_perm("grievances.view_all_grievances"):
            ordinary = Q()
        elif user.has_perm("grievances.view_grievance"):
            ordinary = Q(assigned_to=user)
        else:
            ordinary = None
        may_see_sensitive = user.has_perm(SENSITIVE_PERMISSION)
        if ordinary is None:
            return self.filter(sensitive=True) if may_see_sensitive else self.none()
        if may_see_sensitive:
            return self if ordinary == Q() else self.filter(ordinary | Q(sensitive=True))
        return self.filter(ordinary, sensitive=False)

    def retention_expired(self, now):
        """Closed cases kept longer than GRM_RETENTION_DAYS and not anonymised yet."""
        limit = now - timedelta(days=settings.GRM_RETENTION_DAYS)
        return self.filter(closed_at__lt=limit, anonymised_at__isnull=True)

    def with_is_overdue(self, today):
        """Annotate `is_overdue` in the database, for list pages."""
        return self.annotate(
            is_overdue=models.Case(
                models.When(overdue_condition(today), then=models.Value(True)),
                default=models.Value(False),
                output_field=models.BooleanField(),
            )
        )


# What each state implies about the dates and the report status, kept by the database itself: a
# raw UPDATE that closes a case without a closing date, or leaves a deadline on a finished one, fails.
STATE_CONSTRAINTS = [
    models.CheckConstraint(condition=Q(state__in=State.values), name="grievance_state_valid"),
    models.CheckConstraint(
        condition=Q(state=State.CLOSED, closed_at__isnull=False) | (~Q(state=State.CLOSED) & Q(closed_at__isnull=True)),
        name="grievance_closed_iff_closed_at",
    ),
    models.CheckConstraint(
        condition=Q(state=State.REGISTERED, acknowledged_at__isnull=True)
        | (~Q(state=State.REGISTERED) & Q(acknowledged_at__isnull=False)),
        name="grievance_acknowledged_unless_registered",
    ),
    models.CheckConstraint(
        condition=open_condition() | Q(due_on__isnull=True), name="grievance_no_deadline_when_finished"
    ),
    models.CheckConstraint(
        condition=(Q(state=State.AWAITING_COMPLAINANT) & Q(due_on__isnull=True) & Q(awaiting_since__isnull=False))
        | (~Q(state=State.AWAITING_COMPLAINANT) & Q(awaiting_since__isnull=True)),
        name="grievance_paused_while_awaiting",
    ),
    models.CheckConstraint(
        condition=~Q(state=State.REGISTERED) | Q(due_on__isnull=False), name="grievance_registered_has_deadline"
    ),
    models.CheckConstraint(
        condition=(open_condition() & Q(status=Status.RESOLVING))
        | Q(state=State.RESOLVED, status=Status.RESOLVED)
        | Q(state=State.UNRELATED, status=Status.UNRELATED)
        | Q(state=State.CLOSED, status__in=[Status.RESOLVED, Status.UNRELATED]),
        name="grievance_state_matches_status",
    ),
]


class Grievance(models.Model):
    """A piece of feedback registered in the GRM log, from any channel."""

    registered_no = models.CharField(_("registration number"), max_length=32, unique=True)
    registration_year = models.PositiveSmallIntegerField(_("registration year"))
    registration_sequence = models.PositiveIntegerField(_("running number"))
    kind = models.CharField(_("type"), max_length=16, choices=Kind.choices)
    channel = models.CharField(_("channel"), max_length=16, choices=Channel.choices)
    received_at = models.DateTimeField(_("received at"))
    # What the complainant wrote or said, as received, in the language they used. It may name people
    # and places, so it is never a report's text: the report uses the public summary below.
    message = models.TextField(
        _("message as received"),
        blank=True,
        help_text=_("What the complainant wrote or said, kept as received. It never appears in a report."),
    )
    message_language = models.CharField(
        _("language of the message"), max_length=8, choices=MessageLanguage.choices, blank=True
    )
    # Written by the officer in Mongolian and in English (summary_mn, summary_en): the report's text.
    summary = models.TextField(
        _("public summary"),
        blank=True,
        help_text=_(
            "A short description of the issue for the report, with no name, address or other detail "
            "that could identify anyone."
        ),
    )
    details = models.TextField(_("details"), blank=True)
    # Where the case comes from, for the figures by place: the aimag (or the capital) by its ISO 3166-2:MN code,
    # and the soum or district as written. Kept at anonymisation: the published figures count them.
    aimag = models.CharField(_("aimag or capital"), max_length=8, choices=aimag_choices, blank=True)
    location = models.CharField(_("soum or district"), max_length=200, blank=True)
    # Who the complainant is, as they chose to say (every answer optional), for the figures by gender, age
    # and vulnerable group (SEP section 7). On the case rather than with the complainant's identity: the
    # figures never read that table, and anonymisation keeps them so the published figures do not change.
    gender = models.CharField(_("gender"), max_length=16, choices=Gender.choices, blank=True)
    age_group = models.CharField(_("age group"), max_length=16, choices=AgeGroup.choices, blank=True)
    disability = models.CharField(_("person with a disability"), max_length=8, choices=Disability.choices, blank=True)
    vulnerable_groups = models.CharField(
        _("vulnerable groups"),
        max_length=200,
        blank=True,
        help_text=_("The groups the complainant said they belong to (VulnerableGroup codes)."),
    )

    state = models.CharField(
        _("state"), max_length=24, choices=State.choices, default=State.REGISTERED, db_index=True, editable=False
    )
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.RESOLVING)
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices, default=Stage.LOCAL)
    referred_to = models.CharField(
        _("referred to"), max_length=255, blank=True, help_text=_("For unrelated cases: the body it was referred to.")
    )
    referral_body = models.ForeignKey(
        "grievances.ReferralBody",
        verbose_name=_("referral body"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="grievances",
        help_text=_("For unrelated cases: the body of the register it was referred to, if any."),
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="assigned_grievances",
    )

    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    due_on = models.DateField(_("due on"), null=True, blank=True, help_text=_("Deadline of the current step."))
    actions_taken = models.TextField(_("summary of actions taken"), blank=True)
    public_answer = models.TextField(
        _("answer to the complainant"), blank=True, help_text=_("Shown to the complainant on the tracking page.")
    )
    response_way = models.CharField(_("way of answer"), max_length=16, choices=ResponseWay.choices, blank=True)
    resolved_on = models.DateField(_("resolved on"), null=True, blank=True)
    working_days_to_resolve = models.PositiveIntegerField(_("period in working days"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    internal_notes = models.TextField(_("internal notes"), blank=True)
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    # The paused clock: while the PIU waits for the complainant (see services.grievance_request_information).
    awaiting_since = models.DateField(_("waiting for the complainant since"), null=True, blank=True, editable=False)
    paused_due_on = models.DateField(_("deadline when paused"), null=True, blank=True, editable=False)
    reminded_on = models.DateField(_("complainant reminded on"), null=True, blank=True, editable=False)
    working_days_waited = models.PositiveIntegerField(
        _("working days waiting for the complainant"), default=0, editable=False
    )
    public_answer_kk = models.TextField(
        _("answer to the complainant [kk]"),
        blank=True,
        help_text=_("The answer in Kazakh, when the complainant chose Kazakh."),
    )
    # A reply from the complainant no member of staff has opened the case page since (the list shows a badge).
    has_unread_reply = models.BooleanField(_("new reply from the complainant"), default=False, editable=False)
    # Whether the complainant found the issue resolved, asked after the resolution.
    satisfaction = models.CharField(
        _("resolved in the complainant's view"), max_length=16, choices=Satisfaction.choices, blank=True, editable=False
    )
    satisfaction_due_on = models.DateField(
        _("question open until"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Until this day the complainant can say whether the issue was resolved; then the case closes."),
    )

    # The sensitive-case pathway (SEA/SH): set by the complainant on the form or by staff
    # (sensitive.grievance_mark_sensitive); who and when are in the history. Such a case is seen only by the
    # focal point and the superuser (GrievanceQuerySet.visible_to) and reported by number and date only.
    sensitive = models.BooleanField(
        _("sensitive (SEA/SH)"),
        default=False,
        editable=False,
        help_text=_(
            "Sexual exploitation, abuse or harassment, or a case that puts the complainant in danger: "
            "seen only by the SEA/SH focal point."
        ),
    )
    referral_consent = models.CharField(
        _("consent to a referral to a support service"),
        max_length=16,
        choices=ReferralConsent.choices,
        default=ReferralConsent.NOT_ASKED,
        editable=False,
    )

    tracking_code_hash = models.CharField(_("tracking code (hashed)"), max_length=128, blank=True, editable=False)
    submission_token = models.UUIDField(_("submission token"), null=True, blank=True, unique=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = GrievanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("grievance")
        verbose_name_plural = _("grievances")
        ordering = ["-received_at"]
        permissions = [
            ("view_complainant", _("Can see complainants' identity and contact details")),
            ("view_all_grievances", _("Can see every case, not only those assigned to them")),
            ("triage_grievance", _("Can acknowledge, triage, assign, reopen and close cases")),
            ("resolve_grievance", _("Can escalate and resolve cases")),
            ("view_sensitive_grievance", _("Can see and handle sensitive (SEA/SH) cases")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["registration_year", "registration_sequence"], name="grievance_one_number_per_year_sequence"
            ),
            models.CheckConstraint(condition=Q(status__in=Status.values), name="grievance_status_valid"),
            models.CheckConstraint(condition=Q(stage__gte=1, stage__lte=4), name="grievance_stage_valid"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="grievance_kind_valid"),
            models.CheckConstraint(condition=Q(channel__in=Channel.values), name="grievance_channel_valid"),
            *STATE_CONSTRAINTS,
            *SENSITIVE_CONSTRAINTS,
        ]
        indexes = [
            models.Index(fields=["status", "due_on"], name="grievance_status_due"),
            # With the id, the newest-first list reads a deep page's ids from the index alone (smartgov.paginators).
            models.Index(fields=["received_at", "id"], name="grievance_received"),
            models.Index(fields=["stage", "status"], name="grievance_stage_status"),
            models.Index(fields=["channel", "received_at"], name="grievance_channel_received"),
            models.Index(fields=["kind", "received_at"], name="grievance_kind_received"),
            models.Index(fields=["assigned_to", "status"], name="grievance_assignee_status"),
            # The admin list sorted by deadline, then newest first and by id as the list breaks ties: the first
            # index also serves the desk's order (only open cases have a deadline, so the overdue come first)
            # and the overdue and due-soon filters; read backwards, the second serves the latest deadline first.
            models.Index(fields=["due_on", "-received_at", "-id"], name="grievance_due_received"),
            models.Index(fields=["due_on", "received_at", "id"], name="grievance_due_latest"),
            # The few cases with a reply nobody has read, newest first.
            models.Index(fields=["received_at"], condition=Q(has_unread_reply=True), name="grievance_unread_reply"),
            # The focal point's list: the few sensitive cases, newest first.
            models.Index(fields=["-received_at", "-id"], condition=Q(sensitive=True), name="grievance_sensitive"),
            # Two of the desk's queues (queues.py) in the desk's order: their cases have no deadline or sit among
            # the open ones, so the due-date index above would read past the others to find them.
            models.Index(
                fields=["due_on", "-received_at", "-id"],
                condition=Q(state=State.AWAITING_COMPLAINANT),
                name="grievance_awaiting_queue",
            ),
            models.Index(
                fields=["due_on", "-received_at", "-id"],
                condition=open_condition() & Q(assigned_to=None),
                name="grievance_unassigned_queue",
            ),
        ]

    def __str__(self):
        return self.registered_no

    @property
    def awaits_satisfaction_answer(self):
        """Whether the complainant is being asked "was your issue resolved?" (not cases imported resolved)."""
        return self.state == State.RESOLVED and self.satisfaction_due_on is not None

    @property
    def is_open(self):
        """Whether the case is still being handled (OPEN_STATES)."""
        return self.state in OPEN_STATES


class Complainant(models.Model):
    """Who raised a grievance; every field optional, because anonymous feedback is allowed."""

    grievance = models.OneToOneField(
        Grievance, verbose_name=_("grievance"), on_delete=models.CASCADE, related_name="complainant"
    )
    # The name and contact details are encrypted at rest (smartgov.crypto); the name, e-mail and
    # phone are found again by exact value through their blind indexes (smartgov.search_keys).
    name = EncryptedCharField(_("name"), max_length=200, blank=True)
    email = EncryptedEmailField(_("e-mail"), max_length=254, blank=True)
    phone = EncryptedCharField(_("phone"), max_length=50, blank=True)
    address = EncryptedCharField(_("postal address"), max_length=300, blank=True)
    email_index = models.CharField(_("e-mail search key"), max_length=64, blank=True, editable=False)
    phone_index = models.CharField(_("phone search key"), max_length=64, blank=True, editable=False)
    name_index = models.CharField(_("name search key"), max_length=64, blank=True, editable=False)
    vulnerable_groups = models.CharField(
        _("vulnerable groups (self-identified)"), max_length=300, blank=True, help_text=_("As the person described it.")
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=2, choices=ReplyLanguage.choices, blank=True
    )
    preferred_contact = models.CharField(
        _("preferred way of answer"), max_length=16, choices=ResponseWay.choices, blank=True
    )

    class Meta:
        verbose_name = _("complainant")
        verbose_name_plural = _("complainants")
        indexes = [
            models.Index(fields=["email_index"], name="complainant_email_index", condition=~Q(email_index="")),
            models.Index(fields=["phone_index"], name="complainant_phone_index", condition=~Q(phone_index="")),
            models.Index(fields=["name_index"], name="complainant_name_index", condition=~Q(name_index="")),
        ]

    def __str__(self):
        """Name the case, never the person: the admin's log and other generic displays quote str().

        Django's LogEntry keeps str() of an inline row it changed, and roles
        without grievances.view_complainant may be shown such records.
        """
        return _("complainant of %(number)s") % {"number": self.grievance.registered_no}

    def save(self, *args, update_fields=None, **kwargs):
        """Save, keeping the blind indexes in step with the name, e-mail and phone.

        The indexes are derived columns, not a side effect: computing them here
        is the one place every writer (services, importer, admin inline,
        anonymisation) goes through.
        """
        self.email_index = email_search_key(self.email)
        self.phone_index = phone_search_key(self.phone)
        self.name_index = name_search_key(self.name)
        if update_fields is not None:
            update_fields = set(update_fields)
            if "name" in update_fields:
                update_fields.add("name_index")
            if "email" in update_fields:
                update_fields.add("email_index")
            if "phone" in update_fields:
                update_fields.add("phone_index")
        super().save(*args, update_fields=update_fields, **kwargs)

    @property
    def is_anonymous(self):
        return not (self.name or self.email or self.phone or self.address)


class StageResolution(models.Model):
    """The resolution reached at one GRM stage and when that stage was closed (SEP table 5)."""

    grievance = models.ForeignKey(
        Grievance, verbose_name=_("grievance"), on_delete=models.CASCADE, related_name="stage_resolutions"
    )
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    resolution = models.TextField(_("resolution"), blank=True)
    resolved_on = models.DateField(_("resolution date"), null=True, blank=True)
    closed_on = models.DateField(_("closure date"), null=True, blank=True)

    class Meta:
        verbose_name = _("stage resolution")
        verbose_name_plural = _("stage resolutions")
        ordering = ["stage"]
        constraints = [models.UniqueConstraint(fields=["grievance", "stage"], name="stage_resolution_once_per_stage")]

    def __str__(self):
        return f"{self.grievance} / {self.stage}"


def attachment_path(instance, filename):
    return f"grievances/{instance.grievance.registration_year}/{instance.grievance_id}/{filename}"


class Attachment(models.Model):
    """A file sent with a grievance; private, served only to staff who may see the case."""

    grievance = models.ForeignKey(
        Grievance, verbose_name=_("grievance"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.original_name


class EventType(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    MARKED_UNRELATED = "marked_unrelated", _("Marked unrelated")
    ASSIGNED = "assigned", _("Assigned")
    ESCALATED = "escalated", _("Escalated")
    RESOLVED = "resolved", _("Resolved")
    REOPENED = "reopened", _("Reopened")
    CLOSED = "closed", _("Closed")
    UPDATED = "updated", _("Updated")
    COMPLAINANT_VIEWED = "complainant_viewed", _("Complainant details viewed")
    NOTIFIED = "notified", _("Complainant notified")
    EXPORTED = "exported", _("Complainant's personal data exported")
    ANONYMISED = "anonymised", _("Anonymised after the retention period")
    INFORMATION_REQUESTED = "information_requested", _("Information requested from the complainant")
    INFORMATION_RECEIVED = "information_received", _("Information received from the complainant")
    COMPLAINANT_REPLIED = "complainant_replied", _("Complainant added information")
    REMINDED = "reminded", _("Complainant reminded")
    CONFIRMED_RESOLVED = "confirmed_resolved", _("Complainant confirmed the issue is resolved")
    APPEALED = "appealed", _("Complainant appealed: not resolved")
    TRACKING_CODE_ISSUED = "tracking_code_issued", _("Tracking code issued")
    CLOSED_NO_RESPONSE = "closed_no_response", _("Closed: the complainant did not answer the question")
    MARKED_SENSITIVE = "marked_sensitive", _("Marked sensitive (SEA/SH)")
    UNMARKED_SENSITIVE = "unmarked_sensitive", _("No longer sensitive")
    REFERRAL_CONSENT_RECORDED = "referral_consent_recorded", _("Consent to a referral recorded")
    REFERRED_TO_SUPPORT = "referred_to_support", _("Referred to a support service")


class GrievanceEvent(models.Model):
    """One entry of a case's history: who did what, when, and what changed."""

    grievance = models.ForeignKey(
        Grievance, verbose_name=_("grievance"), on_delete=models.CASCADE, related_name="events"
    )
    event_type = models.CharField(_("event"), max_length=32, choices=EventType.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)
    from_status = models.CharField(_("from status"), max_length=16, blank=True)
    to_status = models.CharField(_("to status"), max_length=16, blank=True)
    from_stage = models.PositiveSmallIntegerField(_("from stage"), null=True, blank=True)
    to_stage = models.PositiveSmallIntegerField(_("to stage"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["grievance", "created_at"], name="grievance_event_timeline")]

    def __str__(self):
        return f"{self.grievance}: {self.get_event_type_display()}"


class ContactWay(models.TextChoices):
    """How a message reached the complainant (the `way` of a `notified` history entry)."""

    EMAIL = "email", _("E-mail")
    SMS = "sms", _("SMS")
    PHONE = "phone", _("Phone call")
    IN_PERSON = "in_person", _("In person")


class Message(models.TextChoices):
    """The messages the complainant is sent at each step (notifications.grievance_<value>_notify)."""

    REGISTERED = "registered", _("Feedback received, its number and what happens next")
    RECEIPT = "receipt", _("The receipt: number, tracking code and what happens next")
    ACKNOWLEDGED = "acknowledged", _("Case acknowledged, and the date of the answer")
    STAGE_CHANGED = "stage_changed", _("Case moved to another stage, and its new deadline")
    INFORMATION_REQUESTED = "information_requested", _("The PIU's question (see the history)")
    INFORMATION_REMINDER = "information_reminder", _("Reminder of the PIU's question")
    RESOLVED = "resolved", _("The answer, and ask whether the issue is resolved")
    APPEALED = "appealed", _("Appeal received: the case is at the next stage")
    UNRELATED = "unrelated", _("Case referred to another body, and how to reach it")
    CLOSED = "closed", _("Case closed")


class ContactTask(models.Model):
    """A message the officer must give the complainant by phone or in person: "call the complainant".

    Written instead of an e-mail or SMS when the complainant chose to be
    answered in person, or by phone without leaving an e-mail address or a
    mobile number (notifications.contact_way). Done when the officer records
    the call (services.contact_task_complete), which writes the `notified`
    history entry.
    """

    grievance = models.ForeignKey(
        Grievance, verbose_name=_("grievance"), on_delete=models.CASCADE, related_name="contact_tasks"
    )
    message = models.CharField(_("message"), max_length=32, choices=Message.choices)
    way = models.CharField(_("way"), max_length=16, choices=ContactWay.choices)
    language = models.CharField(_("language"), max_length=2, choices=ReplyLanguage.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("done by"), null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField(_("note"), blank=True, help_text=_("What the complainant was told and what they said."))

    class Meta:
        verbose_name = _("call to the complainant")
        verbose_name_plural = _("calls to the complainant")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(way__in=[ContactWay.PHONE, ContactWay.IN_PERSON]), name="contact_task_spoken_way"
            ),
            # A call is recorded with what was said; an open one has nothing recorded yet.
            models.CheckConstraint(
                condition=Q(done_at__isnull=True, note="") | (Q(done_at__isnull=False) & ~Q(note="")),
                name="contact_task_done_with_note",
            ),
        ]
        indexes = [
            models.Index(fields=["grievance"], condition=Q(done_at__isnull=True), name="contact_task_open"),
        ]

    def __str__(self):
        return f"{self.grievance}: {self.get_message_display()}"

    @property
    def is_done(self):
        return self.done_at is not None


# The referral register and letters live in their own module; imported here so Django registers them.
from .referral_models import ReferralBody, ReferralLetter  # noqa: E402, F401
