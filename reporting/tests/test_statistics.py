"""The public statistics page and its downloads: the report's figures, small counts hidden, fixed query counts."""

import csv
import io
import json
import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from grievances.models import Kind
from reporting.statistics import HalfYear, chosen_half_year

pytestmark = pytest.mark.django_db
PAGE = "/{language}/grievances/statistics/"
H2_2020 = {"half": "2020-H2"}


def _report_json(start, end):
    out = StringIO()
    call_command("grm_report", "--start", start, "--end", end, "--format", "json", stdout=out, stderr=StringIO())
    return json.loads(out.getvalue())


def _received_by(block, dimension):
    return {
        code: block["unrelated"][dimension][code] + block["addressed"][dimension][code]
        for code in block["addressed"][dimension]
    }


def test_the_statistics_and_their_downloads_agree_with_grm_report_json(client, log_2020h2):
    report = _report_json("2020-07-01", "2020-12-31")
    data = client.get("/en/grievances/statistics/data.json", H2_2020).json()

    for scope, block in (("half_year", "new_period"), ("since_launch", "since_launch")):
        expected, published = report[block], data[scope]
        assert published["received"] == expected["received"]
        assert published["by_kind"] == _received_by(expected, "by_kind")
        assert published["by_channel"] == _received_by(expected, "by_channel")
        assert published["by_status"] == {g: expected[g]["total"] for g in ("resolving", "resolved", "unrelated")}
        assert published["resolved_within_deadline"] == expected["resolved_within_deadline"]
        assert published["appealed"] == expected["appealed"]
        assert published["satisfaction"] == expected["satisfaction"]
    assert report["new_period"]["received"] == 9 and report["since_launch"]["received"] == 29

    rows = list(
        csv.reader(io.StringIO(client.get("/en/grievances/statistics/data.csv", H2_2020).content.decode("utf-8-sig")))
    )
    figures = {(row[3], row[4], row[5]): row[7] for row in rows[1:] if row[6] == ""}
    assert figures[("half_year", "received", "")] == str(report["new_period"]["received"])
    assert figures[("since_launch", "by_kind", "request")] == str(
        _received_by(report["since_launch"], "by_kind")["request"]
    )

    page = client.get("/en/grievances/statistics/", H2_2020).content.decode()
    assert f"<td>{report['new_period']['received']}</td><td>{report['since_launch']['received']}</td>" in page


def test_the_half_year_tables_hide_small_counts_in_every_format(client, log_2020h2):
    data = client.get("/en/grievances/statistics/data.json", H2_2020).json()
    aimags = data["breakdowns"]["aimag"]
    places = [row for row in aimags["rows"] if row["code"] != "not_given"]  # "not given" is no place
    values = [v for row in places for k, v in row.items() if k not in ("code", "label")]
    assert all(value == "<3" or value == 0 or value >= 3 for value in values)
    not_given = next(row for row in aimags["rows"] if row["code"] == "not_given")
    assert not_given["total"] == 9  # the imported log gives no aimag
    assert data["breakdowns"]["aimag"]["total"]["total"] == data["half_year"]["received"]
    assert data["licence"]["name"] == "CC BY 4.0"


def test_a_half_year_not_ended_shows_no_tables_by_place_or_group(client, log_2020h2, clock):
    clock(date(2020, 12, 1))
    data = client.get("/en/grievances/statistics/data.json", H2_2020).json()
    assert data["period"]["ended"] is False and data["breakdowns"] == {}
    page = client.get("/en/grievances/statistics/", H2_2020).content.decode()
    assert "published once the half year has ended" in page


@pytest.mark.parametrize("language", ["mn", "en", "kk"])
def test_the_page_has_charts_with_tables_the_map_the_licence_and_the_downloads(client, log_2020h2, language):
    response = client.get(PAGE.format(language=language), H2_2020)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count('<svg xmlns="http://www.w3.org/2000/svg" role="img"') == 4  # 3 charts and the map
    assert page.count("<table") >= 8
    assert "creativecommons.org/licenses/by/4.0/" in page
    assert "data.csv?half=2020-H2" in page and "data.json?half=2020-H2" in page
    assert "<script" not in page
    # Each landmark has a name of its own (a chart's region is not named like the section around it).
    names = re.findall(r'role="region" aria-label="([^"]+)"', page) + re.findall(r'<h2 id="[^"]+">([^<]+)</h2>', page)
    assert len(names) > 4 and len(names) == len(set(names))


def test_the_data_dictionary_lists_the_columns_and_every_aimag_code(client):
    page = client.get("/kk/grievances/statistics/data-dictionary/").content.decode()
    for column in ("half_year", "scope", "measure", "category", "value", "MN-071", "MN-1", "Ұланбатыр"):
        assert column in page


@pytest.mark.parametrize("half", ["2014-H1", "2999-H2", "nonsense", "2020-H3"])
def test_a_half_year_outside_the_grm_s_life_is_not_found(client, half):
    assert client.get("/en/grievances/statistics/", {"half": half}).status_code == 404


def test_without_a_choice_the_page_shows_the_latest_half_year_that_has_ended():
    assert chosen_half_year(None, date(2026, 11, 30)) == HalfYear(2026, "H1")
    assert chosen_half_year("2020-H2", date(2026, 11, 30)) == HalfYear(2020, "H2")


@pytest.mark.parametrize(
    ("url", "queries"),
    [
        ("/en/grievances/statistics/", 4),
        ("/en/grievances/statistics/data.json", 4),
        ("/en/grievances/statistics/data.csv", 4),
    ],
)
def test_the_page_and_downloads_take_a_fixed_number_of_queries(
    client, log_2020h2, django_assert_num_queries, url, queries
):
    """Two for the report's figures, one for the medians, one for the tables; as many for 9 cases as for 9,000."""
    with django_assert_num_queries(queries):
        assert client.get(url, H2_2020).status_code == 200


def test_every_type_is_a_column_of_the_tables(client, log_2020h2):
    data = client.get("/en/grievances/statistics/data.json", H2_2020).json()
    assert set(data["breakdowns"]["gender"]["total"]) == {*Kind.values, "total"}


def _two_cases_from_bayan_olgii_and_ten_from_the_capital():
    from grievances.tests.factories import local_datetime, register_grievance

    for number in range(12):
        aimag = "MN-071" if number < 2 else "MN-1"
        register_grievance(received_at=local_datetime(2024, 3, 1 + number), profile={"aimag": aimag})


def test_the_report_json_hides_small_counts_by_place_because_the_report_is_disclosed():
    _two_cases_from_bayan_olgii_and_ten_from_the_capital()
    report = _report_json("2024-01-01", "2024-06-30")
    rows = {row["code"]: row for row in report["who_and_where"]["aimag"]["rows"]}
    assert rows["MN-071"]["total"] == "<3" and rows["MN-071"]["request"] == "<3"
    assert rows["MN-1"]["total"] == "<3"  # hidden too, or 12 minus it would give Bayan-Ölgii's 2
    assert report["who_and_where"]["aimag"]["total"]["total"] == 12


def test_the_staff_dashboard_shows_exact_counts_by_aimag_and_the_map(client, safeguards_specialist):
    _two_cases_from_bayan_olgii_and_ten_from_the_capital()
    client.force_login(safeguards_specialist)
    response = client.get(
        "/admin/reporting/reportrecord/dashboard/",
        {"start": "2024-01-01", "end": "2024-06-30"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    content = response.content.decode()
    assert '<th scope="row">Bayan-Ölgiy</th><td>0</td><td>2</td>' in content
    assert 'class="tile-map"' in content
