"""Reads on the grievance log; they own the joins and annotations so lists stay at a fixed query count."""

from functools import cache

from django.conf import settings
from django.db import connection
from django.db.models import BigIntegerField, Case, Count, Exists, F, OuterRef, Prefetch, Value, When, Window
from django.db.models.fields.json import KT
from django.db.models.functions import RowNumber, TruncDate
from django.shortcuts import get_object_or_404
from django.utils import timezone

from smartgov.periods import local_day_bounds

from .models import (
    Attachment,
    Complainant,
    ContactTask,
    EventType,
    Grievance,
    GrievanceEvent,
    Stage,
    StageResolution,
    SupportService,
)
from .queues import QUEUES


def grievance_list_for_user(*, user, today=None):
    """Cases the user may see, with their assignee joined, `is_overdue` and `has_open_contact_task` computed."""
    today = today or timezone.localdate()
    open_tasks = ContactTask.objects.filter(grievance=OuterRef("pk"), done_at__isnull=True)
    return (
        Grievance.objects.visible_to(user)
        .select_related("assigned_to")
        .with_is_overdue(today)
        .annotate(has_open_contact_task=Exists(open_tasks))
    )


def grievance_queue_counts(*, user, today=None) -> dict[str, int]:
    """Count the cases of each work queue (queues.QUEUES) the user may see, in one aggregate query.

    Besides that query, the "due soon" queue reads the calendar once (decree days).
    """
    today = today or timezone.localdate()
    counts = {queue.key: Count("pk", filter=queue.condition(today)) for queue in QUEUES}
    return Grievance.objects.visible_to(user).aggregate(**counts)


# What a row of the log export reads (reporting.exports.grievance_log_rows): never the message as received,
# never the complainant's name or contact details.
LOG_EXPORT_FIELDS = [
    "registered_no",
    "received_at",
    "kind",
    "channel",
    "status",
    "stage",
    "resolved_on",
    "working_days_to_resolve",
    "response_way",
    *(f"{text}_{code}" for text in ("summary", "actions_taken") for code in settings.MODELTRANSLATION_LANGUAGES),
    "assigned_to",
    "assigned_to__username",
    "assigned_to__first_name",
    "assigned_to__last_name",
    "gender",
    "age_group",
    "sensitive",
]


def grievance_log_for_export(queryset):
    """Prepare cases for the log export: the assignee joined, stages 1 and 2 prefetched.

    Two queries, whatever the number of cases (one per chunk of
    reporting.exports.LOG_CHUNK cases when the export streams), and only the
    columns the log shows are read, so nothing the export must not hold
    leaves the database. The stage records are in each case's `log_levels`,
    a plain list: a related manager would build a queryset for every row.
    """
    levels = StageResolution.objects.filter(stage__in=[Stage.LOCAL, Stage.PIU]).only(
        "grievance", "stage", "resolution", "closed_on"
    )
    return (
        queryset.select_related("assigned_to")
        .prefetch_related(Prefetch("stage_resolutions", queryset=levels, to_attr="log_levels"))
        .only(*LOG_EXPORT_FIELDS)
    )


def contact_task_list(*, grievance):
    """The case's calls to the complainant, oldest first, with who made them."""
    return list(ContactTask.objects.filter(grievance=grievance).select_related("done_by"))


def grievance_history(*, grievance) -> list[GrievanceEvent]:
    """List the case's history for staff, oldest first, with "details viewed" folded, in one query.

    Every showing of the complainant's details is stored (it is the access
    log), but on the case page one line per person and local day says it:
    each entry carries `times`, the number of entries it stands for (1 for
    all others). The window functions fold in the database, so a case viewed
    a thousand times still costs one query and a short page.
    """
    viewed = When(event_type=EventType.COMPLAINANT_VIEWED, then=Value(0))
    # A view's group is its person and day; any other entry is a group of its own (keyed by its id).
    group = [F("actor_id"), TruncDate("created_at"), Case(viewed, default=F("id"), output_field=BigIntegerField())]
    return list(
        GrievanceEvent.objects.filter(grievance=grievance)
        .select_related("actor")
        .annotate(
            times=Window(Count("id"), partition_by=group),
            place=Window(RowNumber(), partition_by=group, order_by=[F("created_at").asc(), F("id").asc()]),
        )
        .filter(place=1)
        .order_by("created_at", "id")
    )


def grievance_get_for_user(*, user, pk):
    """One case the user may see, or 404."""
    return get_object_or_404(grievance_list_for_user(user=user), pk=pk)


def received_between(queryset, start=None, end=None):
    """Filter on the local day of receipt, both days included, in a way the received_at index serves."""
    low, high = local_day_bounds(start, end)
    if low:
        queryset = queryset.filter(received_at__gte=low)
    if high:
        queryset = queryset.filter(received_at__lt=high)
    return queryset


# The history entries the complainant sees about their own case. Never staff-side ones (assigned, updated,
# complainant viewed, notified, exported, reminded, code issued), and never an entry's note or actor.
PUBLIC_EVENT_TYPES = (
    EventType.REGISTERED,
    EventType.ACKNOWLEDGED,
    EventType.ESCALATED,
    EventType.INFORMATION_REQUESTED,
    EventType.COMPLAINANT_REPLIED,
    EventType.INFORMATION_RECEIVED,
    EventType.RESOLVED,
    EventType.MARKED_UNRELATED,
    EventType.CONFIRMED_RESOLVED,
    EventType.APPEALED,
    EventType.CLOSED,
    EventType.CLOSED_NO_RESPONSE,
    EventType.REOPENED,
)


def grievance_public_timeline(*, grievance) -> list[GrievanceEvent]:
    """List the case's public history for the tracking page, oldest first, in one query.

    Only the two values the page shows leave the database (the question asked
    and the body referred to), never the note, the actor or the rest of
    `data`. "Information received" is shown only when an officer recorded an
    answer given another way: after a reply on the page the system writes it
    too, and the reply already says so.
    """
    return list(
        GrievanceEvent.objects.filter(grievance=grievance, event_type__in=PUBLIC_EVENT_TYPES)
        .exclude(event_type=EventType.INFORMATION_RECEIVED, actor__isnull=True)
        .annotate(question=KT("data__message"), referred_to=KT("data__referred_to"))
        .only("event_type", "created_at", "to_stage")
        .order_by("created_at", "id")
    )


def support_services_for_page(*, language: str) -> list[dict]:
    """The support services offered, nationwide first, each with its texts in the page's language (one query)."""
    return [
        {**service.in_language(language), "phone": service.phone, "aimag": service.get_aimag_display()}
        for service in SupportService.objects.offered()
    ]


# What the confirmation's copy of what was sent shows (sent_copy.py): the case's fields, then its complainant's.
SENT_COPY_CASE_FIELDS = (
    "kind",
    "message",
    "location",
    "aimag",
    "gender",
    "age_group",
    "disability",
    "vulnerable_groups",
)
SENT_COPY_PERSON_FIELDS = ("name", "email", "phone", "address", "preferred_contact", "preferred_language")


def grievance_sent_copy_get(*, registered_no: str, since) -> dict | None:
    """Return what the confirmation page copies of a case, {field: value as stored}, or None.

    Only a case received after `since`: the copy is for printing right after
    sending, and a confirmation left open on a shared computer should not keep
    showing a person's message and contact details for hours. The values are
    the case's SENT_COPY_CASE_FIELDS and its complainant's
    SENT_COPY_PERSON_FIELDS (decrypted; empty when there is none), and
    `attachment_names`. One query, in SQL rather than through the ORM: every
    confirmation asks, and building the query with its join cost several times
    what running it does; a second query for the files' names only when there
    are some (most feedback comes without).
    """
    with connection.cursor() as cursor:
        cursor.execute(_sent_copy_sql(), [registered_no, connection.ops.adapt_datetimefield_value(since)])
        row = cursor.fetchone()
    if row is None:
        return None
    *values, case_id, has_person, has_attachments = row
    copy = dict(zip(SENT_COPY_CASE_FIELDS + SENT_COPY_PERSON_FIELDS, values, strict=True))
    for name in SENT_COPY_PERSON_FIELDS:
        field, value = Complainant._meta.get_field(name), copy[name] if has_person else ""
        if value and hasattr(field, "from_db_value"):  # the encrypted ones
            value = field.from_db_value(value, None, connection)
        copy[name] = value or ""
    copy["attachment_names"] = []
    if has_attachments:
        files = Attachment.objects.filter(grievance_id=case_id).order_by("pk")  # in the order they were sent
        copy["attachment_names"] = list(files.values_list("original_name", flat=True))
    return copy


@cache
def _sent_copy_sql() -> str:
    """The copy's query, written from the models' tables and columns (once per process)."""
    quote = connection.ops.quote_name
    case, person, files = Grievance._meta, Complainant._meta, Attachment._meta
    columns = [f"g.{quote(case.get_field(name).column)}" for name in SENT_COPY_CASE_FIELDS]
    columns += [f"c.{quote(person.get_field(name).column)}" for name in SENT_COPY_PERSON_FIELDS]
    case_id, person_case = f"g.{quote(case.pk.column)}", f"c.{quote(person.get_field('grievance').column)}"
    files_table, files_case = quote(files.db_table), quote(files.get_field("grievance").column)
    has_files = f"EXISTS (SELECT 1 FROM {files_table} a WHERE a.{files_case} = {case_id})"  # noqa: S608
    return (
        f"SELECT {', '.join(columns)}, {case_id}, {person_case} IS NOT NULL, {has_files}"  # noqa: S608
        f" FROM {quote(case.db_table)} g LEFT JOIN {quote(person.db_table)} c ON {person_case} = {case_id}"
        f" WHERE g.{quote(case.get_field('registered_no').column)} = %s"
        f" AND g.{quote(case.get_field('received_at').column)} >= %s"
    )
