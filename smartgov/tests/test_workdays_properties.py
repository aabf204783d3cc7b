"""Properties of the working-day calendar over arbitrary dates (Hypothesis)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from smartgov.workdays import add_working_days, is_working_day, working_days_between

pytestmark = pytest.mark.django_db

dates = st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 31))
spans = st.integers(min_value=0, max_value=120)


@settings(max_examples=60, deadline=None)
@given(start=dates, first=spans, second=spans)
def test_counts_add_up_over_adjacent_ranges(start, first, second):
    middle = start + timedelta(days=first)
    end = middle + timedelta(days=second + 1)
    assert working_days_between(start, end) == (
        working_days_between(start, middle) + working_days_between(middle + timedelta(days=1), end)
    )


@settings(max_examples=60, deadline=None)
@given(start=dates, span=spans)
def test_a_range_has_at_most_five_working_days_in_seven(start, span):
    end = start + timedelta(days=span)
    count = working_days_between(start, end)
    assert 0 <= count <= span + 1
    assert count <= (span // 7 + 1) * 5


@settings(max_examples=60, deadline=None)
@given(start=dates, days=st.integers(min_value=1, max_value=40))
def test_a_deadline_lands_on_a_working_day_exactly_that_many_working_days_away(start, days):
    due = add_working_days(start, days)
    assert is_working_day(due)
    assert working_days_between(start, due) == days
