"""The case list's compact columns and default order, at a fixed number of queries up to 100,000 cases."""

import re
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from grievances import complainant_side, services
from grievances.models import Grievance, ResponseWay
from grievances.tests.factories import case_in_state, register_grievance
from grievances.tests.test_admin import CHANGELIST_QUERIES
from grievances.workflow import State

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")
# The "due within 3 working days" queue also reads the calendar's decree days.
DUE_SOON_QUERIES = CHANGELIST_QUERIES + 1


def _in_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def _row_of(page, grievance):
    """The HTML of the case's row in the list."""
    rows = re.findall(r"<tr>.*?</tr>", page, flags=re.DOTALL)
    return next(row for row in rows if f">{grievance.registered_no}<br>" in row)


def _due(grievance, days_from_today):
    Grievance.objects.filter(pk=grievance.pk).update(due_on=timezone.localdate() + timedelta(days=days_from_today))
    return grievance


def test_overdue_cases_come_first_then_by_deadline_then_the_newest(officer_client):
    now = timezone.now()
    older_finished = case_in_state(State.CLOSED, received_at=now - timedelta(days=30))
    newer_finished = case_in_state(State.RESOLVED, received_at=now - timedelta(days=3))
    later = _due(register_grievance(received_at=now), 5)
    sooner = _due(register_grievance(received_at=now), 1)
    late = _due(register_grievance(received_at=now), -2)
    latest = _due(register_grievance(received_at=now), -10)

    listed = list(officer_client.get(CHANGELIST).context["cl"].result_list)

    assert listed == [latest, late, sooner, later, newer_finished, older_finished]


@pytest.mark.parametrize(("language", "shown", "hidden"), [("en", "Broken kiosk", "Эвдэрсэн"), ("mn", "—", "Broken")])
def test_the_summary_is_the_public_summary_in_the_page_s_language_only(officer_client, language, shown, hidden):
    grievance = register_grievance(
        summary="Broken kiosk", translations={"summary_en": "Broken kiosk"}, details="Call Bat on 99112233"
    )

    row = _row_of(_in_language(officer_client, language).get(CHANGELIST).content.decode(), grievance)

    assert shown in row
    assert hidden not in row
    assert "99112233" not in row  # the complainant's own words never reach the list


def test_a_long_summary_is_cut_to_about_80_characters(officer_client):
    words = "The road to the soum centre is closed and the clinic cannot be reached by the herders in winter"
    grievance = register_grievance(summary=words, translations={"summary_en": words})

    row = _row_of(_in_language(officer_client, "en").get(CHANGELIST).content.decode(), grievance)

    assert words[:70] in row
    assert words not in row
    assert "…" in row


@pytest.mark.parametrize(("language", "text"), [("en", "overdue by 10 days"), ("mn", "10 хоног хэтэрсэн")])
def test_an_overdue_case_says_so_in_words_and_with_an_icon(officer_client, language, text):
    grievance = _due(register_grievance(received_at=timezone.now()), -10)

    row = _row_of(_in_language(officer_client, language).get(CHANGELIST).content.decode(), grievance)

    assert re.search(r'<strong class="case-overdue"><span aria-hidden="true">⚠</span> ' + text + "</strong>", row)


def test_the_status_cell_has_the_state_the_stage_and_the_deadline(officer_client):
    grievance = register_grievance(received_at=timezone.now())

    row = _row_of(_in_language(officer_client, "en").get(CHANGELIST).content.decode(), grievance)

    assert "Registered, not yet acknowledged" in row
    assert "stage 1" in row
    assert f'due <span class="case-date">{grievance.due_on.isoformat()}</span>' in row
    assert "case-overdue" not in row


def test_the_call_and_new_reply_badges_share_one_cell(officer_client):
    grievance = case_in_state(
        State.IN_PROGRESS,
        received_at=timezone.now(),
        complainant={"name": "Bat", "phone": "7011 2233", "preferred_contact": ResponseWay.PHONE},
    )
    complainant_side.grievance_complainant_reply(grievance=grievance, text="Still broken")

    row = _row_of(officer_client.get(CHANGELIST).content.decode(), grievance)
    cell = re.search(r'<td class="field-badges">(.*?)</td>', row, flags=re.DOTALL).group(1)

    assert 'class="contact-task-badge"' in cell
    assert 'class="reply-badge"' in cell


def test_mongolian_dates_in_the_admin_have_no_am_or_pm(officer_client):
    grievance = register_grievance(received_at=timezone.now())
    page = (
        _in_language(officer_client, "mn")
        .get(reverse("admin:grievances_grievance_change", args=[grievance.pk]))
        .content.decode()
    )

    received = timezone.localtime(grievance.received_at)
    assert f"{received.year} оны {received.month} сарын {received.day}, {received:%H:%M}" in page
    assert "a.m." not in page
    assert "p.m." not in page


@pytest.mark.parametrize(("params", "queries"), [({}, CHANGELIST_QUERIES), ({"queue": "due_soon"}, DUE_SOON_QUERIES)])
def test_the_case_list_runs_a_fixed_number_of_queries(officer_client, django_assert_num_queries, params, queries):
    for _ in range(3):
        services.grievance_assign(grievance=register_grievance(), actor=None, assignee=officer_client.user)
    with django_assert_num_queries(queries):
        officer_client.get(CHANGELIST, params)
    for _ in range(12):
        register_grievance(received_at=timezone.now())
    with django_assert_num_queries(queries):
        officer_client.get(CHANGELIST, params)


def _bulk_insert_cases(template, count):
    """Copy one registered case `count` times in one INSERT ... SELECT (PostgreSQL's generate_series).

    Deadlines spread from 50 days ago to 50 days ahead, so the overdue and
    due-soon queues are large too; every other column is the template's.
    """
    columns = [field.column for field in Grievance._meta.concrete_fields if not field.primary_key]
    values = {
        "registered_no": "'bulk-' || g",
        "registration_year": "1990",
        "registration_sequence": "g",
        "received_at": "t.received_at - g * interval '7 minutes'",
        "due_on": "CURRENT_DATE + (mod(g, 101) - 50)",
        "submission_token": "NULL",
        "has_unread_reply": "(mod(g, 97) = 0)",
    }
    select = ", ".join(values.get(column, f"t.{connection.ops.quote_name(column)}") for column in columns)
    table = connection.ops.quote_name(Grievance._meta.db_table)
    with connection.cursor() as cursor:
        # A guard, not a measure: the insert takes a few seconds; a runaway one stops here.
        cursor.execute("SET LOCAL statement_timeout = '30s'")
        cursor.execute(
            f"INSERT INTO {table} ({', '.join(connection.ops.quote_name(c) for c in columns)}) "  # noqa: S608
            f"SELECT {select} FROM {table} t, generate_series(1, %s) g WHERE t.id = %s",
            [count, template.pk],
        )
        cursor.execute(f"ANALYZE {table}")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="seeds 100,000 cases with PostgreSQL's generate_series")
def test_the_case_list_keeps_its_query_count_at_100000_cases(officer_client, django_assert_num_queries):
    started = time.monotonic()
    _bulk_insert_cases(register_grievance(), 100_000)
    print(f"seeded 100,000 cases in {time.monotonic() - started:.1f} s")
    assert Grievance.objects.count() == 100_001

    for params, queries in [
        ({}, CHANGELIST_QUERIES),
        ({"queue": "overdue"}, CHANGELIST_QUERIES),
        ({"queue": "due_soon"}, DUE_SOON_QUERIES),
        ({"queue": "unassigned", "p": "500"}, CHANGELIST_QUERIES),
    ]:
        with django_assert_num_queries(queries):
            response = officer_client.get(CHANGELIST, params)
        assert len(response.context["cl"].result_list) == 50, params
