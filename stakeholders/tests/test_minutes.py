"""An event's minutes with annexes A to C as PDF, and its evidence: attendance sheets and photographs."""

import io
import subprocess

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from disclosure.tests.factories import pdf_upload
from grievances.tests.test_photo_metadata import GPS_IFD, phone_exif
from smartgov.uploads import RefusedUpload
from stakeholders import demo
from stakeholders.evidence import event_evidence_attach, event_evidence_update
from stakeholders.minutes import render_event_minutes_pdf
from stakeholders.models import ConsultationEvent, EvidenceKind
from stakeholders.tests.factories import ConsultationEventFactory

pytestmark = pytest.mark.django_db


class _Null:
    def write(self, text):
        pass


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def december_meeting():
    demo.load(_Null())
    return ConsultationEvent.objects.get(starts_on="2021-12-17")


def pdf_text(content, tmp_path):
    path = tmp_path / "minutes.pdf"
    path.write_bytes(content)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def photo_with_position():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "green").save(buffer, "JPEG", exif=phone_exif())
    return SimpleUploadedFile("IMG_0001.jpg", buffer.getvalue(), content_type="image/jpeg")


def test_english_minutes_have_the_agenda_the_responses_and_the_participants(december_meeting, tmp_path):
    text = pdf_text(render_event_minutes_pdf(event_id=december_meeting.pk, language="en"), tmp_path)

    assert "Annex A. Agenda" in text and "Annex B. Comments received and responses" in text
    assert "Annex C. Participants" in text
    assert "December 17, 2021" in text
    assert "Government 0 0 32 32" in text and "Non-government 0 0 15 15" in text and "Total 0 0 47 47" in text
    assert "Response: Accepted." in text or "Response: Partly accepted." in text
    assert "National Data Center (NDC)" in text


def test_mongolian_minutes_are_in_mongolian(december_meeting, tmp_path):
    text = pdf_text(render_event_minutes_pdf(event_id=december_meeting.pk, language="mn"), tmp_path)

    assert "2021 оны 12 дугаар сарын 17" in text
    assert "Annex" not in text and "А хавсралт. Хөтөлбөр" in text and "В хавсралт. Оролцогчид" in text


def test_staff_open_the_minutes_in_the_admin_and_the_public_cannot(december_meeting, client, admin_client):
    url = f"/admin/stakeholders/consultationevent/{december_meeting.pk}/minutes/en/"

    response = admin_client.get(url)

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert client.get(url).status_code == 302  # to the sign-in page
    assert admin_client.get(url.replace("/en/", "/fr/")).status_code == 404


def test_a_photograph_is_stored_without_its_position():
    event = ConsultationEventFactory()

    evidence = event_evidence_attach(event=event, kind=EvidenceKind.PHOTOGRAPH, upload=photo_with_position())

    with evidence.file.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif().get_ifd(GPS_IFD)
    assert (evidence.content_type, evidence.original_name, evidence.is_published) == (
        "image/jpeg",
        "IMG_0001.jpg",
        False,
    )


def test_evidence_is_checked_like_the_public_forms_attachments():
    event = ConsultationEventFactory()
    fake = SimpleUploadedFile("sheet.pdf", b"<html>not a pdf</html>", content_type="application/pdf")

    with pytest.raises(RefusedUpload):
        event_evidence_attach(event=event, kind=EvidenceKind.ATTENDANCE_SHEET, upload=fake)


def test_evidence_is_staff_only_until_published(client, admin_client):
    event = ConsultationEventFactory()
    sheet = event_evidence_attach(
        event=event, kind=EvidenceKind.ATTENDANCE_SHEET, upload=pdf_upload(name="sheet.pdf"), caption_en="Signed list"
    )
    public_url = f"/en/consultations/evidence/{sheet.pk}/{sheet.download_name}"

    assert client.get(public_url).status_code == 404
    assert "Signed list" not in client.get(f"/en/consultations/{event.pk}/").content.decode()
    assert admin_client.get(f"/admin/stakeholders/consultationevent/evidence/{sheet.pk}/").status_code == 200

    event_evidence_update(evidence=sheet, data={"is_published": True})

    assert client.get(public_url).status_code == 200
    assert "Signed list" in client.get(f"/en/consultations/{event.pk}/").content.decode()


def test_published_evidence_of_an_unpublished_event_stays_private(client):
    event = ConsultationEventFactory(is_published=False)
    photo = event_evidence_attach(event=event, kind=EvidenceKind.PHOTOGRAPH, upload=photo_with_position())
    event_evidence_update(evidence=photo, data={"is_published": True})

    assert client.get(f"/en/consultations/evidence/{photo.pk}/{photo.download_name}").status_code == 404


def test_publishing_evidence_and_registering_are_in_the_audit_log(admin_user):
    from audit.models import AuditAction, AuditEntry
    from stakeholders.registrations import event_registration_create

    event = ConsultationEventFactory(starts_on="2099-01-01")
    sheet = event_evidence_attach(event=event, kind=EvidenceKind.ATTENDANCE_SHEET, upload=pdf_upload(name="s.pdf"))
    event_evidence_update(evidence=sheet, data={"is_published": True})
    registration = event_registration_create(event=event, consent=True, name="Дулмаа", contact="99112233")

    changed = AuditEntry.objects.get(object_type="stakeholders.eventevidence", action=AuditAction.CHANGED)
    assert changed.changes["values"]["is_published"] == [False, True]
    created = AuditEntry.objects.get(object_type="stakeholders.eventregistration", object_id=str(registration.pk))
    assert "Дулмаа" not in str(created.changes) and "99112233" not in str(created.changes)
