"""Each kind of event writes its audit entry: identity views, case changes, engagement records, exports, sign-ins.

No entry ever holds a personal value in clear: free texts are named, not copied.
"""

import csv
import json

import pytest
from django.test import RequestFactory
from django.urls import reverse

from audit import chain
from audit.actor import AuditActorMiddleware
from audit.models import AuditAction, AuditEntry
from disclosure import services as disclosure_services
from disclosure.tests.factories import make_version
from grievances import personal_data, services
from grievances.importer import COLUMNS, import_log
from grievances.models import Stage
from grievances.tests.factories import UserFactory, register_grievance, user_with_role
from reporting.tests.factories import ReportRecordFactory
from smartgov import roles
from stakeholders import services as stakeholder_services
from stakeholders.models import FeedbackSource, Representative
from stakeholders.tests.factories import ConsultationEventFactory, StakeholderFactory

pytestmark = pytest.mark.django_db

PERSON = {"name": "Oyunchimeg Batbayar", "email": "oyunchimeg@example.mn", "phone": "99118822"}
PASSWORD = "a-long-enough-password-2026"


def _entries(**filters):
    return list(AuditEntry.objects.filter(**filters).order_by("id"))


def _log_text():
    return json.dumps([[e.summary, e.changes, e.object_id] for e in AuditEntry.objects.all()], ensure_ascii=False)


@pytest.fixture(autouse=True)
def _sign_in_without_code(settings):
    settings.STAFF_REQUIRE_2FA = False


# --- cases ---------------------------------------------------------------------------------------


def test_registering_a_case_writes_one_entry_without_what_the_person_wrote():
    case = register_grievance(complainant=PERSON, message="My neighbour Dorj took the land")
    (entry,) = _entries(object_type="grievances.grievance", object_id=str(case.pk))
    assert (entry.action, entry.actor, entry.summary) == (
        AuditAction.CASE_CHANGED,
        None,
        f"{case.registered_no}: registered",
    )
    assert "Dorj" not in _log_text() and PERSON["name"] not in _log_text()


def test_a_transition_records_who_and_the_structured_old_and_new_values_never_the_note():
    officer = user_with_role(roles.PIU_OFFICER)
    case = register_grievance(complainant=PERSON)
    services.grievance_acknowledge(grievance=case, actor=officer, note="Called Oyunchimeg at home")
    services.grievance_escalate(grievance=case, actor=officer, stage=Stage.STEERING_COMMITTEE, note="Too hard")
    entry = _entries(object_id=str(case.pk))[-1]
    assert entry.actor == officer and entry.actor_username == officer.username
    assert entry.changes["event"] == "escalated"
    assert entry.changes["values"]["stage"] == [Stage.LOCAL, Stage.STEERING_COMMITTEE]
    assert "due_on" in entry.changes["values"]
    assert "Oyunchimeg" not in _log_text() and "Too hard" not in _log_text()


def test_an_edit_names_the_free_texts_changed_and_the_complainant_s_fields_without_values():
    officer = user_with_role(roles.PIU_OFFICER)
    case = register_grievance(complainant=PERSON)
    services.grievance_update(
        grievance=case, actor=officer, data={"internal_notes": "She lives at 5th khoroo", "kind": "complaint"}
    )
    services.complainant_update(complainant=case.complainant, actor=officer, data={"phone": "88001122"})
    edit, contact = _entries(object_id=str(case.pk))[-2:]
    assert edit.changes["fields"] == ["internal_notes", "kind"]
    assert edit.changes["values"] == {"kind": ["request", "complaint"]}
    assert contact.changes["fields"] == ["complainant.phone"] and "values" not in contact.changes
    assert "khoroo" not in _log_text() and "88001122" not in _log_text()


def test_the_admin_case_page_records_who_saw_the_complainant(client):
    officer = user_with_role(roles.PIU_OFFICER)
    case = register_grievance(complainant=PERSON)
    client.force_login(officer)
    client.get(reverse("admin:grievances_grievance_change", args=[case.pk]))
    (entry,) = _entries(action=AuditAction.IDENTITY_VIEWED)
    assert (entry.actor, entry.object_id, entry.summary) == (
        officer,
        str(case.pk),
        f"{case.registered_no}: complainant_viewed",
    )


def test_the_personal_data_export_is_recorded_for_each_case():
    officer = user_with_role(roles.PIU_OFFICER)
    cases = [register_grievance(complainant=PERSON) for _ in range(2)]
    personal_data.personal_data_export(actor=officer, email=PERSON["email"])
    exported = _entries(action=AuditAction.EXPORTED)
    assert [entry.object_id for entry in exported] == [str(case.pk) for case in cases]
    assert PERSON["email"] not in _log_text()


def test_anonymising_a_case_leaves_the_chain_whole():
    case = register_grievance(complainant=PERSON, message="Dorj took the land")
    services.grievance_update(grievance=case, actor=None, data={"details": "Near the school"})
    personal_data.grievance_anonymise(grievance_id=case.pk)
    assert _entries(object_id=str(case.pk))[-1].changes["event"] == "anonymised"
    assert chain.verify().intact


def test_an_import_chains_its_entries_after_the_cases(tmp_path):
    path = tmp_path / "log.csv"
    rows = [
        {"registered_no": "f-2020/01", "received_date": "2020-07-01", "kind": "complaint", "channel": "hotline"},
        {"registered_no": "f-2020/02", "received_date": "2020-07-02", "kind": "request", "channel": "email"},
    ]
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows({**row, "status": "resolving", "summary": "Road", "person": "Bat Dorj"} for row in rows)
    import_log(path)
    assert AuditEntry.objects.filter(action=AuditAction.CASE_CHANGED).count() == 4  # registered, acknowledged
    assert chain.verify().intact
    assert "Bat Dorj" not in _log_text()


# --- engagement records ------------------------------------------------------------------------------


def test_a_stakeholder_created_changed_and_deleted_is_recorded_with_structured_values():
    stakeholder = StakeholderFactory(interest="high")
    stakeholder.interest = "low"
    stakeholder.notes = "Met the director, Mr Bold"
    stakeholder.save()
    stakeholder.save()  # nothing changed: nothing recorded
    pk = stakeholder.pk
    stakeholder.delete()
    created, changed, deleted = _entries(object_type="stakeholders.stakeholder")
    assert [created.action, changed.action, deleted.action] == ["created", "changed", "deleted"]
    assert created.changes["values"]["interest"] == [None, "high"]
    # The notes in the active language's column too (django-modeltranslation): named, never copied.
    assert changed.changes == {"fields": ["interest", "notes", "notes_mn"], "values": {"interest": ["high", "low"]}}
    assert deleted.object_id == str(pk)
    assert "Bold" not in _log_text()


def test_a_representative_s_contact_details_are_named_never_copied():
    representative = Representative.objects.create(
        stakeholder=StakeholderFactory(), name="Bold Bat", email="bold@example.mn", phone="99001122"
    )
    representative.email = "bold.bat@example.mn"
    representative.save()
    created, changed = _entries(object_type="stakeholders.representative")
    assert {"name", "email", "phone"} <= set(created.changes["fields"])
    assert changed.changes == {"fields": ["email"]}
    assert [word for word in ("Bold", "bold@", "99001122") if word in _log_text()] == []


def test_a_change_made_in_a_request_names_the_signed_in_user():
    specialist = user_with_role(roles.SAFEGUARDS_SPECIALIST)
    stakeholder = StakeholderFactory()
    request = RequestFactory().post("/admin/stakeholders/stakeholder/")
    request.user = specialist

    def view(request):
        stakeholder.influence = "high"
        stakeholder.save(update_fields=["influence"])
        return None

    AuditActorMiddleware(view)(request)
    entry = _entries(object_type="stakeholders.stakeholder", action=AuditAction.CHANGED)[0]
    assert (entry.actor, entry.changes["values"]) == (specialist, {"influence": ["medium", "high"]})


def test_feedback_items_are_recorded_from_every_door():
    event = ConsultationEventFactory()
    item = stakeholder_services.feedback_item_create(
        subject=event, source=FeedbackSource.EVENT, text="More meetings", author_name="Saraa", author_contact="88"
    )
    stakeholder_services.feedback_item_respond(item=item, decision="accepted", reason="")
    created, responded = _entries(object_type="stakeholders.feedbackitem")
    assert created.action == "created" and responded.changes["values"]["decision"] == ["", "accepted"]
    assert "Saraa" not in _log_text()


def test_document_versions_are_recorded_when_created_and_published():
    specialist = user_with_role(roles.SAFEGUARDS_SPECIALIST)
    version = make_version(published=False)
    disclosure_services.version_publish(version=version, actor=specialist)
    created, published = _entries(object_type="disclosure.documentversion")
    assert created.action == "created"
    assert set(published.changes["values"]) == {"published_at", "published_by"}
    assert published.changes["values"]["published_by"] == [None, specialist.pk]


# --- exports ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, name",
    [
        ("admin:reporting_grievance_log_export", "grievance_log"),
        ("admin:reporting_sep_dashboard_export", "sep_dashboard"),
    ],
)
def test_each_table_export_is_recorded_with_its_period_and_format(client, url, name):
    specialist = user_with_role(roles.SAFEGUARDS_SPECIALIST)
    client.force_login(specialist)
    response = client.get(reverse(url), {"start": "2020-07-01", "end": "2020-12-31", "format": "xlsx"})
    assert response.status_code == 200
    (entry,) = _entries(action=AuditAction.EXPORTED)
    assert entry.actor == specialist
    assert entry.changes == {"export": name, "start": "2020-07-01", "end": "2020-12-31", "format": "xlsx"}


def test_a_report_download_is_recorded(client):
    viewer = user_with_role(roles.WORLD_BANK_VIEWER)
    record = ReportRecordFactory()
    client.force_login(viewer)
    assert client.get(reverse("reporting:record_download", args=[record.pk])).status_code == 200
    (entry,) = _entries(action=AuditAction.EXPORTED)
    assert (entry.actor, entry.object_type, entry.object_id) == (viewer, "reporting.reportrecord", str(record.pk))


# --- sign-in ---------------------------------------------------------------------------------------


def test_signing_in_failing_and_signing_out_are_recorded(client):
    user = UserFactory(username="officer-bold")
    user.set_password(PASSWORD)
    user.save()
    login = reverse("admin:login")
    client.post(login, {"username": "officer-bold", "password": "wrong"})
    client.post(login, {"username": PASSWORD, "password": "wrong"})  # a password typed as the user name
    client.post(login, {"username": "officer-bold", "password": PASSWORD})
    client.post(reverse("admin:logout"))
    failed, unknown, signed_in, signed_out = _entries()
    assert (failed.action, failed.object_id, failed.actor) == (AuditAction.SIGN_IN_FAILED, str(user.pk), None)
    assert (unknown.action, unknown.object_id) == (AuditAction.SIGN_IN_FAILED, "")
    assert (signed_in.action, signed_in.actor) == (AuditAction.SIGNED_IN, user)
    assert (signed_out.action, signed_out.actor) == (AuditAction.SIGNED_OUT, user)
    assert PASSWORD not in _log_text()
