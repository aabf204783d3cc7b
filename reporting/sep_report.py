"""The SEP's semi-annual report: the section 7 indicators of a half year, as JSON-ready data.

SEP section 7 asks the PIU to report consultation and disclosure activities
to the World Bank every half year: consultation meetings and public
discussions held, who took part (by gender, government or not), the
feedback received and answered, documents disclosed and comment periods
held with the comments they drew, press materials, and the grievance
figures of the GRM report. Counts are aggregates in the database; the
median time to a response is in working days (smartgov.workdays), which
the database cannot count, so it is taken over the responded items of the
half year (tens to hundreds, never the grievance log).
"""

from datetime import date
from statistics import median

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Q, Sum, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from disclosure.models import DocumentVersion
from smartgov.periods import local_day_bounds
from smartgov.workdays import working_days_counter
from stakeholders.models import (
    ConsultationEvent,
    EventKind,
    EventRegistration,
    FeedbackItem,
    FeedbackSource,
    OrganisationType,
)
from stakeholders.selectors import engagement_figures

from .selectors import grm_period_figures, press_material_figures, press_materials_in_period

ZERO = Value(0)
EVERYONE = F("participations__male") + F("participations__female") + F("participations__other")


def sep_events_held(*, start: date, end: date) -> list[dict]:
    """The consultation meetings and public discussions held in the period, oldest first, with their figures.

    One query: participants by gender and by government or not (SEP annex C),
    and the feedback recorded on each event with how much of it was answered.
    """
    events = (
        ConsultationEvent.objects.held_between(start, end)
        .exclude(kind=EventKind.OUTREACH)
        .annotate(
            male=Coalesce(Sum("participations__male"), ZERO),
            female=Coalesce(Sum("participations__female"), ZERO),
            other=Coalesce(Sum("participations__other"), ZERO),
            government=Coalesce(
                Sum(EVERYONE, filter=Q(participations__organisation_type=OrganisationType.GOVERNMENT)), ZERO
            ),
            non_government=Coalesce(
                Sum(EVERYONE, filter=Q(participations__organisation_type=OrganisationType.NON_GOVERNMENT)), ZERO
            ),
        )
        .order_by("starts_on", "pk")
    )
    counts = _feedback_counts_by_event([event.pk for event in events])
    registered = dict(
        EventRegistration.objects.filter(event__in=[event.pk for event in events])
        .values_list("event")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return [
        {
            "id": event.pk,
            "title": event.title,
            "kind": event.kind,
            "format": event.event_format,
            "starts_on": event.starts_on.isoformat(),
            "ends_on": (event.ends_on or event.starts_on).isoformat(),
            "participants": {
                "total": event.male + event.female + event.other,
                "female": event.female,
                "male": event.male,
                "other": event.other,
                "government": event.government,
                "non_government": event.non_government,
            },
            "registered_online": registered.get(event.pk, 0),
            "feedback_items": counts.get(event.pk, {}).get("received", 0),
            "feedback_answered": counts.get(event.pk, {}).get("answered", 0),
        }
        for event in events
    ]


def _feedback_counts_by_event(event_ids):
    if not event_ids:
        return {}
    rows = (
        FeedbackItem.objects.filter(
            subject_type=ContentType.objects.get_for_model(ConsultationEvent), subject_id__in=event_ids
        )
        .values("subject_id")
        .annotate(received=Count("pk"), answered=Count("pk", filter=~Q(decision="")))
        .order_by()
    )
    return {row["subject_id"]: row for row in rows}


def feedback_response_figures(*, start: date, end: date) -> dict:
    """Feedback received in the period, how much of it was answered, the share, and the median working days.

    A response's time is counted like a grievance's: the working days from the
    day received to the day answered, both included (an answer on the day of
    receipt took 1 working day). Items still unanswered have no time yet.
    """
    low, high = local_day_bounds(start, end)
    items = FeedbackItem.objects.filter(received_at__gte=low, received_at__lt=high)
    counts = items.aggregate(
        received=Count("pk"),
        answered=Count("pk", filter=~Q(decision="")),
        from_events=Count("pk", filter=Q(source=FeedbackSource.EVENT)),
        from_document_comments=Count("pk", filter=Q(source=FeedbackSource.DOCUMENT_COMMENT)),
        from_other_channels=Count("pk", filter=Q(source=FeedbackSource.OTHER_CHANNEL)),
    )
    spans = [
        (timezone.localtime(received).date(), timezone.localtime(responded).date())
        for received, responded in items.exclude(decision="")
        .filter(responded_at__isnull=False)
        .values_list("received_at", "responded_at")
    ]
    times = []
    if spans:
        count = working_days_counter(min(start for start, _end in spans), max(end for _start, end in spans))
        times = [count(received_on, responded_on) for received_on, responded_on in spans]
    return {
        **counts,
        "answered_share": round(100 * counts["answered"] / counts["received"]) if counts["received"] else None,
        "median_working_days_to_response": median(times) if times else None,
    }


def disclosure_figures(*, start: date, end: date) -> dict:
    """Documents disclosed in the period, and the comment periods held in it with the comments each drew."""
    versions = DocumentVersion.objects.filter(published_at__isnull=False).select_related("document")
    disclosed = versions.filter(disclosure_date__range=(start, end)).order_by("disclosure_date", "pk")
    version_type = ContentType.objects.get_for_model(DocumentVersion)
    comment_periods = list(
        versions.filter(comment_start__lte=end, comment_end__gte=start).order_by("comment_start", "pk")
    )
    comments = dict(
        FeedbackItem.objects.filter(subject_type=version_type, subject_id__in=[v.pk for v in comment_periods])
        .values_list("subject_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {
        "documents_disclosed": [
            {
                "title": version.document.title,
                "kind": version.kind,
                "number": version.number,
                "disclosed_on": version.disclosure_date.isoformat(),
            }
            for version in disclosed
        ],
        "comment_periods": [
            {
                "title": version.document.title,
                "number": version.number,
                "comment_start": version.comment_start.isoformat(),
                "comment_end": version.comment_end.isoformat(),
                "comments_received": comments.get(version.pk, 0),
            }
            for version in comment_periods
        ],
    }


def sep_report_data(*, start: date, end: date) -> dict:
    """Return the SEP semi-annual report of a period as JSON-ready data (`sep_report --format json`)."""
    engagement = engagement_figures(start=start, end=end)
    grievances = grm_period_figures(start=start, end=end)["new_period"]
    disclosure = disclosure_figures(start=start, end=end)
    return {
        "period": {"start": start.isoformat(), "end": end.isoformat()},
        "engagement": {
            "consultation_meetings": engagement["consultation_meetings"],
            "public_discussions": engagement["public_discussions"],
            "events_by_month": engagement["events_by_month"],
            "participants": engagement["participants"],
            "participants_by_type": engagement["participants_by_type"],
        },
        "events": sep_events_held(start=start, end=end),
        "feedback": feedback_response_figures(start=start, end=end),
        "disclosure": {
            **disclosure,
            "documents_disclosed_count": len(disclosure["documents_disclosed"]),
            "comment_periods_count": len(disclosure["comment_periods"]),
            "comments_received": sum(row["comments_received"] for row in disclosure["comment_periods"]),
        },
        "press": {
            **press_material_figures(start=start, end=end),
            "items": [
                {
                    "title": item.title,
                    "type": item.type,
                    "outlet": item.outlet,
                    "published_on": item.published_on.isoformat(),
                }
                for item in press_materials_in_period(start=start, end=end)
            ],
        },
        "grievances": {
            "received": grievances["received"],
            "unrelated": grievances["unrelated"]["total"],
            "addressed": grievances["addressed"]["total"],
            "resolving": grievances["resolving"]["total"],
            "resolved": grievances["resolved"]["total"],
            "resolved_within_deadline": grievances["resolved_within_deadline"],
            "by_kind": {
                code: grievances["unrelated"]["by_kind"][code] + grievances["addressed"]["by_kind"][code]
                for code in grievances["addressed"]["by_kind"]
            },
            "appealed": grievances["appealed"],
        },
    }
