"""The rendered pieces of public pages kept in each process ({% cache ... using="fragments" %}, kept_pages.py).

Every page's header and footer, the empty feedback form's page, the answers
to check and the confirmation are the same for every visitor of a page in a language (but for
the values kept_pages.py puts in), so each process renders them once. What
they show comes from code, translations and settings: settings change only in
tests (override_settings), and each change forgets them all.

The headers are kept apart (PAGE_HEADERS): they follow the path and query
string a visitor asks for, so any number of them can be asked for, and in
the same bounded cache they would push out the kept pages every visit needs.
"""

from django.core.cache import caches
from django.core.signals import setting_changed

FRAGMENTS = "fragments"
PAGE_HEADERS = "page_headers"


def fragments_forget(**_kwargs):
    caches[FRAGMENTS].clear()
    caches[PAGE_HEADERS].clear()


def connect():
    setting_changed.connect(fragments_forget, dispatch_uid="smartgov.fragments_forget")
