"""The GRM report's cover, its unfinished-period warning and the stage of cases still open (rendered HTML)."""

from datetime import date, timedelta

import pytest
from django.utils import timezone
from django.utils.html import strip_tags

from grievances import services
from grievances.models import Status
from reporting.cover import report_cover
from reporting.pdf import grm_report_html
from reporting.tests.factories import case

pytestmark = pytest.mark.django_db


def text(html):
    return " ".join(strip_tags(html).split())


def test_cover_warns_while_the_half_year_has_not_ended():
    today = timezone.localdate()
    start = date(today.year, 1 if today.month <= 6 else 7, 1)
    end = date(today.year, 6, 30) if today.month <= 6 else date(today.year, 12, 31)

    english = text(grm_report_html(start=start, end=end, language="en"))
    mongolian = text(grm_report_html(start=start, end=end, language="mn"))

    assert "This half year has not ended" in english
    assert "хагас жил дуусаагүй" in mongolian


def test_cover_has_no_warning_once_the_period_is_over():
    assert report_cover(start=date(2020, 6, 25), end=date(2020, 12, 31))["period_unfinished"] is False
    assert report_cover(start=date(2020, 7, 1), end=date(2020, 12, 31), today=date(2020, 12, 31))["period_unfinished"]


def test_cover_writes_the_period_in_each_languages_written_form():
    html = {
        language: text(grm_report_html(start=date(2020, 6, 25), end=date(2020, 12, 31), language=language))
        for language in ("en", "mn")
    }

    assert "June 25, 2020 – December 31, 2020" in html["en"]
    assert "2020 оны 6 дугаар сарын 25 – 2020 оны 12 дугаар сарын 31" in html["mn"]


def test_open_cases_show_their_stage_and_whether_they_are_overdue():
    long_ago = timezone.localdate() - timedelta(days=120)
    case(received_on=long_ago, status=Status.RESOLVING)
    start, end = long_ago - timedelta(days=1), timezone.localdate()

    english = text(grm_report_html(start=start, end=end, language="en"))
    mongolian = text(grm_report_html(start=start, end=end, language="mn"))

    assert "Resolving · Stage 1 · Overdue" in english
    assert "1-р шат · Хугацаа хэтэрсэн" in mongolian


def test_an_open_case_within_its_deadline_says_so():
    today = timezone.localdate()
    case(received_on=today, status=Status.RESOLVING)

    english = text(grm_report_html(start=today - timedelta(days=1), end=today, language="en"))

    assert "Stage 1 · Within its deadline" in english


def test_a_case_reopened_at_stage_4_is_open_without_a_deadline_and_without_the_old_answer_s_way():
    """Stage 4 (higher authority, courts) has no deadline; a reopened case was not answered yet, whatever way it was."""
    today = timezone.localdate()
    answered = case(received_on=today, status=Status.RESOLVED, response_way="letter")
    escalated = services.grievance_escalate(
        grievance=services.grievance_reopen(grievance=answered, actor=None), actor=None, stage=4
    )
    assert (escalated.status, escalated.due_on, escalated.response_way) == (Status.RESOLVING, None, "")

    english = text(grm_report_html(start=today - timedelta(days=1), end=today, language="en"))

    row = english.split(escalated.registered_no, 1)[1]
    assert "Resolving · Stage 4" in row
    assert "Within its deadline" not in row and "Overdue" not in row and "Way:" not in row
