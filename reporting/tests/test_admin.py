import csv
import io
from datetime import date
from html.parser import HTMLParser

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from grievances import services
from grievances.models import Status
from reporting.models import ReportRecord
from reporting.tests.factories import PressMaterialFactory, ReportRecordFactory, case
from stakeholders.models import EventKind, OrganisationType, ResponseDecision
from stakeholders.tests.factories import ConsultationEventFactory, ParticipationFactory, feedback_on, local_datetime

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/reporting/reportrecord/"
DASHBOARD = "/admin/reporting/reportrecord/dashboard/"


def test_world_bank_viewer_lists_reports_and_downloads_one(client, world_bank_viewer, django_assert_max_num_queries):
    records = [ReportRecordFactory(language=language) for language in ("mn", "en")]
    client.force_login(world_bank_viewer)

    with django_assert_max_num_queries(9):
        page = client.get(CHANGELIST)
    download = client.get(reverse("reporting:record_download", args=[records[0].pk]))

    assert page.status_code == 200
    assert reverse("reporting:record_download", args=[records[1].pk]) in page.content.decode()
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_report_list_query_count_does_not_grow_with_records(client, world_bank_viewer, django_assert_num_queries):
    client.force_login(world_bank_viewer)
    ReportRecordFactory()
    client.get(CHANGELIST)
    with django_assert_num_queries(9) as few:
        client.get(CHANGELIST)
    for _ in range(5):
        ReportRecordFactory()
    with django_assert_num_queries(len(few.captured_queries)):
        client.get(CHANGELIST)


@pytest.mark.parametrize(
    "url",
    ["/admin/grievances/grievance/", "/admin/grievances/", "/admin/stakeholders/", "/admin/smartgov/calendarday/"],
)
def test_world_bank_viewer_cannot_open_other_admin_pages(client, world_bank_viewer, url):
    client.force_login(world_bank_viewer)
    assert client.get(url).status_code in (403, 404)


def test_world_bank_viewer_gets_403_on_the_grievance_admin_and_api(client, world_bank_viewer):
    grievance = case(received_on=date(2020, 7, 1))
    client.force_login(world_bank_viewer)

    assert client.get("/admin/grievances/grievance/").status_code == 403
    assert client.get(f"/admin/grievances/grievance/{grievance.pk}/change/").status_code == 403
    assert client.get("/api/grievances/").status_code == 403
    assert client.get(f"/api/grievances/{grievance.pk}/").status_code == 403


def test_download_needs_the_report_permission(client, db):
    from reporting.tests.factories import UserFactory

    record = ReportRecordFactory()
    url = reverse("reporting:record_download", args=[record.pk])
    client.force_login(UserFactory(username="nobody", is_staff=True))
    assert client.get(url).status_code == 403
    client.logout()
    assert client.get(url).status_code == 302


def test_world_bank_viewer_cannot_generate_or_export_the_log(client, world_bank_viewer):
    client.force_login(world_bank_viewer)

    assert client.get("/admin/reporting/reportrecord/generate/").status_code == 403
    assert client.get("/admin/reporting/reportrecord/grievance-log/export/").status_code == 403
    assert "Generate a report" not in client.get(CHANGELIST, HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_officer_generates_a_report_from_the_admin(client, piu_officer, django_capture_on_commit_callbacks):
    client.force_login(piu_officer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/reporting/reportrecord/generate/", {"start": "2020-06-25", "end": "2020-12-31"})

    assert response.status_code == 302
    records = ReportRecord.objects.all()
    assert sorted(records.values_list("language", flat=True)) == ["en", "mn"]
    assert {record.generated_by for record in records} == {piu_officer}


def test_generate_form_keeps_the_dates_and_explains_a_bad_period(client, piu_officer):
    client.force_login(piu_officer)

    response = client.post(
        "/admin/reporting/reportrecord/generate/",
        {"start": "2020-12-31", "end": "2020-06-25"},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "must not be before" in response.content.decode()
    assert 'value="2020-12-31"' in response.content.decode()
    assert not ReportRecord.objects.exists()


GENERATE = "/admin/reporting/reportrecord/generate/"


def test_the_generate_page_lists_the_cases_lacking_a_text_before_generating(
    client, piu_officer, django_capture_on_commit_callbacks
):
    case(received_on=date(2020, 7, 1), status=Status.RESOLVED, resolved_on=date(2020, 7, 2))
    lacking = case(received_on=date(2020, 7, 3), translations={"summary_mn": "Зам хаагдсан"})
    client.force_login(piu_officer)
    period = {"start": "2020-06-25", "end": "2020-12-31"}

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(GENERATE, period, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert not ReportRecord.objects.exists()
    section = response.content.decode().split('id="lacking-texts"', 1)[1].split("</section>", 1)[0]
    case_page = reverse("admin:grievances_grievance_change", args=[lacking.pk])
    assert f'<li><a href="{case_page}">{lacking.registered_no}</a>: public summary — English</li>' in section
    assert section.count("<li>") == 1
    assert 'name="confirmed_period" value="2020-06-25/2020-12-31"' in response.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(GENERATE, {**period, "confirmed_period": "2020-06-25/2020-12-31"})

    assert response.status_code == 302
    assert sorted(ReportRecord.objects.values_list("language", flat=True)) == ["en", "mn"]


def test_a_confirmation_given_for_another_period_checks_again(client, piu_officer, django_capture_on_commit_callbacks):
    case(received_on=date(2020, 7, 3), translations={"summary_mn": "Зам хаагдсан"})
    client.force_login(piu_officer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            GENERATE, {"start": "2020-07-01", "end": "2020-12-31", "confirmed_period": "2020-06-25/2020-12-31"}
        )

    assert response.status_code == 200
    assert 'id="lacking-texts"' in response.content.decode()
    assert not ReportRecord.objects.exists()


def test_generate_again_action_queues_the_selected_period(client, piu_officer, django_capture_on_commit_callbacks):
    record = ReportRecordFactory()
    client.force_login(piu_officer)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(CHANGELIST, {"action": "generate_again", "_selected_action": [record.pk]})

    assert ReportRecord.objects.count() == 3


def test_dashboard_shows_grievance_and_press_figures(client, safeguards_specialist, log_2020h2):
    PressMaterialFactory(published_on=date(2020, 10, 8))
    PressMaterialFactory(published_on=date(2019, 1, 8))
    client.force_login(safeguards_specialist)

    response = client.get(DASHBOARD, {"start": "2020-06-25", "end": "2020-12-31"}, HTTP_ACCEPT_LANGUAGE="en")

    content = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in content and "<table" in content
    assert '<th scope="row">Total</th><td>1</td>' in content
    assert response.context["figures"]["grievances"]["received"] == 9
    assert response.context["figures"]["grievances"]["resolved_within_deadline"] == 6


def test_dashboard_refuses_a_period_ending_beyond_2099_with_a_message(client, safeguards_specialist):
    client.force_login(safeguards_specialist)

    response = client.get(DASHBOARD, {"start": "2020-06-25", "end": "9999-12-31"}, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "The period cannot end after 2099-12-31." in response.content.decode()


@pytest.fixture
def consultations_2020h2(db):
    """Two consultation meetings and a public discussion held in 2020 H2, one meeting before; feedback on one."""
    meeting = ConsultationEventFactory(starts_on=date(2020, 10, 8))
    ParticipationFactory(event=meeting, male=12, female=18, other=1)
    ParticipationFactory(event=meeting, organisation_type=OrganisationType.NON_GOVERNMENT, male=4, female=5)
    ConsultationEventFactory(starts_on=date(2020, 11, 23))
    ConsultationEventFactory(starts_on=date(2020, 10, 20), kind=EventKind.PUBLIC_DISCUSSION)
    ConsultationEventFactory(starts_on=date(2020, 5, 12))
    received = local_datetime(2020, 10, 8)
    feedback_on(meeting, received_at=received, decision=ResponseDecision.ACCEPTED, responded_at=received)
    feedback_on(meeting, received_at=received)


def test_dashboard_shows_the_consultation_figures_of_the_period(client, safeguards_specialist, consultations_2020h2):
    client.force_login(safeguards_specialist)

    response = client.get(DASHBOARD, {"start": "2020-06-25", "end": "2020-12-31"}, HTTP_ACCEPT_LANGUAGE="en")

    engagement = response.context["figures"]["engagement"]
    assert (engagement["consultation_meetings"], engagement["public_discussions"]) == (2, 1)
    assert engagement["participants"] == {"total": 40, "female": 23, "male": 16, "other": 1}
    assert (engagement["feedback_items"], engagement["feedback_responded"]) == (2, 1)
    content = response.content.decode()
    assert "Consultation meetings</th><td>2</td>" in content
    assert "Public discussions</th><td>1</td>" in content
    assert "Women</th><td>23</td>" in content and "Men</th><td>16</td>" in content
    assert "Other or not disclosed</th><td>1</td>" in content and "Total</th><td>40</td>" in content
    assert "Feedback items with a response</th><td>1</td>" in content
    assert "Share of feedback items with a response, %</th><td>50</td>" in content
    assert "2020-10</th><td>2</td>" in content and "2020-11</th><td>1</td>" in content
    assert "<title>Engagement activities per month</title>" in content


def test_dashboard_export_has_the_consultation_figures(client, safeguards_specialist, consultations_2020h2):
    client.force_login(safeguards_specialist)

    response = client.get(
        DASHBOARD + "export/", {"start": "2020-06-25", "end": "2020-12-31", "format": "csv"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert ["Consultation and engagement", "Consultation meetings", "2"] in rows
    assert ["Participants", "Total", "40"] in rows
    assert ["Engagement activities per month", "2020-10", "2"] in rows


def _xlsx_rows(response):
    """The sheet's rows as text, without the empty cells that pad short rows to the widest one."""
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    return [row[: max((i + 1 for i, cell in enumerate(row) if cell), default=0)] for row in rows]


def test_dashboard_exports_as_csv_and_xlsx(client, safeguards_specialist, log_2020h2):
    client.force_login(safeguards_specialist)
    query = {"start": "2020-06-25", "end": "2020-12-31"}

    as_csv = client.get(DASHBOARD + "export/", {**query, "format": "csv"}, HTTP_ACCEPT_LANGUAGE="en")
    as_xlsx = client.get(DASHBOARD + "export/", {**query, "format": "xlsx"}, HTTP_ACCEPT_LANGUAGE="en")

    rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    assert ["Grievances", "Received", "9"] in rows
    assert ["Grievances", "Received", "9"] in _xlsx_rows(as_xlsx)


class _ScreenRows(HTMLParser):
    """Collect (section title, label, values...) from the KPI tables of the dashboard page, as a reader sees them."""

    def __init__(self):
        super().__init__()
        self.rows, self.title, self.row, self.cell = [], "", None, None
        self.in_title = self.in_kpi_table = self.in_head = False

    def handle_starttag(self, tag, attrs):
        if tag == "h2":
            self.in_title, self.title = True, ""
        elif tag == "table":
            self.in_kpi_table = dict(attrs).get("class") == "kpi-table"
        elif tag == "thead":
            self.in_head = True
        elif tag == "tr" and self.in_kpi_table and not self.in_head:
            self.row = [self.title]
        elif tag in ("th", "td") and self.row is not None:
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "h2":
            self.in_title = False
        elif tag == "table":
            self.in_kpi_table = False
        elif tag == "thead":
            self.in_head = False
        elif tag in ("th", "td") and self.cell is not None:
            self.row.append("" if self.cell.strip() == "–" else self.cell.strip())
            self.cell = None
        elif tag == "tr" and self.row is not None:
            self.rows.append(self.row)
            self.row = None

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        if self.cell is not None:
            self.cell += data


def _as_values(row):
    """Compare numbers as numbers (the sheet gives back 0.0 as 0), without empty last cells (the sheet drops them)."""

    def value(cell):
        try:
            return float(cell)
        except ValueError:
            return cell

    row = list(row)
    while row and row[-1] == "":
        row.pop()
    return [value(cell) for cell in row]


def _dashboard_everywhere(client, query=None):
    """The 2020 H2 dashboard's rows in English: as the screen shows them, and as values in the CSV and the XLSX."""
    query = query or {"start": "2020-06-25", "end": "2020-12-31"}
    screen = _ScreenRows()
    screen.feed(client.get(DASHBOARD, query, HTTP_ACCEPT_LANGUAGE="en").content.decode())
    as_csv = client.get(DASHBOARD + "export/", {**query, "format": "csv"}, HTTP_ACCEPT_LANGUAGE="en")
    as_xlsx = client.get(DASHBOARD + "export/", {**query, "format": "xlsx"}, HTTP_ACCEPT_LANGUAGE="en")
    csv_rows = [_as_values(row) for row in csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig")))]
    xlsx_rows = [_as_values(row) for row in _xlsx_rows(as_xlsx)]
    return screen.rows, csv_rows, xlsx_rows


def test_dashboard_csv_and_xlsx_hold_every_row_the_screen_shows(
    client, safeguards_specialist, log_2020h2, consultations_2020h2
):
    PressMaterialFactory(published_on=date(2020, 10, 8))
    client.force_login(safeguards_specialist)

    screen_rows, csv_rows, xlsx_rows = _dashboard_everywhere(client)

    assert len(screen_rows) > 20
    for row in screen_rows:
        assert _as_values(row) in csv_rows
        assert _as_values(row) in xlsx_rows
    for shown in (
        ["Consultation and engagement", "Median days to a response", "0.0"],
        ["Participants", "Government", "31"],
        ["Participants", "Non-government", "9"],
    ):
        assert shown in screen_rows


def test_dashboard_screen_csv_and_xlsx_show_appeals_answers_and_the_median_wait(
    client, safeguards_specialist, complainant_answers_2020h2
):
    client.force_login(safeguards_specialist)

    screen_rows, csv_rows, xlsx_rows = _dashboard_everywhere(client)

    for shown in (
        ["Grievances", "Resolved within the deadline", "3"],
        ["Grievances", "Appeals (the complainant said the issue was not resolved)", "2"],
        ["Grievances", "Share of complainants who said the issue was resolved, of those who answered, %", "50"],
        ["Grievances", "Median working days waiting for the complainant", "5.0"],
    ):
        assert shown in screen_rows
        assert _as_values(shown) in csv_rows
        assert _as_values(shown) in xlsx_rows


def test_dashboard_shows_a_dash_when_nobody_answered_or_waited(client, safeguards_specialist, log_2020h2):
    client.force_login(safeguards_specialist)

    response = client.get(DASHBOARD, {"start": "2020-06-25", "end": "2020-12-31"}, HTTP_ACCEPT_LANGUAGE="mn")

    content = response.content.decode()
    assert "Давж заалдсан (өргөдөл гаргагч асуудал шийдвэрлэгдээгүй гэж хариулсан)</th><td>0</td>" in content
    assert "Өргөдөл гаргагчийг хүлээсэн ажлын өдрийн медиан</th><td>–</td>" in content


def test_grievance_log_export_has_no_complainant_identity(client, safeguards_specialist):
    case(
        received_on=date(2020, 7, 1),
        status=Status.RESOLVED,
        resolved_on=date(2020, 7, 2),
        complainant={"name": "Батбаяр Дорж", "email": "batbayar@example.mn", "phone": "+976 9911 2233"},
    )
    client.force_login(safeguards_specialist)
    url = "/admin/reporting/reportrecord/grievance-log/export/"
    query = {"start": "2020-06-25", "end": "2020-12-31"}

    as_csv = client.get(url, {**query, "format": "csv"}).getvalue().decode("utf-8-sig")
    as_xlsx = load_workbook(io.BytesIO(client.get(url, {**query, "format": "xlsx"}).getvalue())).active
    xlsx_text = " ".join(str(cell) for row in as_xlsx.iter_rows(values_only=True) for cell in row)

    for text in (as_csv, xlsx_text):
        assert "f-2020/" in text
        assert "Батбаяр" not in text and "batbayar@example.mn" not in text and "9911" not in text


def test_grievance_log_export_holds_only_the_cases_the_user_may_see(client):
    from django.contrib.auth.models import Permission

    from grievances.tests.factories import UserFactory

    handler = UserFactory(is_staff=True)
    handler.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_grievance", "view_sep_dashboard"],
            content_type__app_label__in=["grievances", "reporting"],
        )
    )
    theirs = services.grievance_assign(grievance=case(received_on=date(2020, 7, 1)), actor=None, assignee=handler)
    other = case(received_on=date(2020, 7, 2))
    client.force_login(handler)

    response = client.get(
        "/admin/reporting/reportrecord/grievance-log/export/",
        {"start": "2020-06-25", "end": "2020-12-31", "format": "csv"},
    )

    text = response.getvalue().decode("utf-8-sig")
    assert response.status_code == 200
    assert theirs.registered_no in text
    assert other.registered_no not in text


def test_grievance_log_export_keeps_formula_like_text_as_text(client, safeguards_specialist):
    case(received_on=date(2020, 7, 1), summary='=HYPERLINK("http://evil.example","Open")')
    case(received_on=date(2020, 7, 2), summary="-2+3 roads are closed")
    client.force_login(safeguards_specialist)
    url = "/admin/reporting/reportrecord/grievance-log/export/"
    query = {"start": "2020-06-25", "end": "2020-12-31"}

    as_csv = client.get(url, {**query, "format": "csv"}).getvalue().decode("utf-8-sig")
    assert "'=HYPERLINK(" in as_csv and "'-2+3 roads are closed" in as_csv
    sheet = load_workbook(io.BytesIO(client.get(url, {**query, "format": "xlsx"}).getvalue())).active
    cells = [cell for row in sheet.iter_rows() for cell in row]
    summaries = [cell.value for cell in cells if isinstance(cell.value, str) and "HYPERLINK" in cell.value]
    assert summaries == ['\'=HYPERLINK("http://evil.example","Open")']
    assert all(cell.data_type != "f" for cell in cells)  # no cell is a formula


@pytest.mark.parametrize(
    ("language", "shown", "hidden"), [("en", "Road closed", "Зам"), ("mn", "Зам хаагдсан", "Road")]
)
def test_grievance_log_export_gives_the_texts_of_the_page_s_language_only(
    client, safeguards_specialist, language, shown, hidden
):
    case(received_on=date(2020, 7, 1), translations={"summary_mn": "Зам хаагдсан"})
    case(received_on=date(2020, 7, 2), translations={"summary_en": "Road closed"})
    client.force_login(safeguards_specialist)
    url = "/admin/reporting/reportrecord/grievance-log/export/"
    query = {"start": "2020-06-25", "end": "2020-12-31"}

    as_csv = client.get(url, {**query, "format": "csv"}, HTTP_ACCEPT_LANGUAGE=language).getvalue().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(as_csv)))
    summaries = [row[6] for row in rows[1:]]  # exports.grievance_log_header: the summary is the 7th column
    assert shown in summaries and "" in summaries
    assert hidden not in as_csv
