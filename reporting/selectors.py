"""Reads for the GRM report and the SEP monitoring dashboard.

Every figure is computed by the database: one aggregate query with filtered
Counts over the cases gives all three blocks of the report (new period,
previous period, since launch), each broken down by status, channel and kind;
a second one over the cases' history gives the appeals and the waits for
complainants of each block. Python only arranges the aggregated numbers into
the report's shape.
"""

import operator
from datetime import date, timedelta
from functools import reduce

from django.conf import settings
from django.db.models import (
    BooleanField,
    Case,
    CharField,
    Count,
    ExpressionWrapper,
    F,
    IntegerField,
    Q,
    Value,
    When,
)
from django.db.models.fields.json import KT
from django.db.models.functions import Cast, Coalesce
from django.utils import timezone, translation

from grievances.languages import COPY_LABELS, REPORT_LANGUAGES
from grievances.models import (
    Channel,
    EventType,
    Grievance,
    GrievanceEvent,
    Kind,
    Satisfaction,
    Status,
    open_condition,
)
from grievances.selectors import grievance_log_for_export
from smartgov.aggregates import Median
from smartgov.periods import local_day_bounds
from stakeholders.selectors import engagement_figures, outreach_events_held

from .breakdowns import breakdown_counts, breakdown_data, breakdown_tables
from .models import PressMaterial, PressMaterialType
from .periods import launch_date

STATUS_GROUPS = {
    "unrelated": Q(status=Status.UNRELATED),
    "addressed": ~Q(status=Status.UNRELATED),
    "resolving": open_condition(),
    "resolved": Q(status=Status.RESOLVED),
}
# "Was your issue resolved?", asked after a resolution (grievances.services.grievance_resolve). A case
# counts once, by its latest question: a case appealed and resolved again counts by the new answer.
SATISFACTION_GROUPS = {
    # Asked: the question is open (satisfaction_due_on) or was answered or expired (satisfaction).
    "asked": ~Q(satisfaction="") | Q(satisfaction_due_on__isnull=False),
    # Answered: the complainant said yes or no; "no answer within the period" is not an answer.
    "answered": Q(satisfaction__in=[Satisfaction.RESOLVED, Satisfaction.NOT_RESOLVED]),
    "resolved_yes": Q(satisfaction=Satisfaction.RESOLVED),
}
BLOCKS = ("new_period", "previous_period", "since_launch")
# The working days one wait for the complainant lasted, as grievance_information_receive recorded it.
WAITED_WORKING_DAYS = Cast(KT("data__waited_working_days"), IntegerField())


def _within_deadline():
    """Resolved within the stage-2 deadline on the paused clock.

    The working days the PIU waited for the complainant (working_days_waited)
    do not count: a case answered late only because the complainant took long
    to reply is within the deadline.
    """
    return Q(
        status=Status.RESOLVED,
        working_days_to_resolve__lte=F("working_days_waited") + settings.GRM_DEADLINES["stage2"],
    )


def report_blocks(*, start: date, end: date) -> dict[str, tuple[date, date]]:
    """Return the three periods of the report: this one, launch to the day before it, and launch to its end."""
    launch = launch_date()
    return {
        "new_period": (start, end),
        "previous_period": (launch, start - timedelta(days=1)),
        "since_launch": (launch, end),
    }


def _block_aggregates(name, block_start, block_end):
    """Name every filtered Count of one block; keys are `<block>|<group>|<dimension>|<code>`."""
    low, high = local_day_bounds(block_start, block_end)
    in_block = Q(received_at__gte=low, received_at__lt=high)
    aggregates = {
        f"{name}|received": Count("id", filter=in_block),
        f"{name}|within_deadline": Count("id", filter=in_block & _within_deadline()),
    }
    for group, condition in SATISFACTION_GROUPS.items():
        aggregates[f"{name}|satisfaction|{group}"] = Count("id", filter=in_block & condition)
    for group, condition in STATUS_GROUPS.items():
        aggregates[f"{name}|{group}|total"] = Count("id", filter=in_block & condition)
        for code in Channel.values:
            aggregates[f"{name}|{group}|by_channel|{code}"] = Count("id", filter=in_block & condition & Q(channel=code))
        for code in Kind.values:
            aggregates[f"{name}|{group}|by_kind|{code}"] = Count("id", filter=in_block & condition & Q(kind=code))
    return aggregates


def _block(name, block_start, block_end, numbers):
    def counts(group):
        return {
            "total": numbers[f"{name}|{group}|total"],
            "by_channel": {code: numbers[f"{name}|{group}|by_channel|{code}"] for code in Channel.values},
            "by_kind": {code: numbers[f"{name}|{group}|by_kind|{code}"] for code in Kind.values},
        }

    return {
        "start": block_start.isoformat(),
        "end": block_end.isoformat(),
        "received": numbers[f"{name}|received"],
        **{group: counts(group) for group in STATUS_GROUPS},
        "resolved_within_deadline": numbers[f"{name}|within_deadline"],
        "appealed": numbers[f"{name}|appealed"],
        "satisfaction": {group: numbers[f"{name}|satisfaction|{group}"] for group in SATISFACTION_GROUPS},
        "median_working_days_waiting": numbers[f"{name}|median_waiting"],
    }


def _history_aggregates(name, block_start, block_end):
    """Name the appeals and the median wait for the complainant of one block, by when they happened.

    Appeals count when the complainant made them. The median is taken over
    each wait (one INFORMATION_RECEIVED entry, the working days from the
    request to the answer), not over cases' summed working_days_waited: the
    figure tells how long complainants take to answer a request, which a case
    asked twice would blur, and a same-day answer (0 days) is a wait too. A
    wait belongs to the block in which the answer came, like an appeal.
    """
    low, high = local_day_bounds(block_start, block_end)
    in_block = Q(created_at__gte=low, created_at__lt=high)
    return {
        f"{name}|appealed": Count("id", filter=in_block & Q(event_type=EventType.APPEALED)),
        f"{name}|median_waiting": Median(
            WAITED_WORKING_DAYS, filter=in_block & Q(event_type=EventType.INFORMATION_RECEIVED)
        ),
    }


def grm_period_figures(*, start: date, end: date) -> dict:
    """Count the report's figures for the period, the previous period and since launch, in two queries.

    One query over the cases, counted by the day they were received; one over
    their history, counted by the day the event happened. Each block has:

    - received, unrelated, addressed, resolving, resolved (by channel and kind);
    - resolved_within_deadline: resolved cases whose working days to resolve,
      less the working days waited for the complainant, are within the stage-2
      deadline (the paused clock, see _within_deadline);
    - appealed: appeals ("not resolved", EventType.APPEALED) made in the block;
      a case appealed twice counts twice;
    - satisfaction, over the cases received in the block, by each case's latest
      "Was your issue resolved?" question: `asked`, the cases asked (the question
      is open, answered, or closed unanswered: satisfaction set or
      satisfaction_due_on set); `answered`, those whose complainant said yes or
      no (satisfaction resolved or not_resolved); `resolved_yes`, those who said
      yes. A case an officer closed before the complainant answered counts in none;
    - median_working_days_waiting: the median of the waits for the complainant
      answered in the block (see _history_aggregates), None without any.
    """
    blocks = report_blocks(start=start, end=end)
    case_aggregates, history_aggregates = {}, {}
    for name, (block_start, block_end) in blocks.items():
        case_aggregates.update(_block_aggregates(name, block_start, block_end))
        history_aggregates.update(_history_aggregates(name, block_start, block_end))
    low, high = local_day_bounds(launch_date(), end)
    numbers = Grievance.objects.filter(received_at__gte=low, received_at__lt=high).aggregate(**case_aggregates)
    numbers |= GrievanceEvent.objects.filter(
        event_type__in=[EventType.APPEALED, EventType.INFORMATION_RECEIVED], created_at__gte=low, created_at__lt=high
    ).aggregate(**history_aggregates)
    return {name: _block(name, *blocks[name], numbers) for name in BLOCKS}


def report_language(language: str | None) -> str:
    """The report language to read texts in: `language` when the report is published in it, else the default."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    return language if language in REPORT_LANGUAGES else settings.LANGUAGE_CODE


def _in_language(field, language):
    """The field's copy in `language` only, "" when that copy is empty or the case is sensitive.

    Never another language's copy nor the untranslated column: a Mongolian
    report with English summaries in it (or the reverse) is a report nobody can
    publish. The cases lacking a copy are listed by cases_lacking_translation.
    A sensitive case's (SEA/SH) texts never leave the database for a report.
    """
    return Case(
        When(sensitive=True, then=Value("")),
        default=Coalesce(F(f"{field}_{language}"), Value(""), output_field=CharField()),
        output_field=CharField(),
    )


def addressed_cases(*, start: date, end: date, language: str | None = None):
    """List the cases of the period related to the project, oldest first, without any complainant data.

    Only the columns of the report are selected, so no identity can leak
    through this queryset even by mistake; the texts are the copies in
    `language` only (_in_language).
    """
    language = report_language(language)
    low, high = local_day_bounds(start, end)
    return (
        Grievance.objects.addressed()
        .filter(received_at__gte=low, received_at__lt=high)
        .annotate(summary_text=_in_language("summary", language), actions_text=_in_language("actions_taken", language))
        .with_is_overdue(timezone.localdate())
        .order_by("received_at", "registered_no")
        .values(
            "stage",
            "is_overdue",
            "due_on",
            "registered_no",
            "received_at",
            "kind",
            "channel",
            "summary_text",
            "actions_text",
            "status",
            "resolved_on",
            "working_days_to_resolve",
            "response_way",
            "sensitive",
        )
    )


def _blank(name):
    return Q(**{f"{name}__isnull": True}) | Q(**{name: ""})


def _lacking_copies(languages):
    """Name, for each report text in each language, the condition of a case of the report that lacks it.

    Every case of the report's table needs its public summary; a resolved one
    needs its actions taken too (an open case has none yet).
    """
    conditions = {}
    for language in languages:
        conditions[f"summary_{language}"] = _blank(f"summary_{language}")
        conditions[f"actions_taken_{language}"] = Q(status=Status.RESOLVED) & _blank(f"actions_taken_{language}")
    return conditions


def cases_lacking_translation(*, start: date, end: date, language: str | None = None) -> list[dict]:
    """List the cases of the period's report lacking a text in `language` (in either report language when None).

    The cases are those of the report's table (addressed_cases), oldest first;
    each is {"id", "registered_no", "missing": ["summary_en", ...]}, naming the
    copies it lacks, in languages.COPY_LABELS order. One query.
    """
    conditions = _lacking_copies([language] if language else REPORT_LANGUAGES)
    low, high = local_day_bounds(start, end)
    flags = {
        f"lacks_{name}": ExpressionWrapper(condition, output_field=BooleanField())
        for name, condition in conditions.items()
    }
    rows = (
        Grievance.objects.addressed()
        .filter(received_at__gte=low, received_at__lt=high, sensitive=False)  # reported without any text
        .filter(reduce(operator.or_, conditions.values()))
        .annotate(**flags)
        .order_by("received_at", "registered_no")
        .values("id", "registered_no", *flags)
    )
    order = [name for name in COPY_LABELS if name in conditions]
    return [
        {
            "id": row["id"],
            "registered_no": row["registered_no"],
            "missing": [name for name in order if row[f"lacks_{name}"]],
        }
        for row in rows
    ]


def _sensitive_case_row(row) -> dict:
    """A sensitive case (SEA/SH) as the report lists it: its number, its date and that it is sensitive, no more."""
    return {
        "registered_no": row["registered_no"],
        "received_date": timezone.localtime(row["received_at"]).date().isoformat(),
        "sensitive": True,
        "kind": None,
        "channel": None,
        "summary": "",
        "actions_taken": "",
        "status": None,
        "resolved_date": None,
        "working_days": None,
        "response_way": None,
        "stage": None,
        "is_overdue": None,
    }


def grm_report_data(*, start: date, end: date, language: str | None = None) -> dict:
    """Return the whole GRM report as JSON-ready data (the shape of `grm_report --format json`).

    The figures count every case; the table lists a sensitive one by number and date only.
    """
    cases = [
        _sensitive_case_row(row)
        if row["sensitive"]
        else {
            "registered_no": row["registered_no"],
            "received_date": timezone.localtime(row["received_at"]).date().isoformat(),
            "kind": row["kind"],
            "channel": row["channel"],
            "summary": row["summary_text"] or "",
            "actions_taken": row["actions_text"] or "",
            "status": row["status"],
            "resolved_date": row["resolved_on"].isoformat() if row["resolved_on"] else None,
            "working_days": row["working_days_to_resolve"],
            "response_way": row["response_way"],
            "sensitive": False,
            # Where a case still open stands today: its GRM stage and whether its deadline has passed (None where
            # its step has no deadline: stage 4, or waiting for the complainant).
            "stage": row["stage"],
            "is_overdue": row["is_overdue"] if row["due_on"] is not None else None,
        }
        for row in addressed_cases(start=start, end=end, language=language)
    ]
    return {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        **grm_period_figures(start=start, end=end),
        "addressed_cases": cases,
        # Small counts hidden: the report is disclosed to the public once approved (reporting/breakdowns.py).
        "who_and_where": breakdown_data(breakdown_tables(breakdown_counts(start=start, end=end), suppressed=True)),
        "outreach_events": outreach_events_held(start=start, end=end),
    }


def press_material_figures(*, start: date, end: date) -> dict:
    """Count press materials published or broadcast in the period, by type (every type, zeros included)."""
    materials = PressMaterial.objects.filter(published_on__range=(start, end))
    numbers = materials.aggregate(
        total=Count("id"), **{code: Count("id", filter=Q(type=code)) for code in PressMaterialType.values}
    )
    return {"total": numbers.pop("total"), "by_type": numbers}


def press_materials_in_period(*, start: date, end: date):
    return PressMaterial.objects.filter(published_on__range=(start, end)).order_by("published_on", "title")


def sep_dashboard_figures(*, start: date, end: date) -> dict:
    """Gather the SEP section 7 KPIs for a period."""
    grievances = grm_period_figures(start=start, end=end)["new_period"]
    satisfaction = grievances["satisfaction"]
    return {
        "period": {"start": start, "end": end},
        "grievances": {
            "received": grievances["received"],
            "resolved": grievances["resolved"]["total"],
            "resolved_within_deadline": grievances["resolved_within_deadline"],
            "appealed": grievances["appealed"],
            "satisfaction": satisfaction,
            # Of the complainants who answered yes or no, the share who said "resolved"; None when none answered.
            "resolved_yes_share": satisfaction["resolved_yes"] / satisfaction["answered"]
            if satisfaction["answered"]
            else None,
            "median_working_days_waiting": grievances["median_working_days_waiting"],
            "by_kind": _received_by_kind(start, end),
        },
        "press": press_material_figures(start=start, end=end),
        "engagement": engagement_figures(start=start, end=end),
        "who_and_where": breakdown_counts(start=start, end=end),
    }


def _received_by_kind(start, end):
    low, high = local_day_bounds(start, end)
    rows = (
        Grievance.objects.filter(received_at__gte=low, received_at__lt=high)
        .values("kind")
        .annotate(
            received=Count("id"),
            resolved=Count("id", filter=Q(status=Status.RESOLVED)),
            within_deadline=Count("id", filter=_within_deadline()),
        )
        .order_by("kind")
    )
    found = {row["kind"]: row for row in rows}
    empty = {"received": 0, "resolved": 0, "within_deadline": 0}
    return {code: found.get(code, {"kind": code, **empty}) for code in Kind.values}


def grievance_log_for_period(*, user, start: date, end: date):
    """The grievance log of a period for export: the cases `user` may see, oldest first (exports.grievance_log_rows)."""
    low, high = local_day_bounds(start, end)
    return grievance_log_for_export(
        Grievance.objects.visible_to(user)
        .filter(received_at__gte=low, received_at__lt=high)
        .order_by("received_at", "registered_no")
    )
