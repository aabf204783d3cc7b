import io
from datetime import date

import pytest

from disclosure import demo
from disclosure.models import Document, DocumentVersion, VersionFile
from stakeholders.models import FeedbackItem

pytestmark = pytest.mark.django_db


def test_demo_discloses_the_four_esf_documents_as_in_the_sep_and_is_idempotent(client):
    demo.load(stdout=io.StringIO())
    demo.load(stdout=io.StringIO())
    assert sorted(Document.objects.values_list("doc_type", flat=True)) == ["ecop", "escp", "lmp", "sep"]
    drafts = DocumentVersion.objects.filter(kind="draft")
    assert set(drafts.values_list("disclosure_date", "comment_start", "comment_end")) == {
        (date(2021, 11, 26), date(2021, 11, 25), date(2021, 12, 5))
    }
    assert set(DocumentVersion.objects.filter(kind="revised").values_list("disclosure_date", flat=True)) == {
        date(2021, 12, 13)
    }
    assert VersionFile.objects.count() == 16
    assert FeedbackItem.objects.count() == 1
    assert client.get("/mn/documents/").context["paginator"].count == 4
