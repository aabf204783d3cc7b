import pytest

from disclosure import services
from disclosure.models import DocumentType, FileLanguage, VersionKind
from disclosure.tests.factories import DocumentFactory, make_version, pdf_upload

pytestmark = pytest.mark.django_db


def test_documents_are_public_and_list_only_public_versions(client):
    document = DocumentFactory()
    make_version(document, comment_days=(-1, 2))
    make_version(document, kind=VersionKind.REVISED, published=False)
    make_version(published=False)
    response = client.get("/api/disclosure/documents/")
    assert response.status_code == 200
    [row] = response.json()["results"]
    assert row["id"] == document.pk
    assert [v["number"] for v in row["versions"]] == [1]
    [file] = row["versions"][0]["files"]
    assert file["language"] == "en" and file["file_format"] == "pdf" and file["size"] > 0
    assert file["url"].startswith("http://testserver/")
    assert row["versions"][0]["open_for_comment"] is True


def test_document_filters(client):
    make_version(DocumentFactory(doc_type=DocumentType.SEP))
    lmp = make_version(DocumentFactory(doc_type=DocumentType.LMP), kind=VersionKind.FINAL).document
    ids = lambda params: [row["id"] for row in client.get("/api/disclosure/documents/", params).json()["results"]]  # noqa: E731
    assert ids({"doc_type": "lmp"}) == [lmp.pk]
    assert ids({"status": "final"}) == [lmp.pk]
    assert ids({"language": "kk"}) == []
    assert client.get("/api/disclosure/documents/", {"status": "nonsense"}).status_code == 400


def test_document_search_reaches_the_file_text(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        version = make_version(files={FileLanguage.MONGOLIAN: pdf_upload("малчдын бэлчээр", language="mn")})
    rows = client.get("/api/disclosure/documents/", {"q": "бэлчээр"}).json()["results"]
    assert [row["id"] for row in rows] == [version.document_id]


def test_the_document_list_runs_a_fixed_number_of_queries(client, django_assert_num_queries):
    for _ in range(4):
        document = DocumentFactory()
        version = make_version(document)
        services.external_disclosure_add(version=version, venue="piu_office", disclosed_on=version.disclosure_date)
        make_version(document, kind=VersionKind.REVISED)
    with django_assert_num_queries(5):  # count, documents, versions, files, other disclosures
        assert len(client.get("/api/disclosure/documents/").json()["results"]) == 4


def test_versions_endpoint_filters_and_hides_unpublished(client, django_assert_num_queries):
    draft = make_version(comment_days=(-1, 2))
    final = make_version(kind=VersionKind.FINAL)
    make_version(published=False)
    services.version_withdraw(version=final, actor=None, reason="Replaced")
    with django_assert_num_queries(4):  # count, versions with documents, files, other disclosures
        rows = client.get("/api/disclosure/versions/").json()["results"]
    assert {row["id"] for row in rows} == {draft.pk, final.pk}
    withdrawn = next(row for row in rows if row["id"] == final.pk)
    assert withdrawn["withdrawn_at"] and withdrawn["files"][0]["url"] is None
    kinds = client.get("/api/disclosure/versions/", {"kind": "draft"}).json()["results"]
    assert [row["id"] for row in kinds] == [draft.pk]


def test_the_api_is_read_only(client):
    assert client.post("/api/disclosure/documents/", {}).status_code == 405
