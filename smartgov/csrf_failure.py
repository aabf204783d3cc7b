"""What a refused POST gets when the CSRF check fails (settings.CSRF_FAILURE_VIEW): a page in the reader's language.

Django's own page is a developer's page, in English or half-translated. A
citizen meets the check when the form's cookie is gone (cleared, blocked,
or the browser was restarted between opening the form and sending it), and
the long form they typed must not be lost: a view can name, with
`answers_csrf_failure`, what its refused POSTs get instead (the feedback
form shows the answers again, filled in, with a fresh token). Only a POST
from the site's own pages gets that answer (TOKEN_ONLY_FAILURES), and nothing
it carries is acted on: it is only shown back to whoever sent it.
"""

from django.middleware.csrf import REASON_CSRF_TOKEN_MISSING, REASON_NO_CSRF_COOKIE
from django.shortcuts import render
from django.urls import Resolver404, resolve

# Failures of the cookie or the token alone (Django's reasons start so): the origin checks, made first, passed,
# so the POST came from this site's own page and only its cookie was lost. A view's own answer is given only
# for these: a POST from another site must not open our form filled with values that site chose.
TOKEN_ONLY_FAILURES = (REASON_NO_CSRF_COOKIE, REASON_CSRF_TOKEN_MISSING, "CSRF cookie ", "CSRF token from ")


def answers_csrf_failure(answer):
    """Mark a view whose POSTs refused by the CSRF check are answered by `answer(request)` (outermost decorator)."""

    def mark(view):
        view.csrf_failure_answer = answer
        return view

    return mark


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the marked view's own answer, else a page that says what happened and what to do."""
    answer = None
    if reason.startswith(TOKEN_ONLY_FAILURES):
        try:
            answer = getattr(resolve(request.path_info).func, "csrf_failure_answer", None)
        except Resolver404:
            answer = None
    if answer is not None:
        return answer(request)
    return render(request, "403_csrf.html", status=403)
