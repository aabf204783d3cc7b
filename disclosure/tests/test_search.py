"""Acceptance: a word found only inside a PDF's text finds its document, in Mongolian and in English."""

import pytest
from django.db import connection

from disclosure import selectors, services
from disclosure.models import FileLanguage
from disclosure.tests.factories import DocumentFactory, make_version, pdf_upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def labour_procedures(django_capture_on_commit_callbacks):
    document = DocumentFactory(title_mn="Хөдөлмөрийн журам", title_en="Labor procedures", summary_mn="", summary_en="")
    with django_capture_on_commit_callbacks(execute=True):
        make_version(
            document,
            files={
                FileLanguage.MONGOLIAN: pdf_upload("Гэрээт ажилтнуудын цалинжилтын нөхцөл", language="mn"),
                FileLanguage.ENGLISH: pdf_upload("Subcontractor remuneration conditions", language="en"),
            },
        )
    DocumentFactory(title_mn="Өөр баримт", title_en="Another document")
    return document


def _found(query, **filters):
    return list(selectors.document_list(query=query, **filters))


POSTGRES_ONLY = pytest.mark.skipif(connection.vendor != "postgresql", reason="prefix and Cyrillic case on PostgreSQL")


@pytest.mark.parametrize(
    "query",
    [
        "цалинжилтын",
        pytest.param("Цалинжилт", marks=POSTGRES_ONLY),
        "remuneration",
        "SUBCONTRACTOR conditions",
    ],
)
def test_a_word_only_in_the_pdf_text_finds_the_document(labour_procedures, query):
    assert _found(query) == [labour_procedures]


def test_titles_and_summaries_are_searched_in_both_languages(labour_procedures):
    assert _found("Хөдөлмөрийн") == [labour_procedures]
    assert _found("labor") == [labour_procedures]


def test_a_word_nowhere_finds_nothing(labour_procedures):
    assert _found("сонгууль") == []


def test_the_text_of_an_unpublished_version_is_not_searchable(labour_procedures, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        make_version(labour_procedures, published=False, files={FileLanguage.ENGLISH: pdf_upload("confidential")})
    assert _found("confidential") == []


def test_the_text_of_a_withdrawn_version_is_not_searchable(labour_procedures):
    version = labour_procedures.versions.get()
    services.version_withdraw(version=version, actor=None, reason="Wrong file")
    assert _found("remuneration") == []
    assert _found("labor") == [labour_procedures]  # still listed, as withdrawn


def test_search_combines_with_filters(labour_procedures):
    assert _found("remuneration", language=FileLanguage.ENGLISH) == [labour_procedures]
    assert _found("remuneration", language=FileLanguage.KAZAKH) == []
    assert _found("remuneration", doc_type="lmp") == []
