"""Who was shown complainants' identity through a door that shows many cases at once (the API's list).

The case page logs its one case with services.grievance_complainant_viewed;
a page of the API's list logs each of its cases the same way here, in two
INSERTs (history entries, audit entries) plus the audit chain's lock and head,
however many cases the page holds.
"""

from django.db import transaction

from . import audit_trail
from .models import EventType, GrievanceEvent


def complainants_viewed(*, grievances, actor, via: str) -> list[GrievanceEvent]:
    """Log that `actor` was shown the complainant of each case: one "details viewed" history entry per case."""
    cases = list(grievances)
    if not cases or actor is None or not actor.is_authenticated:
        return []
    with transaction.atomic(savepoint=False):
        events = GrievanceEvent.objects.bulk_create(
            [
                GrievanceEvent(
                    grievance=case,
                    event_type=EventType.COMPLAINANT_VIEWED,
                    actor=actor,
                    to_status=case.status,
                    to_stage=case.stage,
                    data={"via": via},
                )
                for case in cases
            ]
        )
        audit_trail.grievance_events_audit(events)
    return events
