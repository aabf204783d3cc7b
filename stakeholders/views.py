"""Public consultation pages: the list of events, one event with its feedback and responses, joining online."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from smartgov import ratelimit
from smartgov.exceptions import ApplicationError

from . import registrations, selectors
from .context import entered_text_language
from .evidence import evidence_response
from .forms import EventCommentForm, EventRegistrationForm
from .models import EventEvidence


class EventListView(TemplateView):
    template_name = "stakeholders/event_list.html"

    def get_context_data(self, **kwargs):
        upcoming, past = selectors.event_list_public()
        return {
            **super().get_context_data(**kwargs),
            "upcoming": upcoming,
            "past": past,
            "entered_lang": entered_text_language(),
        }


def _published_event(pk):
    event = selectors.event_get_public(pk=pk)
    if event is None:
        raise Http404
    return event


def render_event_page(request, event, *, registration_form=None, comment_form=None, refusal="", status=200):
    """The event's page; the forms to register and to comment are shown while the event takes them."""
    context = {
        "event": event,
        "entered_lang": entered_text_language(),
        "participation": selectors.event_participation_summary(event),
        "feedback": selectors.feedback_for_subject(event),
        "registration_form": registration_form or EventRegistrationForm(),
        "comment_form": comment_form or EventCommentForm(),
        "takes_comments": event.takes_comments(),
        "evidence": EventEvidence.objects.public().filter(event=event).order_by("kind", "uploaded_at", "pk"),
        "refusal": refusal,
    }
    return render(request, "stakeholders/event_detail.html", context, status=status)


class EventDetailView(View):
    def get(self, request, pk):
        return render_event_page(request, _published_event(pk))


class EventRegisterView(View):
    """POST: register for an upcoming event (rate-limited per client address, honeypot for bots)."""

    def post(self, request, pk):
        event = _published_event(pk)
        form = EventRegistrationForm(request.POST)
        if form.is_spam():
            return _thank(request, event, _("Thank you. You are registered."))
        if not ratelimit.allow(request, group="event-registration", rate=settings.EVENT_REGISTRATION_RATE_LIMIT):
            refusal = _("Too many registrations from your connection. Try again in an hour, or call us.")
            return render_event_page(request, event, registration_form=form, refusal=refusal, status=429)
        if not form.is_valid():
            return render_event_page(request, event, registration_form=form, status=400)
        data = {name: value for name, value in form.cleaned_data.items() if name != "website"}
        try:
            registrations.event_registration_create(event=event, **data)
        except ApplicationError as error:
            return render_event_page(request, event, registration_form=form, refusal=error.message, status=400)
        return _thank(request, event, _("Thank you. You are registered. We will prepare the support you asked for."))


class EventCommentView(View):
    """POST: a comment on an event while its online feedback window is open; it waits for a moderator."""

    def post(self, request, pk):
        event = _published_event(pk)
        form = EventCommentForm(request.POST)
        if form.is_spam():
            return _thank(request, event, _comment_thanks(settings.PUBLIC_COMMENTS_PREMODERATED))
        if not ratelimit.allow(request, group="event-comment", rate=settings.EVENT_COMMENT_RATE_LIMIT):
            refusal = _("Too many comments from your connection. Try again in an hour.")
            return render_event_page(request, event, comment_form=form, refusal=refusal, status=429)
        if not form.is_valid():
            return render_event_page(request, event, comment_form=form, status=400)
        data = {name: value for name, value in form.cleaned_data.items() if name != "website"}
        try:
            comment = registrations.event_comment_submit(event=event, **data)
        except ApplicationError as error:
            return render_event_page(request, event, comment_form=form, refusal=error.message, status=400)
        return _thank(request, event, _comment_thanks(comment.is_awaiting_moderation))


def _comment_thanks(awaits_moderation):
    if awaits_moderation:
        return _(
            "Thank you. Your comment was received. A moderator reads every comment before it is published; "
            "it will then appear on this page, and the project team will answer it here."
        )
    return _("Thank you. Your comment was received and will be answered on this page.")


def _thank(request, event, text):
    messages.success(request, text)
    return redirect("stakeholders:event_detail", pk=event.pk)


def event_evidence_download(request, pk, filename):
    """A published evidence file of a published event; anything else is not found."""
    evidence = EventEvidence.objects.public().filter(pk=pk).first()
    if evidence is None or filename != evidence.download_name:
        raise Http404
    return evidence_response(evidence)
