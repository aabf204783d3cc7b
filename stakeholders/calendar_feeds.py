"""Consultation events as feeds: iCalendar for people's calendars, Atom for other sites and feed readers."""

from datetime import datetime, time, timedelta

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar, Event

from . import selectors

FEED_LENGTH = 100


def events_icalendar(request):
    """The published events as an iCalendar file (RFC 5545), whole-day events in the page's language."""
    calendar = Calendar()
    calendar.add("prodid", "-//smartgov//consultation events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Project consultations"))
    stamp = timezone.now()
    for event in selectors.event_public_list()[:FEED_LENGTH]:
        entry = Event()
        entry.add("uid", f"consultation-event-{event.pk}@{request.get_host()}")
        entry.add("dtstamp", stamp)
        entry.add("summary", event.title)
        entry.add("dtstart", event.starts_on)
        entry.add("dtend", (event.ends_on or event.starts_on) + timedelta(days=1))  # whole days: the end is exclusive
        if event.venue:
            entry.add("location", event.venue)
        if event.topics:
            entry.add("description", event.topics)
        entry.add("url", request.build_absolute_uri(event.get_absolute_url()))
        calendar.add_component(entry)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="consultations.ics"'
    return response


class EventsAtomFeed(Feed):
    """The published events, newest first, for other government sites and feed readers."""

    feed_type = Atom1Feed
    title = gettext_lazy("Project consultations")
    subtitle = gettext_lazy("Consultation meetings and public discussions of the project: join the upcoming ones.")

    def link(self):
        return reverse("stakeholders:event_list")

    def items(self):
        return selectors.event_public_list()[:FEED_LENGTH]

    def item_title(self, event):
        return event.title

    def item_description(self, event):
        return event.topics

    def item_link(self, event):
        return event.get_absolute_url()

    def item_pubdate(self, event):
        return timezone.make_aware(datetime.combine(event.starts_on, time.min))
