"""The paginator of long admin lists: a capped count, pages past it, deep pages fetched by their ids."""

import pytest
from django.contrib.auth.models import Group
from django.core.paginator import EmptyPage
from django.db import connection
from django.test.utils import CaptureQueriesContext

from smartgov.paginators import CappedCountPaginator

pytestmark = pytest.mark.django_db


class SmallCap(CappedCountPaginator):
    count_cap = 4
    pages_ahead = 1
    deferred_join_from = 4


@pytest.fixture
def groups():
    """Twelve rows, in the list's order."""
    Group.objects.bulk_create([Group(name=f"group {number:02d}") for number in range(12)])
    return Group.objects.filter(name__startswith="group ").order_by("name")


def _names(page):
    return [group.name for group in page.object_list]


def test_the_count_stops_one_row_past_the_cap(groups):
    paginator = SmallCap(groups, 2)
    assert paginator.count == 5
    assert paginator.count_is_capped
    assert paginator.num_pages == 3  # the third page is known to hold at least one row


def test_a_list_shorter_than_the_cap_is_counted_exactly(groups):
    paginator = SmallCap(groups.filter(name__lt="group 03"), 2)
    assert paginator.count == 3
    assert not paginator.count_is_capped
    assert _names(paginator.page(2)) == ["group 02"]


def test_a_page_past_the_counted_rows_counts_further_and_holds_its_rows(groups):
    paginator = SmallCap(groups, 2)
    page = paginator.page(4)
    assert _names(page) == ["group 06", "group 07"]
    assert paginator.counted_up_to == 10  # the page and one more
    assert paginator.num_pages == 6
    assert page.has_next()


def test_told_the_page_wanted_it_counts_that_far_at_once(groups):
    paginator = SmallCap(groups, 2, wanted_page="4")
    assert paginator.count == 11  # ten rows, pages 4 and 5, and one more
    with CaptureQueriesContext(connection) as queries:
        assert _names(paginator.page(4)) == ["group 06", "group 07"]
    assert len(queries) == 1  # the rows only


def test_a_wanted_page_past_the_end_is_empty(groups):
    paginator = SmallCap(groups, 2, wanted_page=9)
    assert paginator.count == 12  # no row where the page would start: counted instead
    with pytest.raises(EmptyPage):
        paginator.page(9)


def test_the_last_page_holds_the_last_rows_and_a_page_past_the_end_is_empty(groups):
    paginator = SmallCap(groups, 5)
    last = paginator.page(3)
    assert _names(last) == ["group 10", "group 11"]
    assert not paginator.count_is_capped
    assert paginator.count == 12
    assert not last.has_next()
    with pytest.raises(EmptyPage):
        SmallCap(groups, 5).page(4)


class EarlyDeferredJoin(CappedCountPaginator):
    deferred_join_from = 4


def test_a_deep_page_is_fetched_by_its_ids_in_one_query(groups):
    plain = [_names(CappedCountPaginator(groups, 3).page(number)) for number in range(1, 5)]
    paginator = EarlyDeferredJoin(groups, 3)
    assert paginator.count == 12  # counted first, as the admin does
    with CaptureQueriesContext(connection) as queries:
        deep = _names(paginator.page(3))
    assert deep == plain[2] == ["group 06", "group 07", "group 08"]
    assert len(queries) == 1
    assert "IN (SELECT" in queries[0]["sql"]
    assert [_names(EarlyDeferredJoin(groups, 3).page(number)) for number in range(1, 5)] == plain


def test_the_order_of_the_list_is_kept_on_a_deep_page(groups):
    newest_first = groups.order_by("-name")
    assert _names(EarlyDeferredJoin(newest_first, 3).page(2)) == ["group 08", "group 07", "group 06"]
