"""Every door to a sensitive case (SEA/SH): no one but the focal point and the superuser gets through.

The officer, the safeguards specialist and a PSC member must not find the case
in the admin list, its page, history or files, the API, the exports, the desk's
counts or the case list's search; reports count it and list it by number and
date only, for everyone.
"""

import csv
import io
import json
from datetime import date

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from openpyxl import load_workbook

from grievances import services
from grievances.models import Attachment, Grievance
from grievances.tests.factories import UserFactory, resolve, user_with_role
from reporting.pdf import render_grm_report_pdf
from reporting.selectors import grm_period_figures, grm_report_data
from reporting.tests.factories import case
from reporting.tests.test_pdf import pdf_text
from smartgov import roles

pytestmark = pytest.mark.django_db

SECRET = {"summary": "Secret summary of the harassment", "message": "What he did to me", "name": "Saruul Ganbold"}
START, END = date(2020, 6, 25), date(2020, 12, 31)
OFFICER_SIDE = ["officer", "safeguards", "psc"]
FOCAL_SIDE = ["focal_point", "superuser"]


@pytest.fixture
def world(settings):
    settings.STAFF_REQUIRE_2FA = False
    users = {"superuser": UserFactory(username="door-superuser", is_superuser=True)}
    for key, role in {
        "officer": roles.PIU_OFFICER,
        "safeguards": roles.SAFEGUARDS_SPECIALIST,
        "psc": roles.PSC_MEMBER,
        "focal_point": roles.SEA_SH_FOCAL_POINT,
    }.items():
        users[key] = user_with_role(role, username=f"door-{key}")
    secret = case(
        received_on=date(2020, 7, 10),
        message=SECRET["message"],
        summary=SECRET["summary"],
        complainant={"name": SECRET["name"], "email": "saruul@example.mn"},
    )
    # Assigned to the PSC member before it was marked: marking takes it away from them.
    secret = services.grievance_assign(grievance=secret, actor=None, assignee=users["psc"])
    secret = services.grievance_acknowledge(grievance=secret, actor=None)
    secret = resolve(secret, resolved_on=date(2020, 7, 20))
    attachment = Attachment.objects.create(
        grievance=secret,
        file=ContentFile(b"%PDF-1.4 photo", name="photo.pdf"),
        original_name="photo.pdf",
        content_type="application/pdf",
        size=14,
    )
    from grievances.sensitive import grievance_mark_sensitive

    grievance_mark_sensitive(grievance=secret, actor=users["officer"], note="Harassment")
    ordinary = case(received_on=date(2020, 7, 11), complainant={"name": "Ordinary Person"})
    return users, Grievance.objects.get(pk=secret.pk), ordinary, attachment


def _client(users, role):
    client = Client()
    client.force_login(users[role])
    return client


def _text(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8-sig")
    return response.content.decode("utf-8-sig")


@pytest.mark.parametrize("role", OFFICER_SIDE)
def test_the_case_is_not_in_the_admin_list_nor_found_by_search(world, role):
    users, secret, _ordinary, _file = world
    client = _client(users, role)
    for query in ("", f"?q={secret.registered_no}", "?q=saruul@example.mn", "?q=Secret"):
        response = client.get(f"/admin/grievances/grievance/{query}")
        assert response.status_code == 200
        assert secret not in response.context["cl"].result_list
        if not query:  # a search page repeats its query
            assert secret.registered_no not in _text(response)


@pytest.mark.parametrize("role", OFFICER_SIDE)
@pytest.mark.parametrize(
    "page",
    ["{pk}/change/", "{pk}/history/", "{pk}/attachments/{file}/", "{pk}/receipt/", "{pk}/sensitive/unmark/"],
)
def test_the_case_s_own_pages_answer_as_if_it_did_not_exist(world, role, page):
    users, secret, _ordinary, attachment = world
    url = "/admin/grievances/grievance/" + page.format(pk=secret.pk, file=attachment.pk)
    client = _client(users, role)
    response = client.post(url, {"sensitive-unmark-note": "x"}) if "sensitive" in page else client.get(url)
    assert response.status_code in (403, 404)
    assert Grievance.objects.get(pk=secret.pk).sensitive


@pytest.mark.parametrize("role", FOCAL_SIDE)
def test_the_focal_point_and_the_superuser_open_the_case_its_history_and_files(world, role):
    users, secret, _ordinary, attachment = world
    client = _client(users, role)
    listed = client.get("/admin/grievances/grievance/")
    assert secret in listed.context["cl"].result_list
    page = client.get(f"/admin/grievances/grievance/{secret.pk}/change/")
    assert page.status_code == 200 and SECRET["name"] in _text(page)
    assert 'id="sensitive-panel"' in _text(page)
    history = client.get(f"/admin/grievances/grievance/{secret.pk}/history/")
    assert history.status_code == 200 and "door-officer" in _text(history)  # who marked it
    assert client.get(f"/admin/grievances/grievance/{secret.pk}/attachments/{attachment.pk}/").status_code == 200


@pytest.mark.parametrize("role", OFFICER_SIDE)
def test_the_api_neither_lists_nor_finds_nor_opens_the_case(world, role):
    users, secret, _ordinary, _file = world
    client = _client(users, role)
    listed = client.get("/api/grievances/?page_size=100")
    assert listed.status_code == 200
    assert secret.registered_no not in _text(listed)
    assert secret.registered_no not in _text(client.get("/api/grievances/?email=saruul@example.mn"))
    assert client.get(f"/api/grievances/{secret.pk}/").status_code == 404
    assert client.post(f"/api/grievances/{secret.pk}/reopen/", {}, content_type="application/json").status_code in (
        403,
        404,
    )


def test_the_focal_point_reads_the_case_through_the_api(world):
    users, secret, _ordinary, _file = world
    response = _client(users, "focal_point").get(f"/api/grievances/{secret.pk}/")
    assert response.status_code == 200 and response.json()["sensitive"] is True


@pytest.mark.parametrize("role", OFFICER_SIDE)
def test_the_case_list_export_and_the_period_log_leave_the_case_out(world, role):
    users, secret, _ordinary, _file = world
    client = _client(users, role)
    texts = [_text(client.get("/admin/grievances/grievance/export/csv/"))]
    if role == "safeguards":
        texts.append(
            _text(
                client.get(
                    "/admin/reporting/reportrecord/grievance-log/export/",
                    {"start": "2020-06-25", "end": "2020-12-31", "format": "csv"},
                )
            )
        )
    for text in texts:
        assert secret.registered_no not in text


@pytest.mark.parametrize("file_format", ["csv", "xlsx"])
def test_whoever_may_export_it_gets_its_number_date_and_sensitive_only(world, file_format):
    users, secret, _ordinary, _file = world
    response = _client(users, "focal_point").get(f"/admin/grievances/grievance/export/{file_format}/")
    if file_format == "xlsx":
        sheet = load_workbook(
            io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
        ).active
        rows = [[str(cell or "") for cell in row] for row in sheet.iter_rows(values_only=True)]
    else:
        rows = list(csv.reader(io.StringIO(_text(response))))
    row = next(row for row in rows if row[0] == secret.registered_no)
    assert row[2].startswith("2020-07-10")
    # The summary's column says the case is sensitive (in the page's language); every other column is empty.
    assert row[6] and SECRET["summary"] not in row[6]
    assert [cell for index, cell in enumerate(row) if index not in (0, 2, 6) and cell] == []


@pytest.mark.parametrize("role", OFFICER_SIDE)
def test_the_desk_does_not_count_it(world, role, client):
    users, secret, _ordinary, _file = world
    Grievance.objects.filter(pk=secret.pk).update(has_unread_reply=True)
    if role == "safeguards":
        return  # no desk: the safeguards specialist does not work cases
    response = _client(users, role).get("/admin/")
    desk = {queue["key"]: queue["count"] for queue in response.context["desk"]}
    assert desk["replies"] == 0


def test_the_focal_point_s_desk_counts_it(world):
    users, secret, _ordinary, _file = world
    Grievance.objects.filter(pk=secret.pk).update(has_unread_reply=True)
    response = _client(users, "focal_point").get("/admin/")
    assert {queue["key"]: queue["count"] for queue in response.context["desk"]}["replies"] == 1


def test_the_report_counts_it_as_before_and_lists_it_by_number_and_date_only(world):
    _users, secret, _ordinary, _file = world
    figures = grm_period_figures(start=START, end=END)
    Grievance.objects.filter(pk=secret.pk).update(sensitive=False)
    assert grm_period_figures(start=START, end=END) == figures  # the figures do not change
    Grievance.objects.filter(pk=secret.pk).update(sensitive=True)

    data = grm_report_data(start=START, end=END, language="en")
    row = next(row for row in data["addressed_cases"] if row["registered_no"] == secret.registered_no)
    assert row == {
        "registered_no": secret.registered_no,
        "received_date": "2020-07-10",
        "sensitive": True,
        "kind": None,
        "channel": None,
        "summary": "",
        "actions_taken": "",
        "status": None,
        "resolved_date": None,
        "working_days": None,
        "response_way": None,
        "stage": None,
        "is_overdue": None,
    }
    assert SECRET["summary"] not in json.dumps(data, ensure_ascii=False)


def test_the_report_api_gives_no_more(world):
    users, secret, _ordinary, _file = world
    response = _client(users, "safeguards").get("/api/reports/grm/?start=2020-06-25&end=2020-12-31")
    assert response.status_code == 200
    assert SECRET["summary"] not in _text(response)


def test_the_pdf_lists_it_by_number_and_date_with_no_summary(world, tmp_path):
    _users, secret, _ordinary, _file = world
    text = pdf_text(render_grm_report_pdf(start=START, end=END, language="en"), tmp_path, "en", layout=False)
    assert secret.registered_no in text
    assert "Sensitive case" in text
    assert "Secret summary" not in text and "harassment" not in text


def test_a_sensitive_case_is_not_listed_as_lacking_a_translation(world):
    from reporting.selectors import cases_lacking_translation

    _users, secret, _ordinary, _file = world
    Grievance.objects.filter(pk=secret.pk).update(summary_en="")
    assert secret.registered_no not in [row["registered_no"] for row in cases_lacking_translation(start=START, end=END)]


def test_marking_through_the_admin_sends_the_officer_back_to_the_list(world):
    users, _secret, ordinary, _file = world
    client = _client(users, "officer")
    page = client.get(f"/admin/grievances/grievance/{ordinary.pk}/change/")
    assert 'id="sensitive-panel"' in _text(page)
    response = client.post(f"/admin/grievances/grievance/{ordinary.pk}/sensitive/mark/", {"sensitive-mark-note": ""})
    assert response.status_code == 302 and response["Location"].endswith("/admin/grievances/grievance/")
    assert Grievance.objects.get(pk=ordinary.pk).sensitive
    assert client.get(f"/admin/grievances/grievance/{ordinary.pk}/change/").status_code == 404


def test_the_focal_point_records_consent_and_a_referral_in_the_admin(world):
    from grievances.models import SupportService

    users, secret, _ordinary, _file = world
    service = SupportService.objects.create(name_mn="Туслах", name_en="Helper", offers_mn="Зөвлөгөө", phone="108")
    client = _client(users, "focal_point")
    url = f"/admin/grievances/grievance/{secret.pk}/sensitive/"
    client.post(url + "refer/", {"sensitive-refer-service": service.pk})
    assert not secret.support_referrals.exists()  # refused: not asked yet
    client.post(url + "consent/", {"sensitive-consent-consent": "yes"})
    client.post(url + "refer/", {"sensitive-refer-service": service.pk})
    assert secret.support_referrals.get().service == service


def test_the_focal_point_role_exists_with_its_permission():
    group = Group.objects.get(name=roles.SEA_SH_FOCAL_POINT)
    assert group.permissions.filter(codename="view_sensitive_grievance").exists()
    officer = Group.objects.get(name=roles.PIU_OFFICER)
    assert not officer.permissions.filter(codename="view_sensitive_grievance").exists()


def test_the_outbox_leaves_out_the_messages_of_the_case_for_the_officer(world):
    from smartgov.models import OutboxMessage

    users, secret, ordinary, _file = world
    reference = f"grievance:{secret.pk}"
    assert OutboxMessage.objects.filter(reference=reference).exists()  # the complainant was written to
    for role, sees in (("officer", False), ("superuser", True)):
        listed = _client(users, role).get("/admin/smartgov/outboxmessage/?all=")
        references = {message.reference for message in listed.context["cl"].result_list}
        assert (reference in references) is sees
        assert "saruul@example.mn" not in _text(listed)  # the list names no recipient (no row checkboxes: no actions)
        message = OutboxMessage.objects.filter(reference=reference).earliest("pk")
        page = _client(users, role).get(f"/admin/smartgov/outboxmessage/{message.pk}/change/")
        assert (page.status_code == 200 and "saruul@example.mn" in _text(page)) is sees
