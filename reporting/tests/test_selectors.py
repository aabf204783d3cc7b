from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from grievances.models import Status
from reporting import selectors
from reporting.tests.factories import case, register_grievance

pytestmark = pytest.mark.django_db

START, END = date(2020, 6, 25), date(2020, 12, 31)


def test_all_three_blocks_come_from_two_queries(log_2020h2, django_assert_num_queries):
    with django_assert_num_queries(2):
        figures = selectors.grm_period_figures(start=START, end=END)

    new, previous, total = figures["new_period"], figures["previous_period"], figures["since_launch"]
    assert (new["start"], new["end"]) == ("2020-06-25", "2020-12-31")
    assert (previous["start"], previous["end"]) == ("2015-09-15", "2020-06-24")
    assert (total["start"], total["end"]) == ("2015-09-15", "2020-12-31")
    assert [new["received"], previous["received"], total["received"]] == [9, 20, 29]
    assert total["resolved_within_deadline"] == 14


def test_addressed_cases_table_takes_one_more_query(log_2020h2, django_assert_num_queries):
    # figures (cases, history), the addressed cases, the tables by place and group (breakdowns.py), outreach events
    with django_assert_num_queries(5):
        data = selectors.grm_report_data(start=START, end=END, language="en")

    assert [case["registered_no"] for case in data["addressed_cases"]] == [
        "f-2020/03",
        "f-2020/04",
        "f-2020/05",
        "f-2020/06",
        "f-2020/07",
        "f-2020/10",
    ]


def test_unrelated_case_is_not_counted_as_addressed():
    case(received_on=date(2020, 7, 1), status=Status.UNRELATED)
    case(received_on=date(2020, 7, 2), status=Status.RESOLVING)

    new = selectors.grm_period_figures(start=START, end=END)["new_period"]

    assert (new["received"], new["unrelated"]["total"], new["addressed"]["total"]) == (2, 1, 1)
    assert new["resolving"]["total"] == 1
    assert not any(
        c["status"] == Status.UNRELATED for c in selectors.grm_report_data(start=START, end=END)["addressed_cases"]
    )


def test_period_membership_follows_the_day_in_ulaanbaatar():
    ulaanbaatar = ZoneInfo("Asia/Ulaanbaatar")
    # 23:30 on 24 June in Ulaanbaatar is still 24 June (15:30 UTC): previous period.
    register_grievance(received_at=datetime(2020, 6, 24, 23, 30, tzinfo=ulaanbaatar))
    # 00:30 on 25 June in Ulaanbaatar is 24 June in UTC: new period.
    register_grievance(received_at=datetime(2020, 6, 25, 0, 30, tzinfo=ulaanbaatar))
    register_grievance(received_at=datetime(2020, 12, 31, 23, 59, tzinfo=ulaanbaatar))
    register_grievance(received_at=datetime(2021, 1, 1, 0, 1, tzinfo=ulaanbaatar))

    figures = selectors.grm_period_figures(start=START, end=END)

    assert figures["previous_period"]["received"] == 1
    assert figures["new_period"]["received"] == 2
    assert figures["since_launch"]["received"] == 3


def test_resolved_after_the_stage2_deadline_is_not_within_deadline(settings):
    settings.GRM_DEADLINES = {**settings.GRM_DEADLINES, "stage2": 5}
    case(received_on=date(2020, 8, 3), status=Status.RESOLVED, resolved_on=date(2020, 8, 7))  # 5 working days
    case(received_on=date(2020, 8, 3), status=Status.RESOLVED, resolved_on=date(2020, 8, 10))  # 6 working days

    assert selectors.grm_period_figures(start=START, end=END)["new_period"]["resolved_within_deadline"] == 1


def test_case_text_comes_in_the_requested_language_and_never_in_the_other():
    grievance = case(received_on=date(2020, 7, 1), status=Status.RESOLVED, resolved_on=date(2020, 7, 2))
    type(grievance).objects.filter(pk=grievance.pk).update(
        summary="Нээлттэй өгөгдлийн хууль",  # the untranslated column is no language's copy: never read
        summary_mn="Нээлттэй өгөгдлийн хууль",
        summary_en="",
        actions_taken_mn="",
        actions_taken_en="Sent the draft law",
    )

    mongolian = selectors.grm_report_data(start=START, end=END, language="mn")["addressed_cases"][0]
    english = selectors.grm_report_data(start=START, end=END, language="en")["addressed_cases"][0]

    assert (mongolian["summary"], mongolian["actions_taken"]) == ("Нээлттэй өгөгдлийн хууль", "")
    assert (english["summary"], english["actions_taken"]) == ("", "Sent the draft law")


def test_the_cases_lacking_a_report_text_are_listed_with_what_they_lack(django_assert_num_queries):
    complete = case(received_on=date(2020, 7, 1), status=Status.RESOLVED, resolved_on=date(2020, 7, 2))
    no_english_summary = case(
        received_on=date(2020, 7, 3), status=Status.RESOLVED, resolved_on=date(2020, 7, 6), summary="Зам хаагдсан"
    )
    type(no_english_summary).objects.filter(pk=no_english_summary.pk).update(summary_en="")
    open_web_case = case(received_on=date(2020, 7, 4), translations={}, message="Миний нэр Бат")
    open_with_summaries = case(received_on=date(2020, 7, 5))
    unrelated = case(received_on=date(2020, 7, 6), status=Status.UNRELATED, translations={})
    resolved_without_mongolian_actions = case(
        received_on=date(2020, 7, 7), status=Status.RESOLVED, resolved_on=date(2020, 7, 8)
    )
    type(resolved_without_mongolian_actions).objects.filter(pk=resolved_without_mongolian_actions.pk).update(
        actions_taken_mn=""
    )
    case(received_on=date(2021, 1, 4), translations={})  # another period

    with django_assert_num_queries(1):
        english = selectors.cases_lacking_translation(start=START, end=END, language="en")
    both = selectors.cases_lacking_translation(start=START, end=END)

    assert english == [
        {"id": no_english_summary.pk, "registered_no": no_english_summary.registered_no, "missing": ["summary_en"]},
        {"id": open_web_case.pk, "registered_no": open_web_case.registered_no, "missing": ["summary_en"]},
    ]
    assert [(row["registered_no"], row["missing"]) for row in both] == [
        (no_english_summary.registered_no, ["summary_en"]),
        (open_web_case.registered_no, ["summary_mn", "summary_en"]),
        (resolved_without_mongolian_actions.registered_no, ["actions_taken_mn"]),
    ]
    listed = {row["id"] for row in both}
    assert not listed & {complete.pk, open_with_summaries.pk, unrelated.pk}


def test_appeals_answers_and_waits_of_each_block(complainant_answers_2020h2, django_assert_num_queries):
    with django_assert_num_queries(2):
        figures = selectors.grm_period_figures(start=START, end=END)

    new, previous, total = figures["new_period"], figures["previous_period"], figures["since_launch"]
    # Appeals by the day they were made: late_appeal's case was received before the period, appealed in it.
    assert [new["appealed"], previous["appealed"], total["appealed"]] == [2, 1, 3]
    # Answers by the period the case was received in: slow, appealed, unanswered, open_question were asked.
    assert new["satisfaction"] == {"asked": 4, "answered": 2, "resolved_yes": 1}
    assert previous["satisfaction"] == {"asked": 2, "answered": 2, "resolved_yes": 1}
    assert total["satisfaction"] == {"asked": 6, "answered": 4, "resolved_yes": 2}
    # Waits by the day the answer came: 10 and 0 working days in the period, 2 before it.
    assert [new["median_working_days_waiting"], previous["median_working_days_waiting"]] == [5.0, 2.0]
    assert total["median_working_days_waiting"] == 2.0


def test_a_period_without_waits_has_no_median_and_zero_appeals(log_2020h2):
    new = selectors.grm_period_figures(start=START, end=END)["new_period"]

    assert new["median_working_days_waiting"] is None
    assert new["appealed"] == 0


def test_case_late_only_because_the_complainant_took_long_to_answer_is_within_deadline(
    complainant_answers_2020h2, clock
):
    slow = complainant_answers_2020h2["slow"]
    assert (slow.working_days_to_resolve, slow.working_days_waited) == (35, 10)
    clock(date(2020, 9, 18))
    # Its twin, received and resolved the same days without waiting for the complainant, is late.
    twin = case(received_on=date(2020, 8, 3), status=Status.RESOLVED, resolved_on=date(2020, 9, 18))
    assert (twin.working_days_to_resolve, twin.working_days_waited) == (35, 0)

    new = selectors.grm_period_figures(start=START, end=END)["new_period"]
    by_kind = selectors.sep_dashboard_figures(start=START, end=END)["grievances"]["by_kind"]

    # slow, unanswered and open_question; not the twin.
    assert (new["resolved"]["total"], new["resolved_within_deadline"]) == (4, 3)
    assert (by_kind["request"]["resolved"], by_kind["request"]["within_deadline"]) == (4, 3)


def test_dashboard_figures_have_the_share_who_said_resolved_of_those_who_answered(complainant_answers_2020h2):
    grievances = selectors.sep_dashboard_figures(start=START, end=END)["grievances"]

    assert grievances["appealed"] == 2
    assert grievances["resolved_yes_share"] == 0.5
    assert grievances["median_working_days_waiting"] == 5.0
