"""The case list's columns: few and compact, so the list fits a 1280 px screen in Mongolian and English.

Every value comes from the row itself or from what selectors.grievance_list_for_user
joins and annotates (assignee, is_overdue, has_open_contact_task): no column
runs a query of its own.
"""

from django.conf import settings
from django.contrib import admin
from django.db.models import F
from django.utils import timezone
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, ngettext
from django.utils.translation import gettext_lazy as _

SUMMARY_LENGTH = 80
NO_SUMMARY = "—"

# Overdue first, then by deadline, then the newest. A case has a deadline only while it is open
# (the grievance_no_deadline_when_finished constraint), so "overdue" (is_overdue: open and due
# before today) is exactly "due before today", and due-date order already puts every overdue case
# first. Sorting on the column rather than on the is_overdue annotation gives the same rows in the
# same order and lets an index on the due date serve the first page of a long list.
DEFAULT_ORDERING = [F("due_on").asc(nulls_last=True), "-received_at"]


def short_date(value):
    """A date as the list shows it, in every language: 2026-11-30, short and never ambiguous (not 11/30/2026)."""
    return format_html('<span class="case-date">{}</span>', value.isoformat())


def summary_in_language(grievance, language=None):
    """The case's public summary in the page's language, or "" when it has none in that language.

    Never the other language's summary (a Mongolian page shows no English
    text), and never the complainant's own message.
    """
    language = language or get_language()
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        return ""
    return getattr(grievance, f"summary_{language}", "") or ""


def overdue_text(grievance, today):
    """Say by how many days the case is overdue, in words (not only in colour)."""
    days = (today - grievance.due_on).days
    return ngettext("overdue by %(days)s day", "overdue by %(days)s days", days) % {"days": days}


class CaseListColumns:
    """The display methods of GrievanceAdmin's list (list_display)."""

    @admin.display(description=_("number and date received"), ordering="received_at")
    def number(self, grievance):
        received = short_date(timezone.localtime(grievance.received_at).date())
        return format_html('{}<br><span class="case-received">{}</span>', grievance.registered_no, received)

    @admin.display(description=_("summary"))
    def short_summary(self, grievance):
        summary = summary_in_language(grievance)
        text = Truncator(" ".join(summary.split())).chars(SUMMARY_LENGTH) if summary else NO_SUMMARY
        kind = f"{grievance.get_kind_display()} · {grievance.get_channel_display()}"
        return format_html('{}<br><span class="case-kind">{}</span>', text, kind)

    @admin.display(description=_("status and deadline"), ordering="due_on")
    def status_cell(self, grievance):
        state = grievance.get_state_display()
        stage = gettext("stage %(number)s") % {"number": grievance.stage}
        lines = [format_html('<span class="case-state">{}</span>', state), format_html("{}", stage)]
        if grievance.due_on is not None:
            # The sentence is escaped before the date's markup goes in (it keeps the date on one line).
            due = conditional_escape(gettext("due %(date)s")) % {"date": short_date(grievance.due_on)}
            lines.append(mark_safe(due))  # noqa: S308 (both parts escaped above)
        if grievance.is_overdue:
            lines.append(
                format_html(
                    '<strong class="case-overdue"><span aria-hidden="true">⚠</span> {}</strong>',
                    overdue_text(grievance, timezone.localdate()),
                )
            )
        return format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines))

    @admin.display(description=_("to do"))
    def badges(self, grievance):
        # has_open_contact_task is annotated by selectors.grievance_list_for_user: no query per row.
        found = []
        if grievance.sensitive:  # only the focal point and the superuser are shown such cases
            found.append(format_html('<strong class="sensitive-badge">{}</strong>', gettext("Sensitive")))
        if grievance.has_open_contact_task:
            found.append(format_html('<strong class="contact-task-badge">{}</strong>', gettext("Call")))
        if grievance.has_unread_reply:
            found.append(format_html('<strong class="reply-badge">{}</strong>', gettext("New reply")))
        return format_html_join(" ", "{}", ((badge,) for badge in found))
