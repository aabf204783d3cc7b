"""Filters of the grievance list: state, status, stage, kind, channel, period of receipt, overdue."""

import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from smartgov.dates import EARLIEST_DATE, LATEST_DATE

from ..models import Channel, Grievance, Kind, Stage, State, Status
from ..personal_data import contact_match
from ..selectors import received_between


class PlausibleDateField(forms.DateField):
    """A date the log can hold; far-off dates are refused instead of overflowing in the database."""

    def validate(self, value):
        super().validate(value)
        if value and not EARLIEST_DATE <= value <= LATEST_DATE:
            raise forms.ValidationError(
                gettext("Choose a date between %(first)s and %(last)s.")
                % {"first": EARLIEST_DATE.isoformat(), "last": LATEST_DATE.isoformat()}
            )


class PlausibleDateFilter(django_filters.DateFilter):
    field_class = PlausibleDateField


class GrievanceFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(choices=State.choices)
    status = django_filters.ChoiceFilter(choices=Status.choices)
    stage = django_filters.ChoiceFilter(choices=Stage.choices)
    kind = django_filters.ChoiceFilter(choices=Kind.choices)
    channel = django_filters.ChoiceFilter(choices=Channel.choices)
    received_from = PlausibleDateFilter(
        label=_("received from"), method="filter_received_from", help_text=_("First day, included (YYYY-MM-DD).")
    )
    received_to = PlausibleDateFilter(
        label=_("received to"), method="filter_received_to", help_text=_("Last day, included (YYYY-MM-DD).")
    )
    overdue = django_filters.BooleanFilter(label=_("overdue"), method="filter_overdue")
    email = django_filters.CharFilter(
        label=_("complainant's e-mail"),
        method="filter_contact",
        help_text=_("The whole e-mail address; only for users who may see complainants."),
    )
    phone = django_filters.CharFilter(
        label=_("complainant's phone"),
        method="filter_contact",
        help_text=_("The whole phone number; only for users who may see complainants."),
    )

    class Meta:
        model = Grievance
        fields = ["state", "status", "stage", "kind", "channel"]

    def filter_received_from(self, queryset, name, value):
        return received_between(queryset, start=value)

    def filter_received_to(self, queryset, name, value):
        return received_between(queryset, end=value)

    def filter_contact(self, queryset, name, value):
        """Match the exact e-mail or phone through its blind index; nothing for users who may not see complainants.

        Answering nothing (rather than ignoring the filter) means the filter
        cannot be used to learn whether a person has a case.
        """
        if not self.request.user.has_perm("grievances.view_complainant"):
            return queryset.none()
        return queryset.filter(contact_match(**{name: value}, prefix="complainant__"))

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue(timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
