"""Public pages: the feedback form, its confirmation, case tracking and the easy-read guide."""

from django.conf import settings
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from smartgov import ratelimit

from .confirmation import confirmation_cookie_get, confirmation_cookie_set
from .forms import GrievanceForm, TrackingForm
from .online import grievance_submit_online
from .tracking import grievance_get_by_tracking

# Kept out of error reports: what a person wrote about themselves, and the two secrets that give a tracking code.
SENSITIVE_FORM_FIELDS = ("submission_token", "csrfmiddlewaretoken", "name", "phone", "email", "address", "summary")


@sensitive_post_parameters(*SENSITIVE_FORM_FIELDS)
@never_cache
def grievance_new(request):
    """Show the form; on a valid POST register the case once and redirect to the confirmation."""
    language = get_language()
    if request.method != "POST":
        return render(request, "grievances/grievance_form.html", {"form": GrievanceForm(language=language)})
    form = GrievanceForm(request.POST, request.FILES, language=language)
    if ratelimit.is_limited(request, group="grievance-submit", rate=settings.GRM_SUBMISSION_RATE_LIMIT):
        form.is_valid()
        form.add_error(None, _("Many forms were sent from this connection in a short time. Please try again later."))
        form.keep_accepted_uploads()
        return render(request, "grievances/grievance_form.html", {"form": form}, status=429)
    if not form.is_valid():
        form.keep_accepted_uploads()
        return render(request, "grievances/grievance_form.html", {"form": form})
    # Every valid POST counts, repeats too: a replayed submission cannot be sent without limit.
    ratelimit.count(request, group="grievance-submit", rate=settings.GRM_SUBMISSION_RATE_LIMIT)
    data = form.cleaned_data
    submission = grievance_submit_online(
        kind=data["kind"],
        summary=data["summary"],
        location=data["location"],
        complainant=form.complainant(),
        attachments=data["attachments"],
        submission_token=data["submission_token"],
        browser_key=_browser_key(request),
        language=language,
    )
    response = redirect("grievances:done")
    if submission.tracking_code:  # none for a replay from another browser: it sees no number either
        confirmation_cookie_set(response, submission=submission, data=data)
    return response


def _browser_key(request) -> str:
    """Return the secret of this browser's CSRF cookie, which every POST past the CSRF check carries.

    Where the check was skipped (a test client) a new secret is made and sent,
    so the key is never empty and never another browser's.
    """
    if "CSRF_COOKIE" not in request.META:
        get_token(request)
    return request.META["CSRF_COOKIE"]


@never_cache
def grievance_done(request):
    """The confirmation: number, private code and what happens next; safe to reload."""
    confirmation = confirmation_cookie_get(request)
    if not confirmation:
        return redirect("grievances:new")
    context = {"confirmation": confirmation, "deadlines": settings.GRM_DEADLINES}
    return render(request, "grievances/grievance_done.html", context)


@never_cache
def grievance_track(request):
    """Show a case to whoever has its number and code; one message for every wrong combination."""
    if request.method != "POST":
        return render(request, "grievances/grievance_track.html", {"form": TrackingForm()})
    form = TrackingForm(request.POST)
    rate = settings.GRM_TRACKING_FAILURE_RATE_LIMIT
    if ratelimit.is_limited(request, group="grievance-track-failure", rate=rate):
        context = {"form": form, "limited": True}
        return render(request, "grievances/grievance_track.html", context, status=429)
    if not form.is_valid():
        return render(request, "grievances/grievance_track.html", {"form": form})
    grievance = grievance_get_by_tracking(
        registered_no=form.cleaned_data["registered_no"], code=form.cleaned_data["code"]
    )
    if grievance is None:
        ratelimit.count(request, group="grievance-track-failure", rate=rate)
    context = {"form": form, "grievance": grievance, "not_found": grievance is None}
    return render(request, "grievances/grievance_track.html", context)


class EasyReadView(TemplateView):
    template_name = "grievances/easy_read.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(deadlines=settings.GRM_DEADLINES, **kwargs)
