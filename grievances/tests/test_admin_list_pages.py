"""The case list's pages when there are more cases than it counts (smartgov.paginators in the admin)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from grievances.admin import GrievanceAdmin
from grievances.models import Grievance
from grievances.tests.factories import local_datetime, register_grievance
from smartgov.paginators import CappedCountPaginator

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")


@pytest.fixture
def eight_cases(monkeypatch):
    """Eight cases in the list's order; the list shows two a page and counts one page past the one shown."""
    monkeypatch.setattr(CappedCountPaginator, "count_cap", 3)
    monkeypatch.setattr(CappedCountPaginator, "pages_ahead", 1)
    monkeypatch.setattr(GrievanceAdmin, "list_per_page", 2)
    for day in range(1, 9):
        register_grievance(received_at=local_datetime(2020, 7, day))
    return list(Grievance.objects.order_by(*GrievanceAdmin.ordering, "-pk"))


def _get(client, language="en", **params):
    response = client.get(CHANGELIST, params, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response


def _paginator(response):
    return " ".join(re.search(r'<p class="paginator">(.*?)</p>', response.content.decode(), re.S)[1].split())


def _links(response):
    return [int(number) for number in re.findall(r'href="\?p=(\d+)"', _paginator(response))]


def test_a_long_list_says_more_than_the_count_and_links_the_counted_pages(officer_client, eight_cases):
    response = _get(officer_client)
    assert "more than 4 grievances" in _paginator(response)
    assert _links(response) == [2, 3]
    assert list(response.context["cl"].result_list) == eight_cases[:2]


def test_a_page_past_the_count_shows_its_cases_and_links_on(officer_client, eight_cases):
    response = _get(officer_client, p=2)
    assert list(response.context["cl"].result_list) == eight_cases[2:4]
    assert _links(response) == [1, 3, 4]
    assert "more than 6 grievances" in _paginator(response)


def test_the_last_page_has_the_exact_count(officer_client, eight_cases):
    response = _get(officer_client, p=4)
    assert list(response.context["cl"].result_list) == eight_cases[6:]
    assert "8 grievances" in _paginator(response)
    assert "more than" not in _paginator(response)
    assert _links(response) == [1, 2, 3]


def test_a_page_past_the_end_goes_back_to_the_list_with_an_error(officer_client, eight_cases):
    response = officer_client.get(CHANGELIST, {"p": 9})
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_the_search_and_the_selection_say_more_than_in_mongolian(officer_client, eight_cases):
    page = _get(officer_client, language="mn", q="open").content.decode()
    assert "4 гаруй санал гомдол" in page
    assert "4 гаруй үр дүн" in page
    assert "Олдсон бүх өргөдөл, гомдлыг сонгох (4 гаруй)" in page


def test_a_short_list_is_counted_as_before(officer_client):
    register_grievance()
    response = _get(officer_client)
    assert "1 grievance" in _paginator(response)
    assert "1 result" in response.content.decode()


def test_a_deep_page_costs_the_queries_of_the_first(officer_client, eight_cases):
    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            _get(officer_client, **params)
        return len(captured)

    assert queries(p=3) == queries(p=1)
