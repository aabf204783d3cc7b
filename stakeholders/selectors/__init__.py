"""Reads on stakeholder engagement records; every figure is computed by the database."""

from .events import (
    event_get_public,
    event_list_public,
    event_participation_summary,
    event_public_list,
    outreach_events_held,
)
from .feedback import feedback_for_subject, feedback_public_list
from .figures import engagement_figures
from .register import stakeholder_grid, stakeholder_list, vulnerable_group_gaps

__all__ = [
    "engagement_figures",
    "event_get_public",
    "event_list_public",
    "event_participation_summary",
    "event_public_list",
    "feedback_for_subject",
    "feedback_public_list",
    "outreach_events_held",
    "stakeholder_grid",
    "stakeholder_list",
    "vulnerable_group_gaps",
]
