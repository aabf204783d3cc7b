"""Public pages: the feedback form, its confirmation, case tracking and the easy-read guide."""

import logging

from django.conf import settings
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.generic import TemplateView

from smartgov import ratelimit
from smartgov.csrf_failure import answers_csrf_failure
from smartgov.exceptions import ApplicationError
from smartgov.office import piu_office

from . import check_page, complainant_side, done_page, form_page, public_case, services
from .confirmation import confirmation_cookie_get, confirmation_cookie_set
from .forms import RESOLVED_YES, GrievanceForm, ReplyForm, ResolutionAnswerForm, TrackingForm
from .online import grievance_submit_online
from .sensitive_views import pathway_page
from .tracking import grievance_get_by_tracking

# Kept out of error reports: what a person wrote about themselves, and the two secrets that give a tracking code.
SENSITIVE_FORM_FIELDS = ("submission_token", "csrfmiddlewaretoken", "name", "phone", "email", "address", "summary")


logger = logging.getLogger(__name__)


# Which button sent the form (the POST's "step"): the form's own button asks to check the answers; the
# check page's "Send" registers the case and its "Change" buttons go back to the form, filled in.
STEP_SEND = "send"
STEP_CHANGE = "change"
FORM_TEMPLATE = "grievances/grievance_form.html"
CHECK_TEMPLATE = "grievances/grievance_check.html"


@sensitive_post_parameters(*SENSITIVE_FORM_FIELDS)
@pathway_page
def _answers_again(request):
    """The form refused by the CSRF check (its cookie was gone): the answers shown again to send, nothing stored.

    Files are not kept: they came with a POST that was refused, and the form says to choose them again.
    """
    form = GrievanceForm(request.POST, language=get_language())
    form.is_valid()
    form.add_error(None, _("The page had expired, so your answers were not sent. Check them and send them again."))
    for upload in request.FILES.getlist("attachments"):
        form.add_error(None, form.not_kept_message(upload.name))
    return render(request, FORM_TEMPLATE, {"form": form}, status=403)


@answers_csrf_failure(_answers_again)
@sensitive_post_parameters(*SENSITIVE_FORM_FIELDS)
@pathway_page
def grievance_new(request):
    """Show the form; on a valid POST show the answers to check; on "Send" register the case once and redirect.

    Only the "Send" POST registers: it goes through the same checks as any
    POST (rate limit, validation, the submission token that makes a repeat
    find the first case), so skipping the check page gains nothing. `?safe=1`
    is the sensitive pathway's entry (sensitive_views.py): its box comes
    ticked. The URL names no topic, as it stays in the browser's history.
    """
    language = get_language()
    if request.method != "POST":
        sensitive = request.GET.get("safe") == "1"
        return form_page.empty_form_response(
            request, template=FORM_TEMPLATE, make_form=lambda: GrievanceForm(language=language, sensitive=sensitive)
        )
    form = GrievanceForm(request.POST, request.FILES, language=language)
    step = request.POST.get("step", "")
    if step == STEP_CHANGE:
        # Back from the check page: the same answers in the form, kept files ticked; nothing stored or counted.
        return render(request, FORM_TEMPLATE, {"form": form})
    rate = settings.GRM_SUBMISSION_RATE_LIMIT
    if step == STEP_SEND and form.is_valid():
        # Every valid "Send" counts, repeats too: a replayed submission cannot be sent without limit. Counted and
        # checked in one round trip to the cache (one over the allowance is refused, and counts in its window).
        if not ratelimit.allow(request, group="grievance-submit", rate=rate):
            return _too_many(request, form)
    elif ratelimit.is_limited(request, group="grievance-submit", rate=rate):
        return _too_many(request, form)
    else:
        return _form_or_check_page(request, form)
    data = form.cleaned_data
    submission = grievance_submit_online(
        kind=data["kind"],
        message=data["summary"],
        location=data["location"],
        profile=form.profile(),
        complainant=form.complainant(),
        attachments=data["attachments"],
        submission_token=data["submission_token"],
        browser_key=_browser_key(request),
        language=language,
        sensitive=data["sensitive"],
        referral_consent=data["referral_consent"],
    )
    response = redirect("grievances:done")
    if submission.tracking_code:  # none for a replay from another browser: it sees no number either
        confirmation_cookie_set(response, submission=submission, data=data)
    return response


def _form_or_check_page(request, form):
    """Keep the files that passed (so they need not be chosen again), then show the errors or the answers.

    Storing files costs disk: a POST that kept any counts as a submission, so
    the rate limit bounds it too. A file over the kept-bytes caps is not kept
    and the form says so, even when everything else was right.
    """
    valid = form.is_valid()
    if form.keep_accepted_uploads(client=ratelimit.client_ip(request)):
        ratelimit.count(request, group="grievance-submit", rate=settings.GRM_SUBMISSION_RATE_LIMIT)
    if not valid or form.non_field_errors():
        return render(request, FORM_TEMPLATE, {"form": form})
    return check_page.check_page_response(request, form, template=CHECK_TEMPLATE)


def _too_many(request, form):
    """Refuse a POST past this connection's allowance: the form again with a message, nothing stored."""
    form.is_valid()
    form.add_error(None, _("Many forms were sent from this connection in a short time. Please try again later."))
    form.drop_accepted_uploads()  # a refused POST stores nothing
    return render(request, FORM_TEMPLATE, {"form": form}, status=429)


def _browser_key(request) -> str:
    """Return the secret of this browser's CSRF cookie, which every POST past the CSRF check carries.

    Where the check was skipped (a test client) a new secret is made and sent,
    so the key is never empty and never another browser's.
    """
    if "CSRF_COOKIE" not in request.META:
        get_token(request)
    return request.META["CSRF_COOKIE"]


@pathway_page
def grievance_done(request):
    """The confirmation: number, private code, what happens next and a copy of what was sent; safe to reload.

    A sensitive case's confirmation belongs to the pathway: its exit control and the support services, and
    no copy of what was sent (a printed or open page about harassment can put the person at risk).
    """
    confirmation = confirmation_cookie_get(request)
    if not confirmation:
        return redirect("grievances:new")
    return done_page.confirmation_response(request, confirmation, template="grievances/grievance_done.html")


TRACK_TEMPLATE = "grievances/grievance_track.html"
TRACK_FAILURES = "grievance-track-failure"
# How long a reply's submission token is remembered, so that reloading the thank-you page adds nothing.
REPLY_TOKEN_SECONDS = 24 * 60 * 60


@sensitive_post_parameters("code", "text", "reason", "csrfmiddlewaretoken")
@pathway_page
def grievance_track(request):
    """Show a case to whoever has its number and code, and take their reply or answer; one message for every wrong pair.

    Every POST, the look-up and each form on the case, carries the number and
    the code and is checked again the same way: a wrong pair gets nothing and
    counts towards the same limit. A successful answer renders the case again
    with a thank-you (no redirect: the code would have to travel in the URL or a
    cookie, and the page must keep no copy of it).
    """
    if request.method != "POST":
        # The confirmation page's "Track your case" link brings the number (never the code) in the query.
        number = request.GET.get("number", "")[:32]
        return render(request, TRACK_TEMPLATE, {"form": TrackingForm(initial={"registered_no": number})})
    key = TrackingForm(request.POST)
    rate = settings.GRM_TRACKING_FAILURE_RATE_LIMIT
    if ratelimit.is_limited(request, group=TRACK_FAILURES, rate=rate):
        return render(request, TRACK_TEMPLATE, {"form": key, "limited": True}, status=429)
    if not key.is_valid():
        return render(request, TRACK_TEMPLATE, {"form": key})
    grievance = grievance_get_by_tracking(**key.cleaned_data)
    if grievance is None:
        ratelimit.count(request, group=TRACK_FAILURES, rate=rate)
        return render(request, TRACK_TEMPLATE, {"form": key, "not_found": True})
    answer = CASE_ANSWERS.get(request.POST.get("action", ""))
    if answer is None:
        return _case_page(request, key, grievance)
    return answer(request, key, grievance)


def _case_page(request, key, grievance, *, done="", reply_form=None, resolution_form=None):
    context = public_case.case_page(grievance, get_language())
    context |= {
        "form": key,
        "case_key": key,
        "done": done,
        "reply_form": reply_form or ReplyForm(),
        "resolution_form": resolution_form or ResolutionAnswerForm(may_appeal=context["may_appeal"]),
        "answer_form": reply_form or resolution_form,  # the form with errors, for the summary at the top
    }
    return render(request, TRACK_TEMPLATE, context)


def _reloaded(key):
    return grievance_get_by_tracking(**key.cleaned_data)


def _first_use(token_key) -> bool:
    """Mark a reply form's token as used; False when it already was (the page sent again, a double click).

    cache.add is atomic, so two clicks at once cannot both pass. Without the
    cache (Redis down) the reply is accepted rather than lost: a repeat is then
    possible, a lost reply is not.
    """
    try:
        return cache.add(token_key, True, REPLY_TOKEN_SECONDS)
    except Exception:  # the cache backend's errors vary (redis, OSError)
        logger.warning("Reply token cache unavailable; accepting the reply.", exc_info=True)
        return True


def _forget(token_key):
    if token_key:
        try:
            cache.delete(token_key)
        except Exception:  # the cache backend's errors vary (redis, OSError)
            logger.warning("Reply token cache unavailable.", exc_info=True)


def _reply(request, key, grievance):
    """Add the complainant's information (text, files) to the case; once per form sent."""
    form = ReplyForm(request.POST, request.FILES)
    done = _("Thank you. Your information was added to your case, and the officer handling it has been told.")
    if not ratelimit.allow(request, group="grievance-reply", rate=settings.GRM_REPLY_RATE_LIMIT):
        # Each reply stores files and e-mails the officer: a valid code is no licence to flood either.
        form.add_error(None, _("You have sent a lot of information in a short time. Please wait and try again later."))
        form.drop_accepted_uploads()  # a refused POST stores nothing
        response = _case_page(request, key, grievance, reply_form=form)
        response.status_code = 429
        return response
    if form.is_valid():
        token = form.cleaned_data["submission_token"]
        token_key = f"grievance-reply:{token}" if token else ""
        if token_key and not _first_use(token_key):
            return _case_page(request, key, grievance, done=done)
        try:
            data = form.cleaned_data
            complainant_side.grievance_complainant_reply(
                grievance=grievance, text=data["text"], attachments=data["attachments"]
            )
        except ApplicationError as error:
            _forget(token_key)  # refused: the same form may be sent again once corrected
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            return _case_page(request, key, _reloaded(key), done=done)
    form.keep_accepted_uploads(client=ratelimit.client_ip(request))
    return _case_page(request, key, grievance, reply_form=form)


def _resolution_answer(request, key, grievance):
    """ "Was your issue resolved?": yes closes the case, no with a reason appeals to the next stage."""
    form = ResolutionAnswerForm(request.POST, may_appeal=public_case.may_appeal(grievance))
    if not grievance.awaits_satisfaction_answer:
        form.add_error(None, _("Your case is no longer waiting for this answer; it is shown as it is now."))
    elif form.is_valid():
        resolved = form.cleaned_data["resolved"] == RESOLVED_YES
        try:
            if resolved:
                services.grievance_resolution_confirm(grievance=grievance)
            else:
                services.grievance_appeal(grievance=grievance, reason=form.cleaned_data["reason"])
        except ApplicationError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            grievance = _reloaded(key)
            done = (
                _("Thank you. You told us your issue is resolved, so your case is now closed.")
                if resolved
                else _("Thank you. Your case has been taken to the next stage: %(stage)s.")
                % {"stage": grievance.get_stage_display()}
            )
            return _case_page(request, key, grievance, done=done)
    return _case_page(request, key, grievance, resolution_form=form)


CASE_ANSWERS = {ReplyForm.action: _reply, ResolutionAnswerForm.action: _resolution_answer}


class EasyReadView(TemplateView):
    """The GRM in simple words with pictures; deadlines and the office's details come from the settings."""

    template_name = "grievances/easy_read.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(deadlines=settings.GRM_DEADLINES, office=piu_office(), **kwargs)
