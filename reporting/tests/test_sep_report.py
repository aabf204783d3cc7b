"""The SEP's semi-annual report: the section 7 indicators of the demo half year (2021 H2), as JSON and PDFs."""

import json
from datetime import date, datetime, time
from io import StringIO
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import translation

from disclosure.tests.factories import make_version
from reporting import tasks
from reporting.models import ReportKind, ReportRecord
from reporting.sep_pdf import render_sep_report_pdfs
from reporting.sep_report import feedback_response_figures, sep_report_data
from reporting.tests.test_pdf import pdf_text
from stakeholders import demo
from stakeholders.models import FeedbackSource
from stakeholders.services import feedback_item_create, feedback_item_respond

pytestmark = pytest.mark.django_db

START, END = date(2021, 7, 1), date(2021, 12, 31)
ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")
DECEMBER_MEETING = "Consultative meeting on the Smart Government II project"


class _Null:
    def write(self, text):
        pass


@pytest.fixture
def demo_consultations():
    demo.load(_Null())


def the_december_meeting(data):
    (meeting,) = [event for event in data["events"] if event["title"].startswith(DECEMBER_MEETING)]
    return meeting


def test_json_gives_the_demo_consultations_participants_and_its_feedback_answered(demo_consultations):
    out = StringIO()
    call_command("sep_report", "--start", "2021-07-01", "--end", "2021-12-31", "--format", "json", stdout=out)
    data = json.loads(out.getvalue())

    meeting = the_december_meeting(data)
    assert (meeting["participants"]["government"], meeting["participants"]["non_government"]) == (32, 15)
    assert meeting["feedback_items"] > 0 and meeting["feedback_answered"] == meeting["feedback_items"]
    assert data["engagement"]["consultation_meetings"] == 2  # the December meeting and the November briefing
    assert data["engagement"]["participants_by_type"] == {"government": 40, "non_government": 15}
    assert data["feedback"]["answered_share"] == 100
    # Received on Friday 17 December, answered on Wednesday 22 December: 17, 20, 21 and 22 are working days.
    assert data["feedback"]["median_working_days_to_response"] == 4


def test_outreach_is_not_counted_as_a_consultation(demo_consultations):
    data = sep_report_data(start=date(2020, 7, 1), end=date(2020, 12, 31))

    assert data["events"] == [] and data["engagement"]["consultation_meetings"] == 0


def test_both_pdfs_show_the_demo_consultations_participants_and_feedback_answered(demo_consultations, tmp_path):
    pdfs = render_sep_report_pdfs(start=START, end=END, languages=["mn", "en"])
    texts = {lang: " ".join(pdf_text(pdf, tmp_path, lang).split()) for lang, pdf in pdfs.items()}
    with translation.override("en"):
        answered = the_december_meeting(sep_report_data(start=START, end=END))["feedback_answered"]

    assert f"47 32 15 0 · 0 · 47 {answered} of {answered}" in texts["en"]
    assert f"47 32 15 0 · 0 · 47 {answered} / {answered}" in texts["mn"]
    assert "Stakeholder engagement semi-annual report" in texts["en"]
    assert "July 1, 2021 – December 31, 2021" in texts["en"]
    assert "2021 оны 7 дугаар сарын 1 – 2021 оны 12 дугаар сарын 31" in texts["mn"]
    assert "Оролцогч талуудын оролцооны хагас жилийн тайлан" in texts["mn"]


def test_documents_disclosed_and_comment_periods_count_with_their_comments(db):
    version = make_version(
        disclosure_date=date(2021, 11, 26), comment_start=date(2021, 11, 25), comment_end=date(2021, 12, 5)
    )
    for text in ("Add easy-read versions.", "Translate into Kazakh."):
        feedback_item_create(source=FeedbackSource.DOCUMENT_COMMENT, subject=version, text=text)
    make_version(disclosure_date=date(2022, 1, 10))  # next half year

    disclosure = sep_report_data(start=START, end=END)["disclosure"]

    assert disclosure["documents_disclosed_count"] == 1 and disclosure["comment_periods_count"] == 1
    assert disclosure["comment_periods"][0]["comments_received"] == 2 == disclosure["comments_received"]


def test_median_time_to_a_response_is_in_working_days_not_calendar_days(db):
    def answered(received_on, responded_on):
        item = feedback_item_create(
            source=FeedbackSource.OTHER_CHANNEL,
            text="A point",
            received_at=datetime.combine(received_on, time(10), tzinfo=ULAANBAATAR),
        )
        feedback_item_respond(
            item=item,
            decision="accepted",
            reason="",
            responded_at=datetime.combine(responded_on, time(16), tzinfo=ULAANBAATAR),
        )

    answered(date(2021, 7, 9), date(2021, 7, 16))  # Naadam (11-15 July) in between: 2 working days
    answered(date(2021, 9, 3), date(2021, 9, 3))  # the same day: 1
    answered(date(2021, 10, 1), date(2021, 10, 8))  # Friday to Friday: 6
    feedback_item_create(source=FeedbackSource.OTHER_CHANNEL, text="Not answered yet")

    figures = feedback_response_figures(start=START, end=END)

    assert figures["median_working_days_to_response"] == 2
    assert (figures["received"], figures["answered"], figures["answered_share"]) == (3, 3, 100)


def test_generating_stores_two_sep_records(demo_consultations):
    ids = tasks.sep_report_generate_task.delay("2021-07-01", "2021-12-31").get()

    records = ReportRecord.objects.filter(pk__in=ids)
    assert sorted(records.values_list("kind", "language")) == [(ReportKind.SEP, "en"), (ReportKind.SEP, "mn")]


def test_the_daily_check_generates_the_sep_report_once_when_the_half_year_report_is_due(db):
    with mock.patch("reporting.tasks.timezone.localdate", return_value=date(2022, 1, 3)):
        first = tasks.sep_report_half_year_check_task()
        second = tasks.sep_report_half_year_check_task()

    assert len(first) == 2 and second is None
    assert set(ReportRecord.objects.values_list("kind", "period_end")) == {(ReportKind.SEP, date(2021, 12, 31))}


def test_beat_runs_the_sep_check(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["sep-half-year-report"]
    assert entry["task"] == "reporting.tasks.sep_report_half_year_check_task"


def test_the_generate_page_queues_the_sep_report(client, safeguards_specialist, django_capture_on_commit_callbacks):
    client.force_login(safeguards_specialist)

    with (
        mock.patch("reporting.admin_views.sep_report_generate_task.delay") as delay,
        django_capture_on_commit_callbacks(execute=True),
    ):
        response = client.post(
            "/admin/reporting/reportrecord/generate/", {"kind": "sep", "start": "2021-07-01", "end": "2021-12-31"}
        )

    assert response.status_code == 302
    delay.assert_called_once_with("2021-07-01", "2021-12-31", safeguards_specialist.pk)


def test_sep_report_data_takes_a_fixed_number_of_queries(demo_consultations, django_assert_num_queries):
    sep_report_data(start=START, end=END)  # warm the content type cache

    # engagement figures (event counts, events by month, participants, feedback counts, calendar-day median: 2),
    # events held, feedback by event, registrations by event, feedback figures (counts, response times, calendar),
    # disclosure (versions disclosed, comment periods), press (count, list), grievances (cases, history)
    with django_assert_num_queries(18):
        data = sep_report_data(start=START, end=END)

    assert len(data["events"]) == 2
