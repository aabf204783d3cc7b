"""Stakeholder engagement: the register, consultation events, feedback and responses."""

from .events import (
    AgendaItem,
    ConsultationEvent,
    EventFormat,
    EventKind,
    EventMaterial,
    OrganisationType,
    Participation,
    ProjectStage,
)
from .evidence import EventEvidence, EvidenceKind
from .feedback import FeedbackItem, FeedbackItemQuerySet, FeedbackSource, ResponseDecision
from .moderation import ModerationDigest, ModerationState, RemovalReason
from .register import (
    AccessibilityFields,
    Level,
    PreferredLanguage,
    Representative,
    Stakeholder,
    StakeholderCategory,
    StakeholderType,
    VulnerableGroup,
)
from .registrations import EventRegistration

__all__ = [
    "AccessibilityFields",
    "AgendaItem",
    "ConsultationEvent",
    "EventEvidence",
    "EventFormat",
    "EventKind",
    "EventMaterial",
    "EventRegistration",
    "EvidenceKind",
    "FeedbackItem",
    "FeedbackItemQuerySet",
    "FeedbackSource",
    "Level",
    "ModerationDigest",
    "ModerationState",
    "OrganisationType",
    "Participation",
    "PreferredLanguage",
    "ProjectStage",
    "RemovalReason",
    "Representative",
    "ResponseDecision",
    "Stakeholder",
    "StakeholderCategory",
    "StakeholderType",
    "VulnerableGroup",
]
