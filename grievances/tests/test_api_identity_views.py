"""Issue 15, hole 3: every read of a complainant's identity is logged, whatever the door.

The admin's case page writes a "details viewed" history entry; the API's list,
detail, e-mail and phone search and transition answers, and the downloads of
attachments and referral letters, write the same one, one per case shown per
request, with its audit log entry.
"""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from rest_framework.test import APIClient

from audit.models import AuditAction, AuditEntry
from grievances.models import Attachment, EventType, GrievanceEvent, ReferralLetter
from grievances.tests.factories import case_in_state, register_grievance, user_with_role
from grievances.workflow import State
from smartgov import roles

pytestmark = pytest.mark.django_db
LIST = "/api/grievances/"


def _client(role):
    client = APIClient()
    client.user = user_with_role(role)
    client.force_authenticate(client.user)
    return client


def _viewed(**filters):
    return GrievanceEvent.objects.filter(event_type=EventType.COMPLAINANT_VIEWED, **filters)


def _identity_audited(case, user):
    return AuditEntry.objects.filter(
        action=AuditAction.IDENTITY_VIEWED, object_type="grievances.grievance", object_id=str(case.pk), actor=user
    ).count()


def test_a_page_of_the_list_logs_each_case_it_shows_once():
    cases = [register_grievance(complainant={"name": f"Person {n}"}) for n in range(3)]
    officer = _client(roles.PIU_OFFICER)
    response = officer.get(LIST, {"page_size": 2})
    shown = [row["id"] for row in response.json()["results"]]
    assert len(shown) == 2 and all(row["complainant"] for row in response.json()["results"])
    assert sorted(_viewed(actor=officer.user).values_list("grievance_id", flat=True)) == sorted(shown)
    assert {event.data["via"] for event in _viewed()} == {"api"}
    not_shown = next(case for case in cases if case.pk not in shown)
    assert _identity_audited(not_shown, officer.user) == 0
    assert [_identity_audited(case, officer.user) for case in cases if case.pk in shown] == [1, 1]


def test_reading_one_case_logs_it():
    case = register_grievance(complainant={"name": "Test Person"})
    officer = _client(roles.PIU_OFFICER)
    assert officer.get(f"{LIST}{case.pk}/").json()["complainant"]["name"] == "Test Person"
    assert _viewed(grievance=case, actor=officer.user).count() == 1
    assert _identity_audited(case, officer.user) == 1


def test_the_e_mail_and_phone_search_logs_the_cases_it_finds():
    found = register_grievance(complainant={"email": "tsetseg@example.mn", "phone": "99112233"})
    register_grievance(complainant={"email": "other@example.mn"})
    officer = _client(roles.PIU_OFFICER)
    for search in ({"email": "Tsetseg@example.mn"}, {"phone": "+976 9911-2233"}):
        assert [row["id"] for row in officer.get(LIST, search).json()["results"]] == [found.pk]
    assert list(_viewed().values_list("grievance_id", flat=True)) == [found.pk, found.pk]
    assert _identity_audited(found, officer.user) == 2


def test_a_transition_s_answer_shows_the_complainant_and_is_logged():
    case = case_in_state(State.REGISTERED, complainant={"name": "Test Person"})
    officer = _client(roles.PIU_OFFICER)
    response = officer.post(f"{LIST}{case.pk}/acknowledge/", {}, format="json")
    assert response.status_code == 200 and response.json()["complainant"]["name"] == "Test Person"
    assert _viewed(grievance=case, actor=officer.user).count() == 1


@pytest.mark.parametrize("role", [roles.SAFEGUARDS_SPECIALIST, roles.PSC_MEMBER])
def test_answers_without_the_complainant_log_nothing(role):
    reader = _client(role)
    case = case_in_state(State.IN_PROGRESS, complainant={"name": "Test Person"})
    case.assigned_to = reader.user
    case.save(update_fields=["assigned_to"])
    assert "complainant" not in reader.get(f"{LIST}{case.pk}/").json()
    assert "complainant" not in reader.get(LIST).json()["results"][0]
    assert not _viewed().exists()
    assert not AuditEntry.objects.filter(action=AuditAction.IDENTITY_VIEWED).exists()


def test_downloading_an_attachment_or_a_referral_letter_logs_a_view(client):
    case = register_grievance(complainant={"name": "Test Person"})
    attachment = Attachment.objects.create(
        grievance=case,
        file=ContentFile(b"%PDF-1.4 photo", name="photo.pdf"),
        original_name="photo.pdf",
        content_type="application/pdf",
        size=14,
    )
    letter = ReferralLetter.objects.create(
        grievance=case,
        event=case.events.first(),
        language="mn",
        file=ContentFile(b"%PDF-1.4 referral", name="referral.pdf"),
    )
    officer = user_with_role(roles.PIU_OFFICER)
    client.force_login(officer)
    urls = [
        reverse("admin:grievances_grievance_attachment", args=[case.pk, attachment.pk]),
        reverse("admin:grievances_grievance_referral_letter", args=[case.pk, letter.pk]),
    ]
    for url in urls:
        assert client.get(url).status_code == 200
    assert sorted(event.data["via"] for event in _viewed(grievance=case, actor=officer)) == [
        "attachments",
        "referral_letters",
    ]
    assert _identity_audited(case, officer) == 2
