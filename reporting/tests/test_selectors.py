from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from grievances.models import Channel, Kind, Status
from reporting import selectors
from reporting.tests.factories import case, register_grievance, settle_case

pytestmark = pytest.mark.django_db

START, END = date(2020, 6, 25), date(2020, 12, 31)


def zeros_but(codes, **counts):
    return {code: counts.get(code, 0) for code in codes}


def test_2020h2_log_gives_the_figures_of_the_published_report(log_2020h2, django_assert_num_queries):
    with django_assert_num_queries(1):
        figures = selectors.grm_period_figures(start=START, end=END)

    new, previous, total = figures["new_period"], figures["previous_period"], figures["since_launch"]
    assert (new["start"], new["end"]) == ("2020-06-25", "2020-12-31")
    assert (previous["start"], previous["end"]) == ("2015-09-15", "2020-06-24")
    assert (total["start"], total["end"]) == ("2015-09-15", "2020-12-31")

    assert [new["received"], new["unrelated"]["total"], new["addressed"]["total"]] == [9, 3, 6]
    assert [new["resolving"]["total"], new["resolved"]["total"]] == [0, 6]
    assert new["unrelated"]["by_channel"] == zeros_but(Channel.values, facebook=1, website=1, email=1)
    assert new["resolved"]["by_channel"] == zeros_but(Channel.values, facebook=4, website=1, in_person=1)
    assert new["resolved"]["by_kind"] == zeros_but(Kind.values, request=3, clarification=3)

    assert [previous["received"], previous["unrelated"]["total"], previous["addressed"]["total"]] == [20, 12, 8]
    assert [previous["resolving"]["total"], previous["resolved"]["total"]] == [0, 8]
    assert previous["unrelated"]["by_channel"] == zeros_but(Channel.values, facebook=6, website=4, email=2)
    assert previous["resolved"]["by_channel"] == zeros_but(Channel.values, facebook=1, website=1, written=6)
    assert previous["resolved"]["by_kind"] == zeros_but(Kind.values, comment=1, request=3, clarification=1, complaint=3)

    assert [total["received"], total["unrelated"]["total"], total["addressed"]["total"]] == [29, 15, 14]
    assert [total["resolving"]["total"], total["resolved"]["total"]] == [0, 14]
    assert total["unrelated"]["by_channel"] == zeros_but(Channel.values, facebook=7, website=5, email=3)
    assert total["resolved"]["by_channel"] == zeros_but(Channel.values, facebook=5, website=2, written=6, in_person=1)
    assert total["resolved"]["by_kind"] == zeros_but(Kind.values, comment=1, request=6, clarification=4, complaint=3)
    assert total["resolved_within_deadline"] == 14


def test_2020h2_addressed_cases_table_has_the_reports_rows(log_2020h2, django_assert_num_queries):
    with django_assert_num_queries(2):
        data = selectors.grm_report_data(start=START, end=END, language="en")

    rows = [
        (c["registered_no"], c["received_date"], c["resolved_date"], c["working_days"], c["response_way"])
        for c in data["addressed_cases"]
    ]
    assert rows == [
        ("f-2020/03", "2020-07-31", "2020-07-31", 1, "email"),
        ("f-2020/04", "2020-08-02", "2020-08-03", 1, "email"),
        ("f-2020/05", "2020-08-14", "2020-08-14", 1, "facebook"),
        ("f-2020/06", "2020-09-24", "2020-09-27", 2, "meeting"),
        ("f-2020/07", "2020-10-10", "2020-10-12", 1, "phone"),
        ("f-2020/10", "2020-11-25", "2020-12-10", 11, "email"),
    ]
    assert data["addressed_cases"][0]["summary"] == "Request a draft law on Open data"
    assert data["period"] == {"start": "2020-06-25", "end": "2020-12-31"}


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


def test_case_text_comes_in_the_requested_language_with_fallback():
    grievance = register_grievance(received_at=datetime(2020, 7, 1, 10, tzinfo=ZoneInfo("Asia/Ulaanbaatar")))
    settle_case(grievance, status=Status.RESOLVED, resolved_on=date(2020, 7, 2), actions_taken="Answered")
    type(grievance).objects.filter(pk=grievance.pk).update(summary_mn="Нээлттэй өгөгдлийн хууль", summary_en="")

    mongolian = selectors.grm_report_data(start=START, end=END, language="mn")["addressed_cases"][0]
    english = selectors.grm_report_data(start=START, end=END, language="en")["addressed_cases"][0]

    assert mongolian["summary"] == "Нээлттэй өгөгдлийн хууль"
    assert english["summary"] == "Нээлттэй өгөгдлийн хууль"


def test_engagement_figures_are_none_until_the_stakeholders_app_provides_them(monkeypatch):
    from stakeholders import selectors as stakeholder_selectors

    monkeypatch.delattr(stakeholder_selectors, "engagement_figures", raising=False)
    assert selectors.engagement_figures_or_none(start=START, end=END) is None

    monkeypatch.setattr(
        stakeholder_selectors, "engagement_figures", lambda start, end: {"consultation_meetings": 2}, raising=False
    )
    assert selectors.engagement_figures_or_none(start=START, end=END) == {"consultation_meetings": 2}
