"""The empty feedback form's page, drawn once per process for each language and entry, each visit's secrets put in.

Every submission starts with this page, and its HTML is the same for every
visitor of a language (the sensitive pathway's entry, `?safe=1`, ticks one
box) but for two values: the CSRF token and the form's submission token. So
the page is rendered once with a mark in each of their places, kept in the
`fragments` cache (smartgov/fragments.py: a changed setting forgets it), and
each visit gets a copy with its own two values; the form page's template and
the check and confirmation pages are unchanged. Measured in bench/README.md
("Third pass"). A visit that brings anything else to show, a message or a
query string of its own, gets the page rendered whole, as before.
"""

import secrets
import uuid

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import get_language

from smartgov.fragments import FRAGMENTS

# The query strings whose page is kept: none, and the sensitive pathway's entry.
KEPT_QUERIES = ("", "safe=1")


def empty_form_response(request, *, template: str, make_form) -> HttpResponse:
    """Answer a GET of the form page: the kept page with this visit's tokens, or the page rendered whole.

    `make_form()` builds the empty form; it is called only when the page has to be rendered.
    """
    if request.META.get("QUERY_STRING", "") not in KEPT_QUERIES or get_messages(request):
        return render(request, template, {"form": make_form()})
    key = f"empty-form-page:{get_language()}:{request.get_full_path()}"
    kept = caches[FRAGMENTS].get(key)
    if kept is None:
        kept = _render_with_marks(request, template, make_form())
        if kept is None:  # a template that does not show each token once: never kept, rendered whole
            return render(request, template, {"form": make_form()})
        caches[FRAGMENTS].set(key, kept, timeout=None)
    page, csrf_mark, token_mark = kept
    return HttpResponse(page.replace(csrf_mark, get_token(request), 1).replace(token_mark, str(uuid.uuid4()), 1))


def _render_with_marks(request, template, form):
    """Render the page with a random mark for each token; None unless each mark shows exactly once."""
    csrf_mark = secrets.token_hex(32)
    token_mark = str(form.fields["submission_token"].initial)
    page = render_to_string(template, {"form": form, "csrf_token": csrf_mark}, request)
    if page.count(csrf_mark) != 1 or page.count(token_mark) != 1:
        return None
    return page, csrf_mark, token_mark
