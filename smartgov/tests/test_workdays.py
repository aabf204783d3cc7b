from datetime import date, timedelta

import pytest

from smartgov.models import CalendarDay
from smartgov.workdays import add_working_days, is_working_day, working_days_between, working_days_counter

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("received", "resolved", "expected"),
    [
        # The six addressed cases of the 2020 H2 GRM report, as the PIU counted them.
        (date(2020, 7, 31), date(2020, 7, 31), 1),
        (date(2020, 8, 2), date(2020, 8, 3), 1),  # Sunday to Monday
        (date(2020, 8, 14), date(2020, 8, 14), 1),
        (date(2020, 9, 24), date(2020, 9, 27), 2),  # Thursday to Sunday
        (date(2020, 10, 10), date(2020, 10, 12), 1),  # Saturday to Monday
        (date(2020, 11, 25), date(2020, 12, 10), 11),  # 26 November is Republic Day
    ],
)
def test_working_days_match_the_published_report(received, resolved, expected):
    assert working_days_between(received, resolved) == expected


def test_lunar_new_year_is_not_a_working_day():
    assert not is_working_day(date(2020, 2, 24))  # Tsagaan Sar, a Monday
    assert is_working_day(date(2020, 2, 27))


def test_end_before_start_counts_nothing():
    assert working_days_between(date(2020, 8, 3), date(2020, 8, 2)) == 0


def test_an_extra_day_off_by_decree_is_not_counted():
    CalendarDay.objects.create(date=date(2020, 12, 31), is_working_day=False, reason="Decree 1")
    assert working_days_between(date(2020, 12, 30), date(2020, 12, 31)) == 1


def test_a_saturday_declared_working_is_counted():
    CalendarDay.objects.create(date=date(2020, 8, 1), is_working_day=True)
    assert working_days_between(date(2020, 7, 31), date(2020, 8, 2)) == 2


def test_deadline_counts_the_first_working_day_as_day_one():
    # Received on a Sunday: Monday is day 1, Tuesday day 2.
    assert add_working_days(date(2020, 8, 2), 2) == date(2020, 8, 4)
    # Received Wednesday 25 Nov 2020: Republic Day and the weekend are skipped.
    assert add_working_days(date(2020, 11, 25), 3) == date(2020, 11, 30)


def test_deadline_and_count_agree_over_holidays():
    start = date(2020, 7, 1)  # Naadam falls inside the 30 days
    due = add_working_days(start, 30)
    assert working_days_between(start, due) == 30
    assert is_working_day(due)


@pytest.mark.django_db
def test_the_counter_counts_as_working_days_between_with_one_calendar_query(django_assert_num_queries):
    first = date(2021, 7, 1)
    spans = [
        (first + timedelta(days=n), first + timedelta(days=n + length))
        for n in range(0, 60, 7)
        for length in (-1, 0, 3, 12)
    ]
    with django_assert_num_queries(1):
        count = working_days_counter(first, first + timedelta(days=80))
        counted = [count(start, end) for start, end in spans]

    assert counted == [working_days_between(start, end) for start, end in spans]
