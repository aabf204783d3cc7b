"""Reads on the grievance log; they own the joins and annotations so lists stay at a fixed query count."""

from django.shortcuts import get_object_or_404
from django.utils import timezone

from smartgov.periods import local_day_bounds

from .models import Grievance


def grievance_list_for_user(*, user, today=None):
    """Cases the user may see, with their assignee joined and `is_overdue` computed by the database."""
    today = today or timezone.localdate()
    return Grievance.objects.visible_to(user).select_related("assigned_to").with_is_overdue(today)


def grievance_get_for_user(*, user, pk):
    """One case the user may see, or 404."""
    return get_object_or_404(grievance_list_for_user(user=user), pk=pk)


def received_between(queryset, start=None, end=None):
    """Filter on the local day of receipt, both days included, in a way the received_at index serves."""
    low, high = local_day_bounds(start, end)
    if low:
        queryset = queryset.filter(received_at__gte=low)
    if high:
        queryset = queryset.filter(received_at__lt=high)
    return queryset
