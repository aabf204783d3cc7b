"""The reporting-period filter of the case list and received_between: whole local days, both ends included."""

from datetime import date, datetime

import pytest
from django.urls import reverse

from grievances.models import Grievance
from grievances.selectors import received_between
from grievances.tests.factories import ULAANBAATAR, register_grievance

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")


@pytest.fixture
def around_mid_year():
    """Cases received in the last minute of June, the first instant of July and the last microsecond of 2020."""
    return {
        "june": register_grievance(received_at=datetime(2020, 6, 30, 23, 59, tzinfo=ULAANBAATAR)),
        "july": register_grievance(received_at=datetime(2020, 7, 1, 0, 0, tzinfo=ULAANBAATAR)),
        "new_year_eve": register_grievance(received_at=datetime(2020, 12, 31, 23, 59, 59, 999999, tzinfo=ULAANBAATAR)),
    }


@pytest.mark.parametrize(("period", "expected"), [("2020H1", {"june"}), ("2020H2", {"july", "new_year_eve"})])
def test_the_reporting_period_filter_counts_whole_local_half_years(officer_client, around_mid_year, period, expected):
    listed = set(officer_client.get(CHANGELIST, {"period": period}).context["cl"].result_list)

    assert listed == {around_mid_year[name] for name in expected}


def test_an_unknown_reporting_period_lists_every_case(officer_client, around_mid_year):
    listed = officer_client.get(CHANGELIST, {"period": "2020H3"}).context["cl"].result_list

    assert len(listed) == 3


def test_received_between_includes_the_whole_last_day_and_nothing_after(around_mid_year):
    queryset = received_between(Grievance.objects.all(), date(2020, 7, 1), date(2020, 12, 31))

    assert set(queryset) == {around_mid_year["july"], around_mid_year["new_year_eve"]}


def test_received_between_with_only_an_end_leaves_the_start_open(around_mid_year):
    assert set(received_between(Grievance.objects.all(), end=date(2020, 6, 30))) == {around_mid_year["june"]}
