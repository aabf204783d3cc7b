"""Refused POSTs cannot fill the disk: nothing kept from a rate-limited POST, kept files capped and counted."""

from pathlib import Path

import pytest

from grievances import tracking, uploads
from grievances.models import Grievance, State
from grievances.tests.factories import case_in_state
from grievances.tests.public_helpers import PDF_BYTES, form_data, pdf, png, public_setup  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]
URL = "/en/grievances/new/"
NOT_KEPT = "was not kept: choose it again when you send the form."


def kept_files(settings):
    folder = Path(settings.MEDIA_ROOT) / uploads.INCOMING_DIR
    return [path for path in folder.rglob("*") if path.is_file()] if folder.exists() else []


def invalid_post_with(client, *files, address="192.0.2.10"):
    """A POST with files whose form has an error elsewhere (no consent): accepted files are kept for the next try."""
    return client.post(URL, form_data(consent=None, attachments=list(files)), REMOTE_ADDR=address)


def test_a_rate_limited_post_keeps_none_of_its_files(client, settings):
    settings.GRM_SUBMISSION_RATE_LIMIT = "1/h"
    assert client.post(URL, form_data(), REMOTE_ADDR="192.0.2.10").status_code == 302
    response = client.post(URL, form_data(attachments=[png(), pdf()]), REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 429
    assert kept_files(settings) == []
    assert response.context["form"].kept_files == []
    assert NOT_KEPT in response.content.decode()


def test_a_refused_post_that_kept_files_counts_toward_the_submission_limit(client, settings):
    settings.GRM_SUBMISSION_RATE_LIMIT = "2/h"
    assert invalid_post_with(client, pdf()).status_code == 200
    assert invalid_post_with(client, pdf()).status_code == 200
    assert len(kept_files(settings)) == 2
    response = client.post(URL, form_data(attachments=pdf()), REMOTE_ADDR="192.0.2.10")
    assert response.status_code == 429
    assert len(kept_files(settings)) == 2
    assert Grievance.objects.count() == 0


def test_a_refused_post_that_stored_nothing_does_not_count(client, settings):
    settings.GRM_SUBMISSION_RATE_LIMIT = "1/h"
    client.post(URL, form_data(consent=None), REMOTE_ADDR="192.0.2.10")
    assert client.post(URL, form_data(), REMOTE_ADDR="192.0.2.10").status_code == 302


def test_kept_bytes_are_capped_per_address(client, settings):
    settings.GRM_KEPT_UPLOAD_BYTES_PER_CLIENT = len(PDF_BYTES) * 3 // 2
    first = invalid_post_with(client, pdf("one.pdf"))
    assert [item.name for item in first.context["form"].kept_files] == ["one.pdf"]
    second = invalid_post_with(client, pdf("two.pdf"))
    assert second.context["form"].kept_files == []
    assert NOT_KEPT in second.content.decode()
    assert len(kept_files(settings)) == 1
    other_address = invalid_post_with(client, pdf("three.pdf"), address="198.51.100.20")
    assert [item.name for item in other_address.context["form"].kept_files] == ["three.pdf"]


def test_kept_bytes_are_capped_in_total(client, settings):
    settings.GRM_KEPT_UPLOAD_BYTES_TOTAL = len(PDF_BYTES) * 5 // 2
    for number, address in enumerate(["192.0.2.1", "192.0.2.2"]):
        response = invalid_post_with(client, pdf(f"{number}.pdf"), address=address)
        assert len(response.context["form"].kept_files) == 1
    third = invalid_post_with(client, pdf("late.pdf"), address="192.0.2.3")
    assert third.context["form"].kept_files == []
    assert len(kept_files(settings)) == 2


def test_a_file_already_kept_is_offered_again_without_counting_twice(client, settings):
    settings.GRM_KEPT_UPLOAD_BYTES_PER_CLIENT = len(PDF_BYTES) * 3 // 2
    first = invalid_post_with(client, pdf("one.pdf"))
    token = first.context["form"].kept_files[0].token
    again = client.post(URL, form_data(consent=None, keep_attachment=token), REMOTE_ADDR="192.0.2.10")
    assert [item.name for item in again.context["form"].kept_files] == ["one.pdf"]
    assert NOT_KEPT not in again.content.decode()


def test_when_the_cache_is_down_files_are_not_kept_and_the_form_still_answers(client, settings, monkeypatch):
    from django.core.cache import cache

    def down(*args, **kwargs):
        raise ConnectionError("Redis is down")

    monkeypatch.setattr(cache, "add", down)
    monkeypatch.setattr(cache, "incr", down)
    response = invalid_post_with(client, pdf())
    assert response.status_code == 200
    assert kept_files(settings) == []
    assert NOT_KEPT in response.content.decode()


def test_a_rate_limited_reply_on_the_tracking_page_keeps_none_of_its_files(client, settings):
    settings.GRM_REPLY_RATE_LIMIT = "1/h"
    grievance = case_in_state(State.IN_PROGRESS)
    code = "ABCD-EFGH-JKMN"
    Grievance.objects.filter(pk=grievance.pk).update(tracking_code_hash=tracking.tracking_code_hash(code))
    body = {"registered_no": grievance.registered_no, "code": code, "action": "reply", "text": ""}
    client.post("/en/grievances/track/", {**body, "text": "First"})
    response = client.post("/en/grievances/track/", {**body, "attachments": pdf()})
    assert response.status_code == 429
    assert kept_files(settings) == []
