"""Public consultation pages: the list of events and one event with its feedback and responses."""

from django.http import Http404
from django.views.generic import TemplateView

from . import selectors
from .context import entered_text_language


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


class EventDetailView(TemplateView):
    template_name = "stakeholders/event_detail.html"

    def get_context_data(self, **kwargs):
        event = selectors.event_get_public(pk=kwargs["pk"])
        if event is None:
            raise Http404
        return {
            **super().get_context_data(**kwargs),
            "event": event,
            "entered_lang": entered_text_language(),
            "participation": selectors.event_participation_summary(event),
            "feedback": selectors.feedback_for_subject(event),
        }
