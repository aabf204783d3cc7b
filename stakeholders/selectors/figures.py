"""Figures for the SEP's monitoring KPIs (section 7), used by the reporting app and the API."""

from datetime import date

from django.db.models import Count, DurationField, ExpressionWrapper, F, Q, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth

from smartgov.periods import local_day_bounds

from ..models import ConsultationEvent, EventKind, FeedbackItem, OrganisationType, Participation

ZERO = Value(0)
SECONDS_PER_DAY = 86400


def engagement_figures(*, start: date, end: date) -> dict:
    """Count engagement activities, participants and responses to feedback for a period (both days included).

    Events count when they were held in the period (planned future events do
    not count yet). Feedback counts when it was received in the period;
    "responded" means it has a published decision, whenever it was given.
    """
    events = ConsultationEvent.objects.held_between(start, end)
    event_counts = events.aggregate(
        consultation_meetings=Count("pk", filter=Q(kind=EventKind.CONSULTATION_MEETING)),
        public_discussions=Count("pk", filter=Q(kind=EventKind.PUBLIC_DISCUSSION)),
    )
    low, high = local_day_bounds(start, end)
    feedback = FeedbackItem.objects.filter(received_at__gte=low, received_at__lt=high)
    feedback_counts = feedback.aggregate(
        feedback_items=Count("pk"), feedback_responded=Count("pk", filter=~Q(decision=""))
    )
    items, responded = feedback_counts["feedback_items"], feedback_counts["feedback_responded"]
    return {
        **event_counts,
        "events_by_month": _events_by_month(events, start, end),
        **_participants(events),
        **feedback_counts,
        "response_share": responded / items if items else None,
        "median_days_to_response": _median_days_to_response(feedback),
    }


def _events_by_month(events, start, end):
    counted = {
        row["month"].strftime("%Y-%m"): row["events"]
        for row in events.annotate(month=TruncMonth("starts_on"))
        .values("month")
        .annotate(events=Count("pk"))
        .order_by()
    }
    months = []
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        key = f"{year:04d}-{month:02d}"
        months.append({"month": key, "events": counted.get(key, 0)})
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def _participants(events):
    everyone = F("male") + F("female") + F("other")
    totals = Participation.objects.filter(event__in=events).aggregate(
        male_count=Coalesce(Sum("male"), ZERO),
        female_count=Coalesce(Sum("female"), ZERO),
        other_count=Coalesce(Sum("other"), ZERO),
        total_count=Coalesce(Sum(everyone), ZERO),
        government_count=Coalesce(Sum(everyone, filter=Q(organisation_type=OrganisationType.GOVERNMENT)), ZERO),
        non_government_count=Coalesce(Sum(everyone, filter=Q(organisation_type=OrganisationType.NON_GOVERNMENT)), ZERO),
    )
    return {
        "participants": {key: totals[f"{key}_count"] for key in ("total", "female", "male", "other")},
        "participants_by_type": {key: totals[f"{key}_count"] for key in ("government", "non_government")},
    }


def _median_days_to_response(feedback):
    """Take the middle one or two response times, ordered by the database, and average them."""
    waits = (
        feedback.exclude(decision="")
        .filter(responded_at__isnull=False)
        .annotate(wait=ExpressionWrapper(F("responded_at") - F("received_at"), output_field=DurationField()))
        .order_by("wait")
    )
    count = waits.count()
    if not count:
        return None
    middle = list(waits.values_list("wait", flat=True)[(count - 1) // 2 : count // 2 + 1])
    seconds = sum(wait.total_seconds() for wait in middle) / len(middle)
    return round(seconds / SECONDS_PER_DAY, 2)
