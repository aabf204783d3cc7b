"""Acceptance: the PIU's log imported end to end gives the figures of the published 2020 H2 GRM report.

The expected numbers are copied from `seeds/grm-half-year-report-2020h2.txt`
(summary table and "Summary of feedbacks addressed"); channel and type names
there map to codes as: Facebook page = facebook, project's website = website,
face to face meeting = in_person, Facebook page chat = facebook (way).
"""

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from grievances.demo import DEMO_LOG
from grievances.models import Channel, Kind

pytestmark = pytest.mark.django_db


def by_channel(**numbers):
    return {code: numbers.get(code, 0) for code in Channel.values}


def by_kind(**numbers):
    return {code: numbers.get(code, 0) for code in Kind.values}


@pytest.fixture
def report():
    call_command("import_grievance_log", str(DEMO_LOG), "--language", "en", stdout=StringIO())
    out = StringIO()
    call_command("grm_report", "--start", "2020-06-25", "--end", "2020-12-31", "--format", "json", stdout=out)
    return json.loads(out.getvalue())


def test_new_period_has_the_figures_of_the_2020h2_report(report):
    new = report["new_period"]

    assert report["period"] == {"start": "2020-06-25", "end": "2020-12-31"}
    assert (new["start"], new["end"]) == ("2020-06-25", "2020-12-31")
    assert new["received"] == 9
    assert new["unrelated"]["total"] == 3
    assert new["unrelated"]["by_channel"] == by_channel(facebook=1, website=1, email=1)
    assert new["addressed"]["total"] == 6
    assert new["resolving"]["total"] == 0
    assert new["resolved"]["total"] == 6
    assert new["resolved"]["by_channel"] == by_channel(facebook=4, website=1, in_person=1)
    assert new["resolved"]["by_kind"] == by_kind(request=3, clarification=3)
    assert new["resolved_within_deadline"] == 6


def test_previous_period_has_the_figures_of_the_2020h2_report(report):
    previous = report["previous_period"]

    assert (previous["start"], previous["end"]) == ("2015-09-15", "2020-06-24")
    assert previous["received"] == 20
    assert previous["unrelated"]["total"] == 12
    assert previous["unrelated"]["by_channel"] == by_channel(facebook=6, website=4, email=2)
    assert previous["addressed"]["total"] == 8
    assert previous["resolving"]["total"] == 0
    assert previous["resolved"]["total"] == 8
    assert previous["resolved"]["by_channel"] == by_channel(facebook=1, website=1, written=6)
    assert previous["resolved"]["by_kind"] == by_kind(comment=1, request=3, clarification=1, complaint=3)


def test_since_launch_has_the_figures_of_the_2020h2_report(report):
    total = report["since_launch"]

    assert (total["start"], total["end"]) == ("2015-09-15", "2020-12-31")
    assert total["received"] == 29
    assert total["unrelated"]["total"] == 15
    assert total["unrelated"]["by_channel"] == by_channel(facebook=7, website=5, email=3)
    assert total["addressed"]["total"] == 14
    assert total["resolving"]["total"] == 0
    assert total["resolved"]["total"] == 14  # ratio addressed to resolved 14:14
    assert total["resolved"]["by_channel"] == by_channel(facebook=5, website=2, written=6, in_person=1)
    assert total["resolved"]["by_kind"] == by_kind(comment=1, request=6, clarification=4, complaint=3)
    received_by_channel = {
        code: total["unrelated"]["by_channel"][code] + total["addressed"]["by_channel"][code] for code in Channel.values
    }
    assert received_by_channel == by_channel(facebook=12, website=7, written=6, email=3, in_person=1)  # 5 channels


def test_addressed_cases_are_the_six_rows_of_the_2020h2_report(report):
    rows = [
        (
            case["registered_no"],
            case["received_date"],
            case["kind"],
            case["channel"],
            case["status"],
            case["resolved_date"],
            case["working_days"],
            case["response_way"],
        )
        for case in report["addressed_cases"]
    ]

    assert rows == [
        ("f-2020/03", "2020-07-31", "request", "facebook", "resolved", "2020-07-31", 1, "email"),
        ("f-2020/04", "2020-08-02", "request", "facebook", "resolved", "2020-08-03", 1, "email"),
        ("f-2020/05", "2020-08-14", "clarification", "facebook", "resolved", "2020-08-14", 1, "facebook"),
        ("f-2020/06", "2020-09-24", "request", "facebook", "resolved", "2020-09-27", 2, "meeting"),
        ("f-2020/07", "2020-10-10", "clarification", "in_person", "resolved", "2020-10-12", 1, "phone"),
        ("f-2020/10", "2020-11-25", "clarification", "website", "resolved", "2020-12-10", 11, "email"),
    ]
    assert report["addressed_cases"][0]["summary"] == "Request a draft law on Open data"
    assert report["addressed_cases"][0]["actions_taken"].startswith("Sent a draft law and introduction of Open data")


@pytest.fixture
def english_pdf_text(tmp_path):
    """The English PDF of 2020 H2 from the PIU's log and the stakeholder records (the ICT Expo), as text."""
    from reporting.pdf import render_grm_report_pdf
    from reporting.tests.test_pdf import pdf_text
    from stakeholders.demo import load_ict_expo

    call_command("import_grievance_log", str(DEMO_LOG), "--language", "en", stdout=StringIO())
    load_ict_expo()
    content = render_grm_report_pdf(start=date(2020, 6, 25), end=date(2020, 12, 31), language="en")
    return " ".join(pdf_text(content, tmp_path, "en", layout=False).split())


def test_english_pdf_writes_dates_as_the_2020h2_report_does(english_pdf_text):
    assert "Summary report June 25, 2020 – December 31, 2020" in english_pdf_text
    assert "f-2020/03 · July 31, 2020" in english_pdf_text  # date received, as in the original's first row
    assert "Resolved · Date: July 31, 2020 · Period: 1 working day" in english_pdf_text
    assert "Date: December 10, 2020 · Period: 11 working days" in english_pdf_text
    assert "2020-07-31" not in english_pdf_text


def test_other_section_lists_the_ict_expo_with_the_people_it_reached(english_pdf_text):
    other = english_pdf_text.split(" Other ", 1)[1]

    assert "ICT Expo 2020, October 8, 2020 to October 11, 2020, Ulaanbaatar." in other
    assert "People reached: 1,800." in other


def test_cover_names_the_project_the_piu_and_the_period_and_no_warning_for_a_past_half_year(english_pdf_text):
    cover = english_pdf_text.split("Page 1 of", 1)[0]

    assert "Smart Government II project" in cover
    assert "Project Implementation Unit, Cabinet Secretariat of Mongolia" in cover
    assert "June 25, 2020 – December 31, 2020" in cover
    assert "has not ended" not in english_pdf_text
