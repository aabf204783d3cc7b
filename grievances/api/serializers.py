"""Shapes of the grievance API. Complainant fields only for users with grievances.view_complainant."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from ..models import Complainant, Grievance, ResponseWay, Stage


class ComplainantSerializer(serializers.ModelSerializer):
    class Meta:
        model = Complainant
        fields = [
            "name",
            "email",
            "phone",
            "address",
            "gender",
            "age_group",
            "vulnerable_groups",
            "preferred_language",
            "preferred_contact",
        ]


class GrievanceSerializer(serializers.ModelSerializer):
    assigned_to = serializers.SlugRelatedField(slug_field="username", read_only=True)
    is_overdue = serializers.BooleanField(read_only=True)

    class Meta:
        model = Grievance
        fields = [
            "id",
            "registered_no",
            "kind",
            "channel",
            "received_at",
            "summary",
            "details",
            "location",
            "status",
            "stage",
            "referred_to",
            "assigned_to",
            "acknowledged_at",
            "due_on",
            "is_overdue",
            "actions_taken",
            "public_answer",
            "response_way",
            "resolved_on",
            "working_days_to_resolve",
            "closed_at",
        ]
        read_only_fields = fields


class GrievanceWithComplainantSerializer(GrievanceSerializer):
    complainant = ComplainantSerializer(read_only=True)

    class Meta(GrievanceSerializer.Meta):
        fields = [*GrievanceSerializer.Meta.fields, "complainant"]
        read_only_fields = fields


class TransitionSerializer(serializers.Serializer):
    note = serializers.CharField(label=_("note"), required=False, allow_blank=True, default="")


class MarkUnrelatedSerializer(TransitionSerializer):
    referred_to = serializers.CharField(label=_("referred to"), max_length=255)


class AssignSerializer(TransitionSerializer):
    assignee = serializers.SlugRelatedField(
        label=_("assign to"),
        slug_field="username",
        queryset=get_user_model().objects.filter(is_active=True),
        allow_null=True,
    )


class EscalateSerializer(TransitionSerializer):
    stage = serializers.ChoiceField(
        label=_("stage"), choices=[Stage.PIU, Stage.STEERING_COMMITTEE, Stage.HIGHER_AUTHORITY]
    )


class ResolveSerializer(TransitionSerializer):
    actions_taken = serializers.CharField(label=_("summary of actions taken"))
    response_way = serializers.ChoiceField(label=_("way of answer"), choices=ResponseWay.choices)
    resolved_on = serializers.DateField(label=_("resolved on"), required=False, allow_null=True, default=None)
    public_answer = serializers.CharField(
        label=_("answer to the complainant"), required=False, allow_blank=True, default=""
    )
