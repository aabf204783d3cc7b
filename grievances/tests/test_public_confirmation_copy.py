"""The confirmation page: a copy of what was sent (file names, never contents), print, and a filled tracking link."""

import html as html_module
import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone, translation

from grievances import selectors, tracking
from grievances.forms import GrievanceForm
from grievances.models import Channel, Complainant, Gender, Grievance
from grievances.places import aimag_choices
from grievances.sent_copy import SENT_COPY_SECONDS
from grievances.tests.factories import register_grievance
from grievances.tests.public_helpers import PNG_BYTES, confirmation_shown, form_data, png, public_setup  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]
NEW_URL = "/en/grievances/new/"
DONE_URL = "/en/grievances/new/done/"
SENT_ROW = re.compile(r'id="sent-([a-z_]+)"><dt>(.*?)</dt><dd class="check-value">(.*?)</dd>', re.DOTALL)


def copy_rows(page):
    """The copy of what was sent as the page shows it: (name, label, value) in the page's order, unescaped."""
    return [tuple(html_module.unescape(part) for part in row) for row in SENT_ROW.findall(page)]


def sent(client, **overrides):
    assert client.post(NEW_URL, form_data(**overrides)).status_code == 302
    return Grievance.objects.get()


def test_the_confirmation_copies_what_was_sent_with_file_names_only(client):
    grievance = sent(
        client,
        summary="The soum centre road is closed.\nPlease open it.",
        preferred_contact="phone",
        phone="9911 2233",
        attachments=png("road.png"),
    )
    html = client.get(DONE_URL).content.decode()
    rows = {name: value for name, _label, value in copy_rows(html)}
    assert rows["summary"] == "The soum centre road is closed.\nPlease open it."
    assert rows["kind"] == "A complaint"
    assert rows["preferred_contact"] == "Phone call"
    assert rows["phone"] == "9911 2233"
    assert rows["email"] == "Not given"
    assert rows["attachments"] == "road.png"
    assert 'id="sent-copy"' in html
    assert PNG_BYTES.decode("latin-1") not in html
    assert grievance.registered_no in html


def test_the_copy_shows_the_contact_details_as_given_and_the_reply_language(client):
    sent(
        client,
        name="Saraa <Bat>",
        email="saraa@example.mn",
        address="Khovd, 3rd bag & 4th street",
        preferred_contact="email",
        preferred_language="en",
    )
    rows = {name: value for name, _label, value in copy_rows(client.get(DONE_URL).content.decode())}
    assert (rows["name"], rows["email"], rows["address"]) == (
        "Saraa <Bat>",
        "saraa@example.mn",
        "Khovd, 3rd bag & 4th street",
    )
    assert rows["preferred_contact"] == "E-mail" and rows["preferred_language"] == "English"
    assert rows["phone"] == "Not given"


def test_the_copy_is_in_the_language_of_each_page():
    english, mongolian = Client(), Client()
    assert english.post(NEW_URL, form_data(gender="female", kind="complaint")).status_code == 302
    assert mongolian.post("/mn/grievances/new/", form_data(gender="female", kind="complaint")).status_code == 302
    in_english = {name: value for name, _label, value in copy_rows(english.get(DONE_URL).content.decode())}
    in_mongolian = copy_rows(mongolian.get("/mn/grievances/new/done/").content.decode())
    assert in_english["gender"] == "Female"
    with translation.override("mn"):
        expected = (str(Gender.FEMALE.label), str(GrievanceForm.base_fields["gender"].label))
    assert {name: (value, label) for name, label, value in in_mongolian}["gender"] == expected
    assert expected[0] != "Female"


def test_a_case_without_a_complainant_is_copied_with_no_contact_details():
    grievance = register_grievance(channel=Channel.WEBSITE, message="Sent by a kiosk.", received_at=timezone.now())
    Complainant.objects.filter(grievance=grievance).delete()
    copy = selectors.grievance_sent_copy_get(
        registered_no=grievance.registered_no, since=timezone.now() - timedelta(hours=1)
    )
    assert copy["message"] == "Sent by a kiosk."
    assert [copy[name] for name in selectors.SENT_COPY_PERSON_FIELDS] == [""] * 6
    assert copy["attachment_names"] == []


def test_the_copy_includes_who_and_where_in_the_order_of_the_form(client):
    sent(
        client,
        aimag="MN-071",
        gender="female",
        age_group="60_plus",
        disability="yes",
        vulnerable_groups=["herder", "ethnic_minority"],
    )
    rows = copy_rows(client.get(DONE_URL).content.decode())
    values = {name: value for name, _label, value in rows}
    assert values["aimag"] == str(dict(aimag_choices())["MN-071"])  # pycountry's English name
    assert values["gender"] == "Female"
    assert values["age_group"] == "60 or older"
    assert values["disability"] == "Yes"
    assert values["vulnerable_groups"] == "Herder household, Ethnic minority, such as Kazakh, Buriad or Tuva"
    names = [name for name, _label, _value in rows]
    assert names.index("aimag") < names.index("location") < names.index("gender") < names.index("attachments")


def test_a_sensitive_report_gets_no_copy_of_what_was_sent(client):
    sent(client, sensitive="on", referral_consent="no")
    html = client.get(DONE_URL).content.decode()
    assert 'id="sent-copy"' not in html and not copy_rows(html)
    assert 'id="sensitive-confirmation"' in html


def test_the_track_link_carries_the_number_and_never_the_code(client):
    grievance = sent(client)
    response = client.get(DONE_URL)
    link = response.content.decode().split('id="track-link" href="', 1)[1].split('"', 1)[0]
    assert link == f"/en/grievances/track/?number={grievance.registered_no}"
    code = confirmation_shown(response)["tracking_code"]
    assert (
        tracking.grievance_get_by_tracking(registered_no=grievance.registered_no, code=code) == grievance
    )  # the page's code is right
    assert code not in link


def test_the_tracking_form_is_filled_with_the_number_from_the_link(client):
    html = client.get("/en/grievances/track/?number=f-2026/07").content.decode()
    assert 'value="f-2026/07"' in html


def test_the_print_button_waits_for_the_script_and_without_it_the_page_says_how_to_print(client):
    sent(client)
    html = client.get(DONE_URL).content.decode()
    assert 'id="print-button" data-print hidden' in html
    assert '<noscript><p id="print-hint">' in html
    assert 'media="print"' in html


def test_the_copy_is_no_longer_shown_an_hour_after_sending(client):
    grievance = sent(client)
    Grievance.objects.filter(pk=grievance.pk).update(
        received_at=timezone.now() - timedelta(seconds=SENT_COPY_SECONDS + 60)
    )
    response = client.get(DONE_URL)
    assert not copy_rows(response.content.decode())
    assert 'id="sent-copy"' not in response.content.decode()
    assert grievance.registered_no in response.content.decode()  # the number and the code stay


def test_the_confirmation_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    sent(client, attachments=[png("a.png"), png("b.png")])
    with django_assert_num_queries(2):  # the case with its complainant, the attachments' names
        response = client.get(DONE_URL)
    assert response.status_code == 200
    assert "a.png, b.png" in response.content.decode()


def test_the_confirmation_of_feedback_without_files_takes_one_query(client, django_assert_num_queries):
    sent(client)
    with django_assert_num_queries(1):  # the case with its complainant and whether it has files
        response = client.get(DONE_URL)
    assert response.status_code == 200 and 'id="sent-copy"' in response.content.decode()
