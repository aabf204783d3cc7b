from datetime import date

import pytest
from django.contrib.auth.models import Group

from disclosure import selectors
from disclosure.models import Document, DocumentVersion, ExternalDisclosure, VersionFile
from disclosure.tests.factories import DocumentFactory, make_version, pdf_upload, zip_upload
from grievances.tests.factories import UserFactory
from smartgov import roles

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _roles_synced():
    # On a fresh database the roles are synced before this app's permissions exist (see the report).
    roles.sync_role_permissions()


@pytest.fixture
def specialist_client(client):
    user = UserFactory(username="specialist")
    user.groups.add(Group.objects.get(name=roles.SAFEGUARDS_SPECIALIST))
    client.force_login(user)
    return client


def _add_version(client, document, upload):
    data = {
        "document": document.pk,
        "kind": "draft",
        "disclosure_date": "2021-11-26",
        "comment_start": "2021-11-25",
        "comment_end": "2021-12-05",
        "changes_mn": "",
        "changes_en": "",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "0",
        "files-0-language": "mn",
        "files-0-file": upload,
        "external_disclosures-TOTAL_FORMS": "0",
        "external_disclosures-INITIAL_FORMS": "0",
    }
    return client.post("/admin/disclosure/documentversion/add/", data)


def test_the_specialist_adds_a_version_with_a_checked_file(specialist_client, django_capture_on_commit_callbacks):
    document = DocumentFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = _add_version(specialist_client, document, pdf_upload("Бэлчээр", language="mn"))
    assert response.status_code == 302, response.content.decode()[:2000]
    version = DocumentVersion.objects.get()
    assert version.number == 1
    stored = version.files.get()
    assert stored.file_format == "pdf" and "Бэлчээр" in stored.extracted_text


def test_a_wrong_file_in_the_admin_is_refused_with_a_message_and_nothing_is_stored(specialist_client):
    response = _add_version(specialist_client, DocumentFactory(), zip_upload({"a.txt": "x"}, name="fake.pdf"))
    assert response.status_code == 200
    assert "Хүлээн авах форматууд: PDF, DOCX, ODT, XLSX." in response.content.decode()  # the admin speaks Mongolian
    assert not DocumentVersion.objects.exists() and not VersionFile.objects.exists()


def test_the_publish_action_publishes_through_the_service(specialist_client):
    version = make_version(published=False)
    specialist_client.post(
        "/admin/disclosure/documentversion/", {"action": "publish", "_selected_action": [version.pk]}
    )
    version.refresh_from_db()
    assert version.published_by.username == "specialist"


def test_the_withdraw_action_asks_for_a_reason(specialist_client):
    version = make_version()
    url = "/admin/disclosure/documentversion/"
    first = specialist_client.post(url, {"action": "withdraw", "_selected_action": [version.pk]})
    assert first.status_code == 200 and "reason" in first.content.decode()
    specialist_client.post(url, {"action": "withdraw", "_selected_action": [version.pk], "reason": "Wrong annex"})
    version.refresh_from_db()
    assert version.withdrawal_reason == "Wrong annex"


def test_the_piu_officer_cannot_publish(client):
    officer = UserFactory(username="officer")
    officer.groups.add(Group.objects.get(name=roles.PIU_OFFICER))
    client.force_login(officer)
    version = make_version(published=False)
    client.post("/admin/disclosure/documentversion/", {"action": "publish", "_selected_action": [version.pk]})
    version.refresh_from_db()
    assert version.published_at is None


def _change_version(client, version, **changes):
    """POST the version's change form as the page would send it, with `changes` applied."""
    version_file = version.files.get()
    data = {
        "kind": version.kind,
        "disclosure_date": version.disclosure_date.isoformat(),
        "comment_start": "",
        "comment_end": "",
        "changes_mn": "",
        "changes_en": "",
        "files-TOTAL_FORMS": "1",
        "files-INITIAL_FORMS": "1",
        "files-0-id": version_file.pk,
        "files-0-version": version.pk,
        "external_disclosures-TOTAL_FORMS": "0",
        "external_disclosures-INITIAL_FORMS": "0",
        **changes,
    }
    return client.post(f"/admin/disclosure/documentversion/{version.pk}/change/", data, follow=True)


def test_deleting_a_file_in_the_admin_removes_the_stored_file(specialist_client, django_capture_on_commit_callbacks):
    version = make_version(published=False)
    stored = version.files.get().file
    assert stored.storage.exists(stored.name)
    with django_capture_on_commit_callbacks(execute=True):
        response = _change_version(specialist_client, version, **{"files-0-DELETE": "on"})
    assert response.status_code == 200
    assert not VersionFile.objects.exists()
    assert not stored.storage.exists(stored.name)


def test_the_admin_changes_an_unpublished_versions_dates_through_the_service(specialist_client):
    version = make_version(published=False)
    _change_version(specialist_client, version, comment_start="2021-11-25", comment_end="2021-12-05")
    version.refresh_from_db()
    assert (version.comment_start, version.comment_end) == (date(2021, 11, 25), date(2021, 12, 5))


def test_a_final_version_with_a_comment_period_is_refused_in_the_admin_form(specialist_client):
    version = make_version(published=False)
    response = _change_version(
        specialist_client, version, kind="final", comment_start="2021-11-25", comment_end="2021-12-05"
    )
    assert "Эцсийн хувилбарт санал авах хугацаа байхгүй." in response.content.decode()
    version.refresh_from_db()
    assert version.kind == "draft" and version.comment_start is None


def test_a_published_versions_dates_are_read_only_in_the_admin(specialist_client):
    version = make_version()
    response = specialist_client.get(
        f"/admin/disclosure/documentversion/{version.pk}/change/", HTTP_ACCEPT_LANGUAGE="en"
    )
    html = response.content.decode()
    assert 'name="disclosure_date"' not in html and 'name="files-0-DELETE"' not in html
    assert "This version is published, so its kind, dates" in html


def test_an_admin_post_changing_a_published_versions_dates_changes_nothing_and_says_why(specialist_client):
    version = make_version()
    disclosed = version.disclosure_date
    specialist_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    response = _change_version(
        specialist_client, version, disclosure_date="2030-01-01", comment_start="2030-01-01", comment_end="2030-02-01"
    )
    version.refresh_from_db()
    assert (version.disclosure_date, version.comment_start) == (disclosed, None)
    assert "This version is published, so its kind, dates" in response.content.decode()


def test_a_disclosure_elsewhere_is_recorded_on_a_published_version_through_the_service(specialist_client):
    version = make_version()
    _change_version(
        specialist_client,
        version,
        **{
            "external_disclosures-TOTAL_FORMS": "1",
            "external_disclosures-0-venue": "piu_office",
            "external_disclosures-0-disclosed_on": "2021-11-27",
            "external_disclosures-0-url": "",
            "external_disclosures-0-note": "Notice board",
        },
    )
    disclosure = ExternalDisclosure.objects.get()
    assert (disclosure.version, disclosure.note) == (version, "Notice board")


def test_the_admin_edits_a_document_through_the_service_and_reindexes_it(specialist_client):
    document = DocumentFactory(title_en="Old title")
    data = {
        "doc_type": document.doc_type,
        "title_mn": document.title_mn,
        "title_en": "Labour management procedures",
        "summary_mn": "",
        "summary_en": "",
        "project_stage": document.project_stage,
        "target_stakeholders_mn": "",
        "target_stakeholders_en": "",
    }
    response = specialist_client.post(f"/admin/disclosure/document/{document.pk}/change/", data)
    assert response.status_code == 302
    assert list(selectors.documents_filter_search(Document.objects.all(), "labour")) == [document]
