"""The log export of the case list: the list's own cases (filters, search, who may see what) as SEP table 5 rows."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from grievances import services
from grievances.models import Channel, Kind
from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")
SEP_TABLE_5 = [
    "Registered No.",
    "Status",
    "Date received",
    "Person(s): gender and age group",
    "Type",
    "Channel",
    "Summary of issue",
    "1st level resolution",
    "1st level closure date",
    "2nd level resolution",
    "2nd level closure date",
    "Assigned PIU staff",
]
PERSON = {"name": "Oyunchimeg Batbayar", "email": "oyunchimeg@example.mn", "phone": "99118822"}


def _export(client, file_format="csv", **params):
    """The export's rows (header first) as the list with these query parameters would give them."""
    response = client.get(reverse("admin:grievances_grievance_log_export", args=[file_format]), params)
    assert response.status_code == 200
    content = response.getvalue()
    if file_format == "xlsx":
        sheet = load_workbook(io.BytesIO(content)).active
        return [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert content.startswith("\ufeff".encode())  # Excel reads the file as UTF-8
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def _numbers(rows):
    return sorted(row[0] for row in rows[1:])


@pytest.fixture
def officer_client(officer_client, settings):
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return officer_client


def _case(kind=Kind.COMPLAINT, channel=Channel.HOTLINE, summary_en="Road closed", **kwargs):
    return register_grievance(kind=kind, channel=channel, summary="", translations={"summary_en": summary_en}, **kwargs)


def test_the_export_holds_the_cases_of_the_list_s_filters_and_search(officer_client):
    wanted = _case(summary_en="The road to the clinic is closed")
    _case(summary_en="The school has no internet")  # not found by the search
    _case(channel=Channel.WRITTEN, summary_en="The road is closed")  # another channel
    _case(kind=Kind.REQUEST, summary_en="Open the road")  # another kind
    query = {"channel__exact": "hotline", "kind__exact": "complaint", "q": "road"}

    listed = officer_client.get(CHANGELIST, query).context["cl"].result_list

    assert [case.registered_no for case in listed] == [wanted.registered_no]
    for file_format in ("csv", "xlsx"):
        assert _numbers(_export(officer_client, file_format, **query)) == [wanted.registered_no]
    assert len(_numbers(_export(officer_client))) == 4  # no filter: every case


def test_the_list_links_to_the_export_of_what_it_shows(officer_client):
    _case()

    page = officer_client.get(CHANGELIST, {"channel__exact": "hotline", "q": "road"}).content.decode()

    for file_format in ("xlsx", "csv"):
        url = reverse("admin:grievances_grievance_log_export", args=[file_format])
        assert f'href="{url}?channel__exact=hotline&amp;q=road"' in page
    assert "Export the list (XLSX)" in page and "Export the list (CSV)" in page


def test_a_bad_filter_goes_back_to_the_list_as_the_list_itself_does(officer_client):
    response = officer_client.get(reverse("admin:grievances_grievance_log_export", args=["csv"]), {"nonsense": "1"})
    assert response.status_code == 302 and response["Location"] == f"{CHANGELIST}?e=1"


def test_the_export_has_the_sep_table_5_columns_with_both_levels_and_the_assignee(officer_client):
    officer = officer_client.user
    officer.first_name, officer.last_name = "Saraa", "Bold"
    officer.save()
    case = _case(profile={"gender": "female", "age_group": "35_59"})
    case = services.grievance_acknowledge(grievance=case, actor=None)
    case = services.grievance_assign(grievance=case, actor=None, assignee=officer)
    case = services.grievance_escalate(grievance=case, actor=None, stage=2, note="Sent to the PIU")
    case = services.grievance_resolve(
        grievance=case,
        actor=None,
        summary_mn="Зам хаагдсан",
        summary_en="Road closed",
        actions_taken_mn="Гүйцэтгэгч замыг нээсэн",
        actions_taken_en="The contractor reopened the road",
        response_way="phone",
    )
    case = services.grievance_close(grievance=case, actor=None)
    today = timezone.localdate().isoformat()

    header, row = _export(officer_client)

    assert header[: len(SEP_TABLE_5)] == SEP_TABLE_5
    values = dict(zip(header, row, strict=True))
    assert values["Registered No."] == case.registered_no
    assert values["Status"] == "Resolved"
    assert values["Date received"] == "2020-07-31"
    assert values["Person(s): gender and age group"] == "Female, 35 to 59"
    assert (values["Type"], values["Channel"]) == ("Complaint", "Hotline / telephone")
    assert values["Summary of issue"] == "Road closed"
    assert (values["1st level resolution"], values["1st level closure date"]) == ("Sent to the PIU", today)
    # A stage's record keeps one text, the PIU's working language first (services.grievance_resolve).
    assert values["2nd level resolution"] == "Гүйцэтгэгч замыг нээсэн"
    assert values["2nd level closure date"] == today
    assert values["Assigned PIU staff"] == "Saraa Bold"


def test_the_summary_is_the_user_s_language_only_never_the_other_nor_the_message(officer_client, settings):
    register_grievance(
        summary="",
        translations={"summary_mn": "Эмнэлэг рүү очих зам хаагдсан"},
        message="I am Oyunchimeg from khoroo 5, my number is 99118822",
        complainant=PERSON,
    )

    english = _export(officer_client)
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "mn"
    mongolian = _export(officer_client)

    summary = SEP_TABLE_5.index("Summary of issue")
    assert english[1][summary] == ""  # no English summary yet: empty, not the Mongolian one
    assert mongolian[1][summary] == "Эмнэлэг рүү очих зам хаагдсан"
    for rows in (english, mongolian):
        text = " ".join(cell for row in rows for cell in row)
        # The officer may see who complained, but the log leaves the admin: no name, contact or message in it.
        assert officer_client.user.has_perm("grievances.view_complainant")
        for private in ("Oyunchimeg", "oyunchimeg@example.mn", "99118822", "khoroo 5"):
            assert private not in text


def test_formula_like_summaries_stay_text(officer_client):
    _case(summary_en='=HYPERLINK("http://evil.example","Open")')
    _case(summary_en="+1 road is closed")

    summaries = {row[6] for row in _export(officer_client)[1:]}
    sheet = load_workbook(io.BytesIO(officer_client.get("/admin/grievances/grievance/export/xlsx/").getvalue())).active

    assert summaries == {'\'=HYPERLINK("http://evil.example","Open")', "'+1 road is closed"}
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert {cell.value for cell in cells if cell.column == 7 and cell.row > 1} == summaries
    assert all(cell.data_type != "f" for cell in cells)  # no cell is a formula


def test_a_steering_committee_member_exports_only_the_cases_assigned_to_them(client, settings):
    member = user_with_role(roles.PSC_MEMBER)
    theirs = services.grievance_assign(grievance=_case(), actor=None, assignee=member)
    _case()
    client.force_login(member)

    assert _numbers(_export(client)) == [theirs.registered_no]
    assert _numbers(_export(client, "xlsx")) == [theirs.registered_no]


def test_the_export_needs_the_right_to_see_the_list(client):
    client.force_login(user_with_role(roles.WORLD_BANK_VIEWER))
    assert client.get(reverse("admin:grievances_grievance_log_export", args=["csv"])).status_code == 403


def _export_queries(client, file_format):
    with CaptureQueriesContext(connection) as queries:
        rows = _export(client, file_format, channel__exact="hotline")
    return len(queries), len(rows) - 1


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_the_export_runs_the_same_queries_for_5_or_50_cases(officer_client, file_format):
    def add_cases(count):
        for number in range(count):
            case = _case(complainant={"name": f"Person {number}"}, profile={"gender": "male"})
            case = services.grievance_assign(grievance=case, actor=None, assignee=officer_client.user)
            if number % 2:
                case = services.grievance_acknowledge(grievance=case, actor=None)
                services.grievance_escalate(grievance=case, actor=None, stage=2, note="To the PIU")

    add_cases(5)
    few, rows = _export_queries(officer_client, file_format)
    assert rows == 5
    add_cases(45)
    assert _export_queries(officer_client, file_format) == (few, 50)


def test_the_dashboard_s_log_and_the_list_s_export_share_one_row_shape(officer_client):
    _case(received_at=timezone.make_aware(timezone.datetime(2020, 7, 31, 10)))

    from_dashboard = officer_client.get(
        "/admin/reporting/reportrecord/grievance-log/export/", {"start": "2020-06-25", "end": "2020-12-31"}
    ).getvalue()

    assert list(csv.reader(io.StringIO(from_dashboard.decode("utf-8-sig")))) == _export(officer_client)
