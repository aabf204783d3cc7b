import pytest
from django.contrib.auth.models import Group

from disclosure.models import DocumentVersion, VersionFile
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
