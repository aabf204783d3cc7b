"""Texts the PIU publishes in Mongolian and English."""

from modeltranslation.translator import TranslationOptions, register

from .models import (
    AgendaItem,
    ConsultationEvent,
    EventEvidence,
    EventMaterial,
    FeedbackItem,
    Participation,
    Stakeholder,
    VulnerableGroup,
)


@register(FeedbackItem)
class FeedbackItemTranslationOptions(TranslationOptions):
    fields = ("topic", "text", "reason", "reflected_in")


@register(VulnerableGroup)
class VulnerableGroupTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Stakeholder)
class StakeholderTranslationOptions(TranslationOptions):
    fields = ("name", "role", "preferred_channels", "notes", "accessibility_other")


@register(ConsultationEvent)
class ConsultationEventTranslationOptions(TranslationOptions):
    fields = ("title", "venue", "topics", "responsible_body", "how_to_take_part", "minutes", "accessibility_other")


@register(AgendaItem)
class AgendaItemTranslationOptions(TranslationOptions):
    fields = ("title", "details", "presenter")


@register(Participation)
class ParticipationTranslationOptions(TranslationOptions):
    fields = ("organisation",)


@register(EventMaterial)
class EventMaterialTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(EventEvidence)
class EventEvidenceTranslationOptions(TranslationOptions):
    fields = ("caption",)
