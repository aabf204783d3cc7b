import pytest

from stakeholders.models import FeedbackItem, Level, ResponseDecision

from .factories import ConsultationEventFactory, StakeholderFactory, feedback_on, safeguards_specialist

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    """The admin in English, whatever the default language."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_grid_page_draws_the_register_with_a_table_and_the_gaps(client):
    StakeholderFactory(name_en="Ministry of Finance", interest=Level.MEDIUM, influence=Level.HIGH)
    client.force_login(safeguards_specialist())
    response = client.get("/admin/stakeholders/stakeholder/grid/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert html.count("Ministry of Finance") == 2  # once in the drawing, once in the table
    assert "Manage closely" in html and "Keep satisfied" in html
    assert "Herders" in html.split("Vulnerable groups no stakeholder represents yet")[1]


def test_the_grid_page_needs_the_register_permission(client):
    from .factories import UserFactory

    client.force_login(UserFactory())
    assert client.get("/admin/stakeholders/stakeholder/grid/").status_code == 403


def test_the_safeguards_specialist_can_search_and_filter_the_register(client):
    StakeholderFactory(name_en="Association of the Deaf")
    client.force_login(safeguards_specialist())
    response = client.get("/admin/stakeholders/stakeholder/", {"q": "Deaf", "interest__exact": "high"})
    assert response.status_code == 200
    assert "Association of the Deaf" in response.content.decode()


def test_an_admin_refusal_without_a_reason_is_rejected_and_nothing_is_saved(client):
    item = feedback_on(ConsultationEventFactory())
    client.force_login(safeguards_specialist())
    url = f"/admin/stakeholders/feedbackitem/{item.pk}/change/"
    data = {
        "source": item.source,
        "topic_mn": "",
        "topic_en": "",
        "text_mn": item.text,
        "text_en": "",
        "received_at_0": "2021-12-17",
        "received_at_1": "10:00:00",
        "author_name": "",
        "author_organisation": "",
        "author_contact": "",
        "decision": ResponseDecision.NOT_ACCEPTED,
        "reason_mn": "",
        "reason_en": "",
        "reflected_in_mn": "",
        "reflected_in_en": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Give the reason for this response." in response.content.decode()
    assert FeedbackItem.objects.get(pk=item.pk).decision == ""
    data["reason_en"] = "Outside the project components."
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert item.decision == ResponseDecision.NOT_ACCEPTED and item.responded_at is not None


def test_an_admin_response_is_recorded_once_by_the_service_with_the_responder(client):
    item = feedback_on(ConsultationEventFactory())
    specialist = safeguards_specialist()
    client.force_login(specialist)
    data = {
        "source": item.source,
        "text_mn": item.text,
        "text_en": "",
        "received_at_0": "2021-12-17",
        "received_at_1": "10:00:00",
        "decision": ResponseDecision.ACCEPTED,
        "reflected_in_en": "SEP, section 6",
    }
    assert client.post(f"/admin/stakeholders/feedbackitem/{item.pk}/change/", data).status_code == 302
    item.refresh_from_db()
    assert (item.decision, item.reflected_in_en, item.responded_by) == ("accepted", "SEP, section 6", specialist)


def test_feedback_added_in_the_admin_goes_through_the_services(client):
    client.force_login(safeguards_specialist())
    data = {
        "source": "other_channel",
        "text_mn": " Дохионы хэлмэрч хэрэгтэй. ",
        "text_en": "",
        "received_at_0": "2021-12-17",
        "received_at_1": "10:00:00",
        "decision": ResponseDecision.NOT_ACCEPTED,
        "reason_mn": "",
        "reason_en": "",
    }
    response = client.post("/admin/stakeholders/feedbackitem/add/", data)
    assert "Give the reason for this response." in response.content.decode()
    assert not FeedbackItem.objects.exists()
    data["decision"] = ""
    assert client.post("/admin/stakeholders/feedbackitem/add/", data).status_code == 302
    item = FeedbackItem.objects.get()
    assert (item.text_mn, item.decision, item.responded_at) == ("Дохионы хэлмэрч хэрэгтэй.", "", None)


def _event_form_data(client, event):
    """The event's change form as the page sends it, with every inline empty."""
    response = client.get(f"/admin/stakeholders/consultationevent/{event.pk}/change/")
    data = {
        "title_mn": event.title_mn,
        "title_en": event.title_en,
        "kind": event.kind,
        "event_format": event.event_format,
        "starts_on": event.starts_on.isoformat(),
        "responsible_body_mn": event.responsible_body_mn,
        "responsible_body_en": event.responsible_body_en,
        "project_stage": event.project_stage,
        "is_published": "on",
    }
    for inline in response.context["inline_admin_formsets"]:
        prefix = inline.formset.prefix
        data |= {f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"}
    return data


def test_points_raised_at_an_event_are_recorded_through_the_service(client):
    event = ConsultationEventFactory()
    client.force_login(safeguards_specialist())
    data = _event_form_data(client, event)
    prefix = "stakeholders-feedbackitem-subject_type-subject_id"
    data |= {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-0-text_mn": "Аймгийн төвд бас уулзалт хийх.",
        f"{prefix}-0-text_en": "Hold meetings in the aimag centres too.",
        f"{prefix}-0-received_at_0": "2021-12-17",
        f"{prefix}-0-received_at_1": "11:00:00",
    }
    response = client.post(f"/admin/stakeholders/consultationevent/{event.pk}/change/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    item = FeedbackItem.objects.get()
    assert (item.subject, item.source) == (event, "event")
    assert (item.text_mn, item.text_en) == ("Аймгийн төвд бас уулзалт хийх.", "Hold meetings in the aimag centres too.")


def test_evidence_uploaded_in_the_admin_is_checked_stripped_and_kept_private(client, settings, tmp_path):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from grievances.tests.test_photo_metadata import GPS_IFD, phone_exif
    from stakeholders.models import EventEvidence

    settings.MEDIA_ROOT = tmp_path / "media"
    event = ConsultationEventFactory()
    client.force_login(safeguards_specialist())
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "JPEG", exif=phone_exif())
    data = _event_form_data(client, event)
    data |= {
        "evidence-TOTAL_FORMS": "1",
        "evidence-0-kind": "photograph",
        "evidence-0-caption_mn": "Уулзалтын зураг",
        "evidence-0-caption_en": "The meeting",
        "evidence-0-file": SimpleUploadedFile("meeting.jpg", buffer.getvalue(), content_type="image/jpeg"),
    }

    response = client.post(f"/admin/stakeholders/consultationevent/{event.pk}/change/", data)

    assert response.status_code == 302, response.content.decode()[:3000]
    evidence = EventEvidence.objects.get()
    assert (evidence.kind, evidence.caption_en, evidence.is_published) == ("photograph", "The meeting", False)
    assert evidence.uploaded_by.username == "safeguards-specialist"
    with evidence.file.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif().get_ifd(GPS_IFD)


def test_a_file_that_is_not_a_picture_or_pdf_is_refused_in_the_admin(client, settings, tmp_path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from stakeholders.models import EventEvidence

    settings.MEDIA_ROOT = tmp_path / "media"
    event = ConsultationEventFactory()
    client.force_login(safeguards_specialist())
    data = _event_form_data(client, event)
    data |= {
        "evidence-TOTAL_FORMS": "1",
        "evidence-0-kind": "attendance_sheet",
        "evidence-0-file": SimpleUploadedFile("sheet.pdf", b"MZ\x90\x00 a program", content_type="application/pdf"),
    }

    response = client.post(f"/admin/stakeholders/consultationevent/{event.pk}/change/", data)

    assert response.status_code == 200 and "not in a format accepted here" in response.content.decode()
    assert not EventEvidence.objects.exists()
