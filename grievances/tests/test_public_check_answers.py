"""The "check your answers" step: nothing is registered before "Send", files are kept once, the limits still hold."""

import pytest
from django import forms
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

from grievances.check_answers import answer_rows, values_to_send_again
from grievances.forms import GrievanceForm
from grievances.models import Attachment, Grievance
from grievances.tests.public_helpers import (  # noqa: F401
    PNG_BYTES,
    answers_shown,
    form_data,
    hidden_pairs,
    png,
    public_setup,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]
URL = "/en/grievances/new/"


def to_check(client, **overrides):
    """POST the form with its own button (no step): the answers come back to be checked."""
    return client.post(URL, form_data(step=None, **overrides), REMOTE_ADDR="192.0.2.20")


def send_from(client, html, step="send", address="192.0.2.20"):
    data = QueryDict(mutable=True)
    for name, value in hidden_pairs(html):
        data.appendlist(name, value)
    data["step"] = step
    return client.post(URL, data, REMOTE_ADDR=address)


def test_a_valid_form_shows_the_answers_and_registers_nothing(client):
    response = to_check(client, summary="The well in bag 3 is dry.", preferred_contact="email", email="a@b.mn")
    html = response.content.decode()
    assert response.status_code == 200
    assert Grievance.objects.count() == 0
    assert 'id="check-answers"' in html
    rows = answers_shown(html)
    assert rows["kind"] == "A complaint"
    assert rows["summary"] == "The well in bag 3 is dry."
    assert rows["preferred_contact"] == "E-mail"
    assert rows["phone"] == "Not given"
    assert "consent" not in rows and "homepage" not in rows and "submission_token" not in rows


def test_the_referral_question_is_listed_only_when_the_sensitive_box_is_ticked(client):
    ordinary = answers_shown(to_check(client).content.decode())
    sensitive = answers_shown(to_check(client, sensitive="on", referral_consent="no").content.decode())
    assert "referral_consent" not in ordinary
    assert sensitive["sensitive"] == "Yes"
    assert "referral_consent" in sensitive


def test_every_answer_has_a_change_button_back_to_its_question(client):
    html = to_check(client).content.decode()
    for anchor in ["id_kind_0", "id_summary", "id_location", "id_attachments", "id_phone", "id_preferred_language_0"]:
        assert f'formaction="/en/grievances/new/#{anchor}"' in html


def test_send_from_the_check_page_registers_what_was_checked(client):
    html = to_check(client, summary="Two lines\nof text & <tags>", location="Khovd").content.decode()
    response = send_from(client, html)
    assert response.status_code == 302
    grievance = Grievance.objects.get()
    assert (grievance.message, grievance.location) == ("Two lines\nof text & <tags>", "Khovd")


def test_change_goes_back_to_the_filled_form_without_registering_or_errors(client):
    html = to_check(client, summary="Change me.").content.decode()
    response = send_from(client, html, step="change")
    page = response.content.decode()
    assert response.status_code == 200
    assert Grievance.objects.count() == 0
    assert "Change me." in page
    assert 'id="error-summary"' not in page


def test_a_file_is_kept_at_the_check_step_shown_by_name_and_attached_on_send(client, settings):
    html = to_check(client, attachments=png("road.png")).content.decode()
    assert "road.png" in html
    assert PNG_BYTES.decode("latin-1") not in html
    assert len([name for name, _value in hidden_pairs(html) if name == "keep_attachment"]) == 1
    assert send_from(client, html).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == "road.png"
    assert attachment.file.read() == PNG_BYTES


def test_a_check_step_that_kept_a_file_counts_toward_the_limit_one_without_files_does_not(client, settings):
    settings.GRM_SUBMISSION_RATE_LIMIT = "2/h"
    assert to_check(client).status_code == 200
    assert to_check(client).status_code == 200  # nothing stored: not counted
    assert to_check(client, attachments=png()).status_code == 200  # a file kept: counted
    html = to_check(client, attachments=png()).content.decode()  # counted: the limit is reached
    assert send_from(client, html).status_code == 429
    assert Grievance.objects.count() == 0


def test_a_rate_limited_client_gets_no_check_page_and_keeps_no_file(client, settings):
    settings.GRM_SUBMISSION_RATE_LIMIT = "1/h"
    assert client.post(URL, form_data(), REMOTE_ADDR="192.0.2.20").status_code == 302
    response = to_check(client, attachments=png())
    assert response.status_code == 429
    assert 'id="check-answers"' not in response.content.decode()
    assert response.context["form"].kept_files == []


def test_sending_the_check_page_twice_makes_one_case(client):
    html = to_check(client).content.decode()
    assert send_from(client, html).status_code == 302
    assert send_from(client, html).status_code == 302  # a double click: the same submission token
    assert Grievance.objects.count() == 1


def test_the_check_step_reads_and_writes_nothing_in_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = to_check(client)
    assert response.status_code == 200


def test_the_phone_rule_gives_one_error_at_the_phone_field(client):
    response = to_check(client, preferred_contact="phone", phone="")
    form = response.context["form"]
    assert 'id="check-answers"' not in response.content.decode()
    assert form.errors == {"phone": ["To get the answer by phone, give your phone number."]}
    assert form.error_summary() == [("id_phone", "To get the answer by phone, give your phone number.")]


class FormWithMoreFields(GrievanceForm):
    """What other changes add to the form: a box to tick and a multiple choice."""

    sensitive = forms.BooleanField(label="Sensitive", required=False)
    groups = forms.MultipleChoiceField(
        label="Groups", required=False, choices=[("herder", "Herder"), ("elderly", "Elderly")]
    )


def test_fields_added_to_the_form_are_listed_and_sent_again_without_a_change_here():
    data = QueryDict(mutable=True)
    data.update(form_data(step=None))
    data["sensitive"] = "on"
    data.setlist("groups", ["herder", "elderly"])
    form = FormWithMoreFields(data, MultiValueDict(), language="en")
    assert form.is_valid(), form.errors
    rows = {row.name: row.value for row in answer_rows(form)}
    assert rows["sensitive"] == "Yes"
    assert rows["groups"] == "Herder, Elderly"
    pairs = values_to_send_again(form)
    assert ("sensitive", "on") in pairs
    assert [value for name, value in pairs if name == "groups"] == ["herder", "elderly"]
