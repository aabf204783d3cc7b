"""API shapes: the register for staff, events and feedback with their public fields only."""

from django.utils.translation import gettext
from rest_framework import serializers

from smartgov.dates import EARLIEST_DATE, LATEST_DATE

from ..models import (
    AgendaItem,
    ConsultationEvent,
    EventMaterial,
    FeedbackItem,
    Participation,
    Representative,
    Stakeholder,
)


class RepresentativeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Representative
        fields = ["id", "name", "position", "email", "phone", "is_verified", "verified_on", "verification_method"]


class StakeholderSerializer(serializers.ModelSerializer):
    vulnerable_groups = serializers.SlugRelatedField(slug_field="name", many=True, read_only=True)
    representatives = RepresentativeSerializer(many=True, read_only=True)
    accessibility_needs = serializers.SerializerMethodField()

    class Meta:
        model = Stakeholder
        fields = [
            "id",
            "name",
            "stakeholder_type",
            "role",
            "interest",
            "influence",
            "category",
            "is_government",
            "vulnerable_groups",
            "representatives",
            "preferred_channels",
            "preferred_language",
            "accessibility_needs",
            "notes",
        ]

    def get_accessibility_needs(self, stakeholder) -> list[str]:
        return stakeholder.accessibility_labels()


class AgendaItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AgendaItem
        fields = ["starts_at", "ends_at", "title", "details", "presenter"]


class ParticipationSerializer(serializers.ModelSerializer):
    total = serializers.IntegerField(read_only=True)

    class Meta:
        model = Participation
        fields = ["organisation", "organisation_type", "male", "female", "other", "total"]


class EventMaterialSerializer(serializers.ModelSerializer):
    class Meta:
        model = EventMaterial
        fields = ["title", "url"]


class ConsultationEventSerializer(serializers.ModelSerializer):
    participants = serializers.IntegerField(source="participant_count", read_only=True)
    registered_online = serializers.IntegerField(source="registered_count", read_only=True)
    is_upcoming = serializers.BooleanField(read_only=True)
    accessibility_support = serializers.SerializerMethodField()

    class Meta:
        model = ConsultationEvent
        fields = [
            "id",
            "title",
            "kind",
            "event_format",
            "starts_on",
            "ends_on",
            "venue",
            "topics",
            "responsible_body",
            "project_stage",
            "is_upcoming",
            "how_to_take_part",
            "accessibility_support",
            "participants",
            "registered_online",
        ]

    def get_accessibility_support(self, event) -> list[str]:
        return event.accessibility_labels()


class ConsultationEventDetailSerializer(ConsultationEventSerializer):
    agenda = AgendaItemSerializer(source="agenda_items", many=True, read_only=True)
    participation = ParticipationSerializer(source="participations", many=True, read_only=True)
    materials = EventMaterialSerializer(many=True, read_only=True)

    class Meta(ConsultationEventSerializer.Meta):
        fields = [*ConsultationEventSerializer.Meta.fields, "agenda", "participation", "materials", "minutes"]


class FeedbackItemPublicSerializer(serializers.ModelSerializer):
    """Never the author's name without consent, never their contact; a removed item without its text.

    A comment removed by the moderator stays listed with `removed` true and the
    reason (in the request's language) and note, so that moderation is visible;
    its text, topic and author are empty.
    """

    REMOVED_BLANK_FIELDS = ("topic", "text", "author", "author_organisation")

    event = serializers.SerializerMethodField()
    author = serializers.CharField(source="public_author", read_only=True)
    removed = serializers.BooleanField(source="is_removed", read_only=True)
    removal_reason = serializers.CharField(source="get_removal_reason_display", read_only=True)

    class Meta:
        model = FeedbackItem
        fields = [
            "id",
            "source",
            "event",
            "topic",
            "text",
            "received_at",
            "author",
            "author_organisation",
            "decision",
            "reason",
            "reflected_in",
            "responded_at",
            "removed",
            "removal_reason",
            "removal_note",
        ]

    def to_representation(self, item):
        data = super().to_representation(item)
        if item.is_removed:
            data.update(dict.fromkeys(self.REMOVED_BLANK_FIELDS, ""))
        return data

    def get_event(self, item) -> int | None:
        if item.subject_type_id == self.context["event_type_id"]:
            return item.subject_id
        return None


class EngagementFiguresQuerySerializer(serializers.Serializer):
    """A period of whole days; bounded so that the per-month figures stay a readable, finite list."""

    FIRST_DAY, LAST_DAY = EARLIEST_DATE, LATEST_DATE

    start = serializers.DateField()
    end = serializers.DateField()

    def validate(self, data):
        for name in ("start", "end"):
            if not self.FIRST_DAY <= data[name] <= self.LAST_DAY:
                message = gettext("Choose a date between %(first)s and %(last)s.") % {
                    "first": self.FIRST_DAY.isoformat(),
                    "last": self.LAST_DAY.isoformat(),
                }
                raise serializers.ValidationError({name: message})
        if data["end"] < data["start"]:
            raise serializers.ValidationError({"end": gettext("The end date cannot be before the start date.")})
        return data
