import re

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.utils import translation
from django.views.debug import SafeExceptionReporterFilter

from grievances import tracking, views
from grievances.confirmation import confirmation_cookie_name
from grievances.forms import GrievanceForm
from grievances.models import Attachment, Channel, Grievance
from grievances.tests.public_helpers import (  # noqa: F401
    PNG_BYTES,
    confirmation_shown,
    form_data,
    pdf,
    png,
    public_setup,
)
from smartgov import crypto
from smartgov.models import OutboxMessage, OutboxStatus

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]

NEW_URL = "/mn/grievances/new/"
DONE_URL = "/mn/grievances/new/done/"
COOKIE_NAME = confirmation_cookie_name("mn")


def submit(client, data, **extra):
    return client.post(NEW_URL, data, **extra)


def test_form_page_has_every_part_of_the_form(client):
    response = client.get(NEW_URL)
    html = response.content.decode()
    assert response.status_code == 200
    for name in ["kind", "summary", "location", "attachments", "name", "email", "phone", "consent", "homepage"]:
        assert f'name="{name}"' in html
    assert 'name="submission_token"' in html
    assert 'enctype="multipart/form-data"' in html
    assert response["Cache-Control"].startswith("max-age=0")


def test_hints_are_tied_to_their_fields(client):
    html = client.get("/en/grievances/new/").content.decode()
    assert 'aria-describedby="summary-hint"' in html
    assert 'id="summary-hint"' in html
    assert 'aria-describedby="kind-complaint-hint"' in html


def test_valid_submission_registers_a_website_case_and_redirects_to_the_confirmation(client):
    response = submit(client, form_data(attachments=png()))
    assert response.status_code == 302
    assert response["Location"] == "/mn/grievances/new/done/"
    grievance = Grievance.objects.get()
    assert grievance.channel == Channel.WEBSITE
    assert grievance.kind == "complaint"
    assert grievance.tracking_code_hash.startswith("sha256$")
    attachment = Attachment.objects.get()
    assert attachment.content_type == "image/png"
    assert attachment.file.read() == PNG_BYTES


def test_the_citizen_s_text_is_kept_as_their_message_with_its_language_and_is_no_public_summary(client):
    submit(client, form_data(summary="Миний нэр Бат, хашааны хажуугийн зам хаагдсан."))
    grievance = Grievance.objects.get()
    assert grievance.message == "Миний нэр Бат, хашааны хажуугийн зам хаагдсан."
    assert grievance.message_language == "mn"
    assert (grievance.summary_mn or "", grievance.summary_en or "") == ("", "")


def test_confirmation_shows_the_number_and_the_code_whose_hash_only_is_stored(client):
    submit(client, form_data())
    response = client.get("/mn/grievances/new/done/")
    grievance = Grievance.objects.get()
    code = confirmation_shown(response)["tracking_code"]
    assert grievance.registered_no in response.content.decode()
    assert code in response.content.decode()
    assert code not in grievance.tracking_code_hash
    assert "no-store" in response["Cache-Control"]


def test_reloading_the_confirmation_creates_nothing_new(client):
    submit(client, form_data())
    client.get("/mn/grievances/new/done/")
    client.get("/mn/grievances/new/done/")
    assert Grievance.objects.count() == 1


def test_the_same_submission_sent_twice_makes_one_case(client):
    data = form_data()
    submit(client, data)
    second = submit(client, data)
    assert second.status_code == 302
    assert Grievance.objects.count() == 1
    assert Grievance.objects.get().registered_no in client.get("/mn/grievances/new/done/").content.decode()


def test_the_empty_form_s_fields_kept_from_an_earlier_page_follow_the_language_and_upload_settings(client, settings):
    settings.GRM_MAX_ATTACHMENTS = 3
    assert "You may attach up to 3 files" in client.get("/en/grievances/new/").content.decode()
    assert "You may attach up to 3 files" in client.get("/en/grievances/new/").content.decode()
    settings.GRM_MAX_ATTACHMENTS = 2
    assert "You may attach up to 2 files" in client.get("/en/grievances/new/").content.decode()
    kazakh = client.get("/kk/grievances/new/").content.decode()
    assert "You may attach" not in kazakh
    assert 'value="kk" checked' in kazakh  # the answer's language defaults to the page's


def test_a_built_form_s_file_help_is_in_the_active_language_and_follows_the_limits(settings):
    settings.GRM_MAX_ATTACHMENTS = 3
    helps = {}
    for language in ("en", "mn", "en"):
        with translation.override(language):
            helps.setdefault(language, []).append(str(GrievanceForm(language=language).fields["attachments"].help_text))
    settings.GRM_MAX_ATTACHMENTS, settings.UPLOAD_MAX_FILE_BYTES = 2, 1024 * 1024
    changed = {}
    for language in ("en", "mn"):
        with translation.override(language):
            changed[language] = str(GrievanceForm(language=language).fields["attachments"].help_text)
    assert helps["en"][0] == helps["en"][1]
    assert "You may attach up to 3 files" in helps["en"][0]
    assert "3" in helps["mn"][0] and "You may attach" not in helps["mn"][0]
    assert "You may attach up to 2 files" in changed["en"] and "each up to 1 MB" in changed["en"]
    assert changed["mn"] != helps["mn"][0] and "2" in changed["mn"] and "1" in changed["mn"]
    assert "You may attach" not in changed["mn"]


def test_each_form_page_has_its_own_csrf_and_submission_tokens(client):
    first, second = (main_form_values(Client().get(NEW_URL)) for _ in range(2))
    assert first["csrfmiddlewaretoken"] != second["csrfmiddlewaretoken"]
    assert first["submission_token"] != second["submission_token"]


def main_form_values(response):
    html = response.content.decode()
    return {
        name: re.search(rf'name="{name}" value="([^"]+)"', html)[1]
        for name in ["csrfmiddlewaretoken", "submission_token"]
    }


def test_showing_the_form_reads_and_writes_nothing_in_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get(NEW_URL)
    assert response.status_code == 200
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert Session.objects.count() == 0


def test_a_submission_takes_a_fixed_number_of_queries(client, django_assert_num_queries):
    submit(Client(), form_data())  # the year's first case makes its number counter
    # Registration in one transaction, a savepoint here only because the test's own transaction surrounds it:
    # calendar; running number (one UPDATE ... RETURNING); case; complainant; history; the audit entry (lock the
    # chain's head, insert the entry, move the head); the outbox message (no savepoint of its own) and its
    # "notified" history entry (a message, not a change: not audited). No token look-up first.
    with django_assert_num_queries(12):
        response = submit(client, form_data(email="tsetseg@example.mn"))
    assert response.status_code == 302


def test_the_confirmation_reaches_its_page_in_an_encrypted_cookie_not_in_the_url_or_a_session(client):
    response = submit(client, form_data())
    cookie = response.cookies[COOKIE_NAME]
    code = confirmation_shown(client.get(DONE_URL))["tracking_code"]
    number = Grievance.objects.get().registered_no
    assert response["Location"] == DONE_URL
    assert code.replace("-", "") not in cookie.value.replace("-", "")
    assert number not in cookie.value
    assert cookie["path"] == DONE_URL
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert Session.objects.count() == 0


def test_each_language_s_confirmation_page_gets_its_own_cookie_so_the_language_links_keep_the_code(client):
    response = submit(client, form_data())
    headers = [cookie.output(header="") for cookie in response.cookies.values()]
    for language in ["mn", "en", "kk"]:
        cookie = response.cookies[confirmation_cookie_name(language)]
        assert cookie["path"] == f"/{language}/grievances/new/done/"
        assert any(f"Path=/{language}/grievances/new/done/" in header for header in headers)
    mongolian = confirmation_shown(client.get(DONE_URL))
    kazakh = client.get("/kk/grievances/new/done/")
    assert kazakh.status_code == 200
    assert confirmation_shown(kazakh) == mongolian
    assert mongolian["tracking_code"] in kazakh.content.decode()


def browser():
    """A client that, like a browser, gets its CSRF cookie with the form and must send the form's CSRF token."""
    return Client(enforce_csrf_checks=True)


def form_values_shown_to(client):
    return main_form_values(client.get(NEW_URL))


def test_a_double_click_whose_first_answer_never_reached_the_browser_still_shows_the_code():
    client = browser()
    data = form_data(**form_values_shown_to(client))
    assert submit(client, data).status_code == 302
    for language in ["mn", "en", "kk"]:  # the first answer, cookies and all, was dropped for the second click's
        del client.cookies[confirmation_cookie_name(language)]
    assert submit(client, data).status_code == 302
    grievance = Grievance.objects.get()
    confirmation = confirmation_shown(client.get(DONE_URL))
    assert confirmation["registered_no"] == grievance.registered_no
    assert tracking.tracking_code_matches(confirmation["tracking_code"], grievance.tracking_code_hash)


def test_another_browser_replaying_the_token_gets_neither_number_nor_code_nor_a_second_case():
    victim = browser()
    data = form_data(**form_values_shown_to(victim))
    submit(victim, data)
    victim_code = confirmation_shown(victim.get(DONE_URL))["tracking_code"]
    grievance = Grievance.objects.get()
    attacker = browser()
    replay = {**data, "csrfmiddlewaretoken": form_values_shown_to(attacker)["csrfmiddlewaretoken"]}
    response = submit(attacker, replay, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1] == (NEW_URL, 302)  # back on an empty form
    assert not any(name.startswith("grievance_confirmation") for name in attacker.cookies)
    assert grievance.registered_no not in html
    assert victim_code not in html
    assert Grievance.objects.count() == 1


def test_an_altered_confirmation_cookie_goes_back_to_the_form(client):
    submit(client, form_data())
    client.cookies[COOKIE_NAME] = client.cookies[COOKIE_NAME].value[:-4] + "AAAA"
    response = client.get(DONE_URL)
    assert response.status_code == 302
    assert response["Location"] == NEW_URL


def test_a_confirmation_cookie_that_is_not_a_confirmation_goes_back_to_the_form(client):
    for plain in ["not json", "[1, 2]"]:
        client.cookies[COOKIE_NAME] = crypto.encrypt_for_client(plain)
        response = client.get(DONE_URL)
        assert response.status_code == 302
        assert response["Location"] == NEW_URL


def test_error_reports_hide_the_tokens_and_what_the_person_wrote_about_themselves(client, monkeypatch):
    failed = {}

    def fail(request):
        failed["request"] = request
        raise RuntimeError("something broke")

    monkeypatch.setattr(views, "_browser_key", fail)
    with pytest.raises(RuntimeError):
        submit(client, form_data(name="Tsetseg", phone="99112233", email="tsetseg@example.mn", address="Khovd"))
    reported = SafeExceptionReporterFilter().get_post_parameters(failed["request"])
    for field in ["submission_token", "name", "phone", "email", "address", "summary"]:
        assert reported[field] == SafeExceptionReporterFilter.cleansed_substitute
    assert reported["kind"] == "complaint"


def test_confirmation_without_a_submission_goes_back_to_the_form(client):
    response = client.get("/en/grievances/new/done/")
    assert response.status_code == 302
    assert response["Location"] == "/en/grievances/new/"


def test_errors_keep_what_was_typed_and_list_every_problem_at_the_top(client):
    response = submit(client, form_data(kind=None, consent=None, location="Khovd"))
    html = response.content.decode()
    assert response.status_code == 200
    assert Grievance.objects.count() == 0
    assert 'id="error-summary"' in html
    assert 'href="#id_kind_0"' in html
    assert 'href="#id_consent"' in html
    assert "The road to the soum centre was dug up" in html
    assert 'value="Khovd"' in html
    assert 'aria-describedby="consent-hint consent-error"' in html
    assert 'aria-invalid="true"' in html


def test_error_messages_are_in_the_page_language(client):
    html = client.post("/kk/grievances/new/", form_data(summary="")).content.decode()
    assert "Хабарламаңызды жазыңыз." in html  # Kazakh for "Write your message."


def test_an_accepted_attachment_is_kept_after_an_error_elsewhere(client):
    first = submit(client, form_data(consent=None, attachments=pdf("plan.pdf")))
    kept = first.context["form"].kept_files
    assert [item.name for item in kept] == ["plan.pdf"]
    assert "plan.pdf" in first.content.decode()
    data = form_data(keep_attachment=kept[0].token)
    assert submit(client, data).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == "plan.pdf"
    assert attachment.content_type == "application/pdf"


def test_a_forged_kept_attachment_token_is_ignored(client):
    submit(client, form_data(keep_attachment="not-a-signed-token"))
    assert Attachment.objects.count() == 0
    assert Grievance.objects.count() == 1


def test_a_file_that_is_not_a_photo_or_pdf_is_refused_by_content_whatever_its_name(client):
    response = client.post("/en/grievances/new/", form_data(attachments=pdf_named_but_text()))
    assert response.status_code == 200
    assert "“report.pdf” is not in a format accepted here." in response.content.decode()
    assert Grievance.objects.count() == 0


def pdf_named_but_text():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("report.pdf", b"MZ\x90\x00 this is an executable", content_type="application/pdf")


def test_a_file_over_the_size_limit_is_refused_with_a_message(client, settings):
    settings.UPLOAD_MAX_FILE_BYTES = 1024 * 1024
    response = client.post("/en/grievances/new/", form_data(attachments=big_png(2 * 1024 * 1024)))
    assert "is larger than 1 MB" in response.content.decode()
    assert Grievance.objects.count() == 0


def big_png(size):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("big.png", PNG_BYTES + b"\x00" * size, content_type="image/png")


def test_too_many_attachments_are_refused(client, settings):
    settings.GRM_MAX_ATTACHMENTS = 1
    response = client.post("/en/grievances/new/", form_data(attachments=[png(), pdf()]))
    assert "Attach at most 1 file." in response.content.decode()


def test_answer_by_email_needs_an_email_address(client):
    response = client.post("/en/grievances/new/", form_data(preferred_contact="email"))
    assert "To get the answer by e-mail, give your e-mail address." in response.content.decode()


def test_the_honeypot_field_filled_in_blocks_the_submission(client):
    response = submit(client, form_data(homepage="http://spam.example"))
    assert response.status_code == 200
    assert Grievance.objects.count() == 0


def test_html_typed_in_the_form_is_shown_as_text(client):
    response = submit(client, form_data(summary="<script>alert(1)</script>", consent=None))
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_csrf_token_is_required():
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(NEW_URL, form_data())
    assert response.status_code == 403
    assert Grievance.objects.count() == 0


def test_submissions_over_the_per_ip_limit_get_a_translated_429_and_keep_the_text(client, settings):
    settings.GRM_SUBMISSION_RATE_LIMIT = "2/h"
    submit(client, form_data())
    submit(client, form_data())
    response = client.post("/en/grievances/new/", form_data(summary="Third one"))
    assert response.status_code == 429
    assert "Many forms were sent from this connection" in response.content.decode()
    assert "Third one" in response.content.decode()
    assert Grievance.objects.count() == 2


def test_repeats_of_one_submission_count_towards_the_limit(client, settings):
    settings.GRM_SUBMISSION_RATE_LIMIT = "2/h"
    data = form_data()
    assert submit(client, data).status_code == 302
    assert submit(client, data).status_code == 302
    assert submit(client, data).status_code == 429
    assert Grievance.objects.count() == 1


def test_other_addresses_are_not_limited(client, settings):
    settings.GRM_SUBMISSION_RATE_LIMIT = "1/h"
    submit(client, form_data(), REMOTE_ADDR="10.0.0.1")
    assert submit(client, form_data(), REMOTE_ADDR="10.0.0.2").status_code == 302


def test_an_oversize_body_gets_a_friendly_413_page(client, settings):
    settings.REQUEST_MAX_BYTES = 1000
    response = client.post("/en/grievances/new/", form_data(summary="x" * 2000))
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()


def test_form_fields_over_the_memory_limit_get_the_413_page_not_a_500(client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    response = client.post("/mn/grievances/new/", form_data(summary="x" * 2000))
    assert response.status_code == 413
    assert '<html lang="mn">' in response.content.decode()


def test_an_email_address_puts_one_confirmation_in_the_outbox_sent_after_commit(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, form_data(email="tsetseg@example.mn", preferred_language="en"))
    grievance = Grievance.objects.get()
    message = OutboxMessage.objects.get()
    assert message.status == OutboxStatus.SENT
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["tsetseg@example.mn"]
    assert grievance.registered_no in mail.outbox[0].subject
    code = confirmation_shown(client.get("/mn/grievances/new/done/"))["tracking_code"]
    assert code not in mail.outbox[0].body
    assert code not in message.body


def test_no_email_address_means_no_outbox_message(client):
    submit(client, form_data())
    assert OutboxMessage.objects.count() == 0


def test_easy_read_page_answers_in_each_language(client):
    for language in ["mn", "en", "kk"]:
        response = client.get(f"/{language}/grievances/how-it-works/")
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()


def test_kept_files_nobody_came_back_for_are_cleaned_up(client):
    from grievances import uploads

    submit(client, form_data(consent=None, attachments=pdf("plan.pdf")))
    assert uploads.incoming_files_remove_stale(older_than_seconds=3600) == 0
    assert uploads.incoming_files_remove_stale(older_than_seconds=-1) == 1
