import pytest

pytestmark = pytest.mark.django_db

URL = "/api/reports/grm/"
PERIOD = {"start": "2020-06-25", "end": "2020-12-31"}


def test_world_bank_viewer_gets_the_report_figures(client, world_bank_viewer, log_2020h2, django_assert_num_queries):
    client.force_login(world_bank_viewer)
    client.get(URL, PERIOD)  # warm the session and permission caches

    # session, user, 2 permissions, figures (cases, history), addressed cases, who and where, outreach events
    with django_assert_num_queries(9):
        response = client.get(URL, PERIOD)

    assert response.status_code == 200
    body = response.json()
    assert body["since_launch"]["received"] == 29
    assert len(body["addressed_cases"]) == 6


def test_piu_officer_gets_the_report_figures(client, piu_officer):
    client.force_login(piu_officer)
    assert client.get(URL, PERIOD).status_code == 200


def test_staff_without_reporting_permission_is_refused(client, db):
    from reporting.tests.factories import UserFactory

    client.force_login(UserFactory(username="plainstaff", is_staff=True))
    assert client.get(URL, PERIOD).status_code == 403


def test_anonymous_visitor_is_refused(client):
    assert client.get(URL, PERIOD).status_code in (401, 403)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"start": "2020-06-25"}, "Give both a start and an end date"),
        ({"start": "25.06.2020", "end": "2020-12-31"}, "YYYY-MM-DD"),
        ({"start": "2020-12-31", "end": "2020-06-25"}, "must not be before"),
        # The last representable day used to overflow the period's bounds into a 500 (found by schemathesis).
        ({"start": "2020-06-25", "end": "9999-12-31"}, "cannot end after 2099-12-31"),
    ],
)
def test_bad_dates_answer_400_with_a_clear_message(client, world_bank_viewer, query, message):
    client.force_login(world_bank_viewer)

    response = client.get(URL, query, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 400
    assert message in str(response.json())
