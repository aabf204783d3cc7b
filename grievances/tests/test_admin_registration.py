"""The one-page registration in the admin: one save registers the case with all it came with, or nothing."""

import re
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from grievances import uploads
from grievances.models import Attachment, Complainant, Grievance
from grievances.tests.factories import user_with_role
from grievances.tests.public_helpers import pdf, png
from smartgov import roles

pytestmark = pytest.mark.django_db
ADD = reverse("admin:grievances_grievance_add")
CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")
MESSAGE = "Сайн байна уу. Манай багийн зам хаагдсан, эмнэлэг рүү явж чадахгүй байна. Батбаяр"
COMPLAINANT = {
    "name": "Батбаяр Дорж",
    "phone": "9911 2233",
    "email": "batbayar@example.mn",
    "address": "Баян-Өлгий, Цэнгэл сум, 3-р баг",
    "preferred_contact": "letter",
    "preferred_language": "kk",
    "vulnerable_groups": "herder",
}
# Who and where, asked with the reason: kept on the case (grievances/who_and_where.py).
PROFILE = {"aimag": "MN-071", "gender": "male", "age_group": "35_59", "disability": "no"}


@pytest.fixture
def officer_client(officer_client, settings):
    """The officer, with the admin in English (the messages are compared in English)."""
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return officer_client


def _form(**overrides):
    data = {
        "kind": "complaint",
        "channel": "written",
        "received_at_0": "2024-03-04",
        "received_at_1": "09:30",
        **{f"complainant_{name}": value for name, value in COMPLAINANT.items()},
        **PROFILE,
        "vulnerable_groups": ["herder", "remote_or_ger_area"],
        "message": MESSAGE,
        "message_language": "mn",
        "summary_mn": "Замын ажлын улмаас эмнэлэг рүү очих зам хаагдсан",
        "summary_en": "Road works blocked the way to the clinic",
        "location": "Баян-Өлгий, Цэнгэл сум",
        "details": "",
    }
    data.update(overrides)
    return data


def _not_a_pdf(name="receipt.pdf"):
    return SimpleUploadedFile(name, b"MZ this is a program, not a document", content_type="application/pdf")


def test_one_save_registers_the_case_its_complainant_message_language_and_two_files(officer_client):
    response = officer_client.post(ADD, _form(attachments=[pdf("letter.pdf"), png("envelope.png")]), follow=True)

    grievance = Grievance.objects.get()
    messages = " ".join(str(message) for message in response.context["messages"])
    assert grievance.registered_no in messages
    assert (grievance.kind, grievance.channel) == ("complaint", "written")
    assert timezone.localtime(grievance.received_at).strftime("%Y-%m-%d %H:%M") == "2024-03-04 09:30"
    assert (grievance.message, grievance.message_language) == (MESSAGE, "mn")
    assert grievance.summary_en == "Road works blocked the way to the clinic"
    complainant = Complainant.objects.get(grievance=grievance)
    assert {name: getattr(complainant, name) for name in COMPLAINANT} == COMPLAINANT
    assert {name: getattr(grievance, name) for name in PROFILE} == PROFILE
    assert grievance.vulnerable_groups == ",herder,remote_or_ger_area,"
    files = Attachment.objects.filter(grievance=grievance).order_by("original_name")
    assert [(f.original_name, f.content_type) for f in files] == [
        ("envelope.png", "image/png"),
        ("letter.pdf", "application/pdf"),
    ]
    assert files[1].file.read().startswith(b"%PDF")
    receipt = officer_client.get(reverse("admin:grievances_grievance_receipt", args=[grievance.pk])).content.decode()
    assert grievance.registered_no in receipt and CODE.search(receipt)


def test_a_case_the_focal_point_registers_is_sensitive_from_its_first_save(officer_client, settings):
    focal_point = Client()
    focal_point.force_login(user_with_role(roles.SEA_SH_FOCAL_POINT))
    focal_point.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert 'id="registers-sensitive"' in focal_point.get(ADD).content.decode()
    focal_point.post(ADD, _form(channel="hotline"), follow=True)

    grievance = Grievance.objects.get()
    assert grievance.sensitive
    receipt = focal_point.get(reverse("admin:grievances_grievance_receipt", args=[grievance.pk])).content.decode()
    assert grievance.registered_no in receipt and CODE.search(receipt)
    case_page = reverse("admin:grievances_grievance_change", args=[grievance.pk])
    assert officer_client.get(case_page).status_code == 404
    assert focal_point.get(case_page).status_code == 200


def test_an_officer_registers_an_ordinary_case_and_is_not_told_otherwise(officer_client):
    assert 'id="registers-sensitive"' not in officer_client.get(ADD).content.decode()
    officer_client.post(ADD, _form())
    assert not Grievance.objects.get().sensitive


def test_the_form_is_sent_as_multipart_with_every_section_named_by_a_legend(officer_client):
    page = officer_client.get(ADD).content.decode()

    assert 'enctype="multipart/form-data"' in page
    legends = re.findall(r"<legend><h2[^>]*>([^<]+)</h2></legend>", page)
    assert legends == [
        "The feedback",
        "The complainant",
        "Who and where (optional)",
        "The message as received",
        "Public summaries for the report",
        "Details",
    ]


def test_a_refused_file_keeps_everything_typed_and_registers_nothing(officer_client):
    response = officer_client.post(ADD, _form(attachments=[pdf("letter.pdf"), _not_a_pdf("receipt.pdf")]))

    assert response.status_code == 200
    assert not Grievance.objects.exists() and not Attachment.objects.exists()
    form = response.context["adminform"].form
    refused, what_to_do = form.errors["attachments"]
    assert refused.startswith("“receipt.pdf” is not in a format accepted here")
    assert what_to_do == "The other files are kept: choose only a replacement for the refused one."
    page = response.content.decode()
    assert page.index("error-summary") < page.index('id="id_kind"')  # listed at the top, linked to the field
    assert 'href="#id_attachments"' in page
    for typed in (MESSAGE, COMPLAINANT["name"], COMPLAINANT["address"], "Road works blocked the way to the clinic"):
        assert typed in page
    # The file that passed is kept for the next try: only the refused one must be chosen again (or left out).
    [kept] = form.kept_files
    assert kept.name == "letter.pdf"
    assert f'name="keep_attachment" value="{kept.token}" checked' in page

    officer_client.post(ADD, _form(keep_attachment=[kept.token]))

    assert list(Grievance.objects.get().attachments.values_list("original_name", flat=True)) == ["letter.pdf"]


def test_a_file_that_cannot_be_stored_leaves_no_case_behind(officer_client, monkeypatch):
    store = uploads.attachment_store

    def second_fails(*, grievance, checked):
        if checked.name == "envelope.png":
            raise OSError("disk full")
        return store(grievance=grievance, checked=checked)

    monkeypatch.setattr(uploads, "attachment_store", second_fails)

    with pytest.raises(OSError):
        officer_client.post(ADD, _form(attachments=[pdf("letter.pdf"), png("envelope.png")]))

    assert not Grievance.objects.exists() and not Complainant.objects.exists() and not Attachment.objects.exists()
    monkeypatch.setattr(uploads, "attachment_store", store)
    officer_client.post(ADD, _form())
    assert Grievance.objects.get().registered_no == "f-2024/01"  # the number was given back


def test_the_received_date_and_time_default_to_now_in_ulaanbaatar(officer_client, settings):
    settings.TIME_ZONE = "Asia/Ulaanbaatar"
    before = timezone.localtime().replace(second=0, microsecond=0)

    form = officer_client.get(ADD).context["adminform"].form

    shown = form["received_at"].value()
    assert before <= shown <= timezone.localtime()
    assert shown.tzinfo is not None and shown.utcoffset() == timedelta(hours=8)


def test_a_future_date_is_refused_and_nothing_is_registered(officer_client):
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = officer_client.post(ADD, _form(received_at_0=tomorrow.isoformat()))

    assert response.context["adminform"].form.errors["received_at"] == ["The case cannot be received in the future."]
    assert not Grievance.objects.exists()


def test_a_date_before_the_grm_was_launched_is_refused(officer_client, settings):
    settings.GRM_LAUNCH_DATE = "2015-09-15"

    response = officer_client.post(ADD, _form(received_at_0="2015-09-14"))

    assert response.context["adminform"].form.errors["received_at"] == [
        "The case cannot be received before the GRM was launched on 2015-09-15."
    ]


def test_a_time_typed_in_the_current_minute_counts_as_now(officer_client):
    now = timezone.localtime()
    later_this_minute = now.replace(second=59)

    officer_client.post(
        ADD, _form(received_at_0=now.date().isoformat(), received_at_1=later_this_minute.strftime("%H:%M:%S"))
    )

    assert Grievance.objects.get().received_at <= timezone.now()


def test_the_message_is_required_and_its_language_defaults_to_the_officer_s(officer_client, settings):
    form = officer_client.get(ADD).context["adminform"].form
    assert form["message_language"].initial == "en"
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "mn"
    assert officer_client.get(ADD).context["adminform"].form["message_language"].initial == "mn"
    officer_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    response = officer_client.post(ADD, _form(message=""))

    assert response.context["adminform"].form.errors["message"] == [
        "Write the message as the complainant said or wrote it."
    ]
    assert not Grievance.objects.exists()


def test_the_website_is_not_a_channel_the_officer_registers(officer_client):
    form = officer_client.get(ADD).context["adminform"].form
    assert "website" not in [value for value, _label in form.fields["channel"].choices]

    response = officer_client.post(ADD, _form(channel="website"))

    assert "channel" in response.context["adminform"].form.errors


def test_each_public_summary_says_its_language(officer_client):
    page = officer_client.get(ADD).content.decode()

    for code, language in (("mn", "Mongolian"), ("en", "English")):
        assert f'<label for="id_summary_{code}">Public summary — {language}:</label>' in page
        assert re.search(rf'<textarea [^>]*lang="{code}"[^>]*id="id_summary_{code}"', page)


def test_an_answer_by_letter_needs_the_postal_address(officer_client):
    response = officer_client.post(ADD, _form(complainant_address="", complainant_preferred_contact="letter"))

    assert response.context["adminform"].form.errors["complainant_address"] == [
        "The complainant wants an answer by letter: write their postal address."
    ]


def test_an_anonymous_caller_needs_nothing_but_the_message(officer_client):
    data = _form(**{f"complainant_{name}": "" for name in COMPLAINANT}, summary_mn="", summary_en="", location="")

    officer_client.post(ADD, data)

    complainant = Grievance.objects.get().complainant
    assert complainant.is_anonymous
    assert complainant.preferred_language == "mn"  # messages, if any, in the language they spoke


def test_a_file_over_the_cap_on_kept_files_is_named_to_be_chosen_again(officer_client, settings):
    settings.GRM_KEPT_UPLOAD_BYTES_PER_CLIENT = 10  # bytes: nothing can be kept for this officer
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = officer_client.post(ADD, _form(received_at_0=tomorrow.isoformat(), attachments=[pdf("letter.pdf")]))

    form = response.context["adminform"].form
    assert form.kept_files == []
    assert form.non_field_errors() == ["“letter.pdf” was not kept: choose it again when you send the form."]
    assert "“letter.pdf” was not kept: choose it again when you send the form." in response.content.decode()
