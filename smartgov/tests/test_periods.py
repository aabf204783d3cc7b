"""Local day bounds and half years, shared by the grievance filters, the GRM report and the SEP dashboard."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from smartgov.periods import H1, H2, half_of, half_year, local_day_bounds

ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")


def test_day_bounds_run_from_the_first_local_midnight_to_the_midnight_after_the_last_day():
    low, high = local_day_bounds(date(2020, 7, 1), date(2020, 12, 31))

    assert low == datetime(2020, 7, 1, tzinfo=ULAANBAATAR)
    assert high == datetime(2021, 1, 1, tzinfo=ULAANBAATAR)


def test_the_last_instant_of_the_end_day_is_inside_and_the_next_midnight_is_not():
    low, high = local_day_bounds(date(2020, 12, 31), date(2020, 12, 31))
    last_moment = datetime(2020, 12, 31, 23, 59, 59, 999999, tzinfo=ULAANBAATAR)

    assert low <= last_moment < high
    assert not low <= last_moment + timedelta(microseconds=1) < high


def test_day_bounds_are_local_days_whatever_the_active_time_zone(settings):
    from django.utils import timezone

    with timezone.override(ZoneInfo("UTC")):
        low, _high = local_day_bounds(date(2020, 7, 1), None)

    assert low.astimezone(ZoneInfo("UTC")) == datetime(2020, 6, 30, 16, 0, tzinfo=ZoneInfo("UTC"))


def test_a_missing_start_or_end_leaves_that_side_open():
    assert local_day_bounds(None, date(2020, 6, 30))[0] is None
    assert local_day_bounds(date(2020, 1, 1), None)[1] is None


@pytest.mark.parametrize(
    ("half", "expected"),
    [(H1, (date(2020, 1, 1), date(2020, 6, 30))), (H2, (date(2020, 7, 1), date(2020, 12, 31)))],
)
def test_half_year_gives_its_first_and_last_day(half, expected):
    assert half_year(2020, half) == expected


def test_an_unknown_half_is_refused():
    with pytest.raises(ValueError):
        half_year(2020, "H3")


@pytest.mark.parametrize(("day", "half"), [(date(2020, 6, 30), H1), (date(2020, 7, 1), H2)])
def test_june_ends_the_first_half_and_july_starts_the_second(day, half):
    assert half_of(day) == half
