"""Filters for the stakeholder engagement API."""

import django_filters
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import ConsultationEvent, FeedbackItem, Stakeholder, VulnerableGroup


class StakeholderFilter(django_filters.FilterSet):
    search = django_filters.CharFilter(method="filter_search", label=_("name contains"))
    vulnerable_group = django_filters.ModelChoiceFilter(
        field_name="vulnerable_groups", queryset=VulnerableGroup.objects.all(), label=_("represents vulnerable group")
    )

    class Meta:
        model = Stakeholder
        fields = ["stakeholder_type", "category", "interest", "influence", "is_government", "preferred_language"]

    def filter_search(self, queryset, name, value):
        return queryset.filter(Q(name_mn__icontains=value) | Q(name_en__icontains=value))


class ConsultationEventFilter(django_filters.FilterSet):
    starts_after = django_filters.DateFilter(field_name="starts_on", lookup_expr="gte", label=_("starts on or after"))
    starts_before = django_filters.DateFilter(field_name="starts_on", lookup_expr="lte", label=_("starts on or before"))
    upcoming = django_filters.BooleanFilter(method="filter_upcoming", label=_("upcoming"))

    class Meta:
        model = ConsultationEvent
        fields = ["kind", "event_format", "project_stage"]

    def filter_upcoming(self, queryset, name, value):
        today = timezone.localdate()
        return queryset.filter(starts_on__gte=today) if value else queryset.filter(starts_on__lt=today)


class FeedbackItemFilter(django_filters.FilterSet):
    event = django_filters.NumberFilter(method="filter_event", label=_("consultation event"))
    topic = django_filters.CharFilter(method="filter_topic", label=_("topic contains"))
    responded = django_filters.BooleanFilter(method="filter_responded", label=_("has a response"))
    received_after = django_filters.DateFilter(
        field_name="received_at", lookup_expr="date__gte", label=_("received on or after")
    )
    received_before = django_filters.DateFilter(
        field_name="received_at", lookup_expr="date__lte", label=_("received on or before")
    )

    class Meta:
        model = FeedbackItem
        fields = ["source", "decision"]

    def filter_event(self, queryset, name, value):
        return queryset.filter(subject_type=ContentType.objects.get_for_model(ConsultationEvent), subject_id=value)

    def filter_topic(self, queryset, name, value):
        return queryset.filter(Q(topic_mn__icontains=value) | Q(topic_en__icontains=value))

    def filter_responded(self, queryset, name, value):
        return queryset.exclude(decision="") if value else queryset.filter(decision="")
