"""Reads on disclosed documents for the public library, the feed and the API.

Only public versions are ever returned: published, with their disclosure date
reached. Withdrawn versions stay listed (marked withdrawn) but their files
and text are not searchable or served.
"""

import re

from django.contrib.postgres.search import SearchQuery
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.shortcuts import get_object_or_404
from django.utils import timezone

from .models import Document, DocumentVersion, VersionFile

STATUS_OPEN = "open"
STATUS_WITHDRAWN = "withdrawn"


def _prefix_query(text):
    """A tsquery matching every word of `text` as a prefix: Mongolian words take many suffixes."""
    words = re.findall(r"\w+", text.lower())
    if not words:
        return None
    return SearchQuery(" & ".join(f"{word}:*" for word in words[:10]), config="simple", search_type="raw")


def _search_filter(query, today):
    """Titles and summaries in both languages, and the text of public, non-withdrawn files."""
    files = VersionFile.objects.filter(
        version__document=OuterRef("pk"), version__in=DocumentVersion.objects.available(today)
    )
    if connection.vendor == "postgresql":
        tsquery = _prefix_query(query)
        if tsquery is None:
            return Q()
        return Q(search_vector=tsquery) | Exists(files.filter(search_vector=tsquery))
    # SQLite fallback: every word somewhere (SQLite's LIKE ignores case for ASCII letters only).
    match = Q()
    for word in query.split()[:10]:
        word_match = Exists(files.filter(extracted_text__icontains=word))
        for field in ("title_mn", "title_en", "summary_mn", "summary_en"):
            word_match |= Q(**{f"{field}__icontains": word})
        match &= word_match
    return match


def documents_filter_search(documents, query, *, today=None):
    query = (query or "").strip()
    return documents.filter(_search_filter(query, today or timezone.localdate())) if query else documents


def documents_filter_language(documents, language, *, today=None):
    """Documents with a public, non-withdrawn file in `language`."""
    if not language:
        return documents
    files = VersionFile.objects.filter(
        version__document=OuterRef("pk"), version__in=DocumentVersion.objects.available(today), language=language
    )
    return documents.filter(Exists(files))


def documents_filter_status(documents, status):
    """Filter on the annotations of document_list: open for comment, withdrawn, or the latest version's kind."""
    if status == STATUS_OPEN:
        return documents.filter(comment_open_until__isnull=False)
    if status == STATUS_WITHDRAWN:
        return documents.filter(latest_withdrawn_at__isnull=False)
    if status:
        return documents.filter(latest_kind=status, latest_withdrawn_at__isnull=True)
    return documents


def document_list(
    *, query: str = "", doc_type: str = "", stage: str = "", language: str = "", status: str = "", today=None
):
    """Documents with a public version, newest disclosure first, each annotated with its latest public version."""
    today = today or timezone.localdate()
    public = DocumentVersion.objects.public(today).filter(document=OuterRef("pk"))
    latest = public.order_by("-disclosure_date", "-number")
    documents = Document.objects.filter(Exists(public)).annotate(
        latest_disclosure_date=Subquery(latest.values("disclosure_date")[:1]),
        latest_kind=Subquery(latest.values("kind")[:1]),
        latest_number=Subquery(latest.values("number")[:1]),
        latest_withdrawn_at=Subquery(latest.values("withdrawn_at")[:1]),
        comment_open_until=Subquery(
            DocumentVersion.objects.open_for_comment(today)
            .filter(document=OuterRef("pk"))
            .order_by("-comment_end")
            .values("comment_end")[:1]
        ),
    )
    documents = documents_filter_search(documents, query, today=today)
    if doc_type:
        documents = documents.filter(doc_type=doc_type)
    if stage:
        documents = documents.filter(project_stage=stage)
    documents = documents_filter_language(documents, language, today=today)
    documents = documents_filter_status(documents, status)
    return documents.order_by("-latest_disclosure_date", "-id")


def document_get_public(*, pk: int, today=None) -> Document:
    """One document with its public versions (newest first), their files and other disclosures; 404 otherwise."""
    today = today or timezone.localdate()
    versions = (
        DocumentVersion.objects.public(today).prefetch_related("files", "external_disclosures").order_by("-number")
    )
    documents = Document.objects.filter(Exists(DocumentVersion.objects.public(today).filter(document=OuterRef("pk"))))
    return get_object_or_404(
        documents.prefetch_related(Prefetch("versions", queryset=versions, to_attr="public_versions")), pk=pk
    )


def version_list(*, today=None):
    """Public versions with their document and files, newest disclosure first (API and feed)."""
    today = today or timezone.localdate()
    return (
        DocumentVersion.objects.public(today)
        .select_related("document")
        .prefetch_related("files", "external_disclosures")
        .order_by("-disclosure_date", "-published_at", "-id")
    )


def version_get_open_for_comment(*, document: Document, version_pk: int) -> DocumentVersion:
    """A public version of this document, for the comment form (the service checks the period)."""
    return get_object_or_404(DocumentVersion.objects.public().filter(document=document), pk=version_pk)


def version_file_get_servable(*, pk: int, today=None) -> VersionFile:
    """A file of a public, non-withdrawn version; anything else is a 404, whatever the storage holds."""
    return get_object_or_404(
        VersionFile.objects.select_related("version__document").filter(
            version__in=DocumentVersion.objects.available(today)
        ),
        pk=pk,
    )
