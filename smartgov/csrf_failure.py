"""What a refused POST gets when the CSRF check fails (settings.CSRF_FAILURE_VIEW): a page in the reader's language.

Django's own page is a developer's page, in English or half-translated. A
citizen meets the check when the form's cookie is gone (cleared, blocked,
or the browser was restarted between opening the form and sending it), and
the long form they typed must not be lost: a view can name, with
`answers_csrf_failure`, what its refused POSTs get instead (the feedback
form shows the answers again, filled in, with a fresh token). Nothing a
refused POST carries is acted on: it is only shown back to whoever sent it.
"""

from django.shortcuts import render
from django.urls import Resolver404, resolve


def answers_csrf_failure(answer):
    """Mark a view whose POSTs refused by the CSRF check are answered by `answer(request)` (outermost decorator)."""

    def mark(view):
        view.csrf_failure_answer = answer
        return view

    return mark


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the marked view's own answer, else a page that says what happened and what to do."""
    try:
        answer = getattr(resolve(request.path_info).func, "csrf_failure_answer", None)
    except Resolver404:
        answer = None
    if answer is not None:
        return answer(request)
    return render(request, "403_csrf.html", status=403)
