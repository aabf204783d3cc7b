"""Consultation events as the public sees them."""

from django.db.models import Count, F, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from ..models import AgendaItem, ConsultationEvent, EventRegistration, OrganisationType, Participation

ZERO = Value(0)


def _participant_total(prefix=""):
    return Coalesce(Sum(F(f"{prefix}male") + F(f"{prefix}female") + F(f"{prefix}other")), ZERO)


def _registered_count():
    """People registered online for the event, as a subquery (a join would multiply the participants' sum)."""
    counts = (
        EventRegistration.objects.filter(event=OuterRef("pk")).order_by().values("event").annotate(count=Count("pk"))
    )
    return Coalesce(Subquery(counts.values("count")), ZERO)


def event_public_list():
    """Published events with their participant count and the people registered online, latest first."""
    return (
        ConsultationEvent.objects.published()
        .annotate(participant_count=_participant_total("participations__"), registered_count=_registered_count())
        .order_by("-starts_on", "id")
    )


def event_list_public(*, today=None):
    """Published events split into upcoming (soonest first) and past (latest first), with participant counts."""
    events = event_public_list()
    upcoming = events.upcoming(today).order_by("starts_on", "title")
    past = events.past(today).order_by("-starts_on", "title")
    return upcoming, past


def event_get_public(*, pk):
    """One published event with its agenda, materials and participation rows; None if not published."""
    return (
        ConsultationEvent.objects.published()
        .prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("starts_at", "id")),
            "materials",
            Prefetch("participations", queryset=Participation.objects.order_by("organisation_type", "position", "id")),
        )
        .filter(pk=pk)
        .first()
    )


def event_participation_summary(event):
    """Participants by stakeholder type and gender, and the totals, computed by the database."""
    by_type = {
        row["organisation_type"]: row
        for row in Participation.objects.filter(event=event)
        .values("organisation_type")
        .annotate(
            male_count=Sum("male"),
            female_count=Sum("female"),
            other_count=Sum("other"),
            total_count=_participant_total(),
        )
        .order_by()
    }
    rows = [
        {"organisation_type": value, "label": label, **_counts(by_type.get(value))}
        for value, label in OrganisationType.choices
    ]
    totals = {key: sum(row[key] for row in rows) for key in ("male", "female", "other", "total")}
    return {
        "rows": rows,
        "totals": totals,
        "gender_recorded": totals["male"] + totals["female"] > 0,
        # People who registered online (stakeholders/registrations.py); staff record who came in the rows above.
        "registered": event.registrations.count(),
    }


def _counts(row):
    return {key: (row or {}).get(f"{key}_count") or 0 for key in ("male", "female", "other", "total")}


def outreach_events_held(*, start, end) -> list[dict]:
    """Outreach events held in the period, oldest first, as JSON-ready rows (the GRM report's "Other" section).

    Texts are in the active language (the report renders under its language).
    """
    events = ConsultationEvent.objects.outreach().held_between(start, end).order_by("starts_on", "pk")
    return [
        {
            "title": event.title,
            "starts_on": event.starts_on.isoformat(),
            "ends_on": (event.ends_on or event.starts_on).isoformat(),
            "venue": event.venue,
            "topics": event.topics,
            "people_reached": event.people_reached,
        }
        for event in events
    ]
