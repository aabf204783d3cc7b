"""Shapes of the grievance API. Complainant fields only for users with grievances.view_complainant."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from .. import workflow
from ..models import Complainant, Grievance


class ComplainantSerializer(serializers.ModelSerializer):
    class Meta:
        model = Complainant
        fields = [
            "name",
            "email",
            "phone",
            "address",
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
            # Each language's copy by its own name: a plain "summary" would be the active language's copy,
            # or another language's when that one is empty.
            "summary_mn",
            "summary_en",
            "details",
            "aimag",
            "location",
            "gender",
            "age_group",
            "disability",
            "vulnerable_groups",
            "state",
            "status",
            "stage",
            "referred_to",
            "referral_body",
            "assigned_to",
            "acknowledged_at",
            "due_on",
            "is_overdue",
            "actions_taken_mn",
            "actions_taken_en",
            "public_answer_mn",
            "public_answer_en",
            "public_answer_kk",
            "response_way",
            "resolved_on",
            "working_days_to_resolve",
            "closed_at",
            "sensitive",  # SEA/SH: only those who may see such cases are ever given one
        ]
        read_only_fields = fields


class GrievanceWithComplainantSerializer(GrievanceSerializer):
    complainant = ComplainantSerializer(read_only=True)

    class Meta(GrievanceSerializer.Meta):
        fields = [*GrievanceSerializer.Meta.fields, "complainant"]
        read_only_fields = fields


def serializer_field(item: workflow.Input):
    """The DRF field for one registry input; text the service needs is refused blank by the service itself."""
    common = {"label": item.label, "help_text": item.help_text or None}
    if item.kind == "user":
        return serializers.SlugRelatedField(
            slug_field="username", queryset=get_user_model().objects.filter(is_active=True), allow_null=True, **common
        )
    if item.kind == "choice":
        choices = item.choices(None)
        if item.required:
            return serializers.ChoiceField(choices=choices, **common)
        return serializers.ChoiceField(choices=choices, required=False, allow_blank=True, default="", **common)
    if item.kind == "record":
        return serializers.PrimaryKeyRelatedField(
            queryset=item.queryset(), required=False, allow_null=True, default=None, **common
        )
    if item.kind == "date":
        return serializers.DateField(required=False, allow_null=True, default=None, **common)
    return serializers.CharField(required=False, allow_blank=True, default="", max_length=item.max_length, **common)


_serializers = {}


def transition_serializer(transition: workflow.Transition):
    """The input serializer of a registered transition: its inputs and an optional note (built once per entry)."""
    key = (transition.name, transition.inputs)
    if key not in _serializers:
        fields = {item.name: serializer_field(item) for item in transition.inputs}
        fields["note"] = serializers.CharField(label=_("note"), required=False, allow_blank=True, default="")
        name = "".join(part.capitalize() for part in transition.name.split("_")) + "TransitionSerializer"
        _serializers[key] = type(name, (serializers.Serializer,), fields)
    return _serializers[key]
