"""The empty feedback form's page, kept per process for each language and entry, each visit's tokens put in.

Every submission starts with this page, and its HTML is the same for every
visitor of a language (the sensitive pathway's entry, `?safe=1`, ticks one
box) but for the CSRF token and the form's submission token: it is kept with
smartgov.kept_pages. Any other query string gets the page rendered whole.
"""

import uuid

from django.middleware.csrf import get_token

from smartgov.kept_pages import render_kept

# The query strings whose page is kept: none, and the sensitive pathway's entry.
KEPT_QUERIES = ("", "safe=1")


def empty_form_response(request, *, template: str, make_form):
    """Answer a GET of the form page; `make_form()` builds the empty form, only when the page is rendered."""

    def context_for(values):
        form = make_form()
        form.fields["submission_token"].initial = values["submission_token"]
        return {"form": form, "csrf_token": values["csrf_token"]}

    return render_kept(
        request,
        key="empty-form",
        template=template,
        values={"csrf_token": get_token(request), "submission_token": str(uuid.uuid4())},
        context_for=context_for,
        kept_queries=KEPT_QUERIES,
    )
