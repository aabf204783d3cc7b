"""A consultation event printed as minutes with the SEP's annexes, as PDF in Mongolian or English.

Annex A is the agenda, annex B the comments received with the PIU's reasoned
response to each, annex C the participants by organisation and gender. The
document is one event's record (a few pages), so it is rendered when asked
for, in the admin; the half-year reports, which can run to hundreds of
pages, are rendered by Celery instead.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from smartgov.context_processors import DEFAULT_PROJECT_NAME
from smartgov.written_dates import written_date

from . import selectors
from .models import AgendaItem, ConsultationEvent, Participation


def _event_for_minutes(pk):
    return (
        ConsultationEvent.objects.prefetch_related(
            Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("starts_at", "id")),
            Prefetch("participations", queryset=Participation.objects.order_by("organisation_type", "position", "id")),
            "evidence",
        )
        .filter(pk=pk)
        .first()
    )


def _event_dates(event, language):
    start = written_date(event.starts_on, language, month_first=True)
    if not event.ends_on or event.ends_on == event.starts_on:
        return start
    return _("%(start)s – %(end)s") % {"start": start, "end": written_date(event.ends_on, language, month_first=True)}


def event_minutes_html(*, event_id: int, language: str) -> str:
    """The minutes of an event in one language, as HTML for WeasyPrint."""
    from reporting.pdf import page_counter_css  # the page counter all PDFs share

    with translation.override(language):
        event = _event_for_minutes(event_id)
        context = {
            "event": event,
            "project_name": settings.PROJECT_NAME or DEFAULT_PROJECT_NAME,
            "dates": _event_dates(event, language),
            "participation": selectors.event_participation_summary(event),
            "feedback": selectors.feedback_for_subject(event),
            "page_counter": page_counter_css(),
        }
        return render_to_string("pdf/event_minutes.html", context)


def render_event_minutes_pdf(*, event_id: int, language: str) -> bytes:
    from reporting.weasy import html_to_pdf

    return html_to_pdf(event_minutes_html(event_id=event_id, language=language), str(settings.BASE_DIR))
