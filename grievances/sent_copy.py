"""The copy of what was sent, on the confirmation page: the form's questions with the answers as stored.

The labels and choices are the form's own (forms.GrievanceForm), so the copy
reads like the "check your answers" page. Attachments appear by name only:
their contents never leave the case.
"""

from datetime import timedelta

from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from . import selectors
from .check_answers import NOT_GIVEN, AnswerRow
from .forms import KIND_CHOICES, GrievanceForm
from .models import ReplyLanguage, VulnerableGroup, vulnerable_groups_codes

# How long after sending the confirmation page still shows the copy (the number and the code stay longer).
SENT_COPY_SECONDS = 60 * 60


def sent_copy_rows(registered_no: str) -> list[AnswerRow]:
    """The rows of the copy for the case with this number, or [] once the copy is no longer shown."""
    since = timezone.now() - timedelta(seconds=SENT_COPY_SECONDS)
    grievance = selectors.grievance_sent_copy_get(registered_no=registered_no, since=since)
    if grievance is None:
        return []
    complainant = getattr(grievance, "complainant", None)
    fields = GrievanceForm.base_fields
    ways = dict(fields["preferred_contact"].choices)
    values = {
        "kind": dict(KIND_CHOICES).get(grievance.kind, grievance.kind),
        "summary": grievance.message,
        "aimag": grievance.get_aimag_display() if grievance.aimag else "",
        "location": grievance.location,
        "gender": grievance.get_gender_display() if grievance.gender else "",
        "age_group": grievance.get_age_group_display() if grievance.age_group else "",
        "disability": grievance.get_disability_display() if grievance.disability else "",
        "vulnerable_groups": ", ".join(
            str(VulnerableGroup(code).label) for code in vulnerable_groups_codes(grievance.vulnerable_groups)
        ),
        "attachments": ", ".join(grievance.attachment_names),
        "name": complainant.name if complainant else "",
        "preferred_contact": ways.get(complainant.preferred_contact if complainant else "", ""),
        "email": complainant.email if complainant else "",
        "phone": complainant.phone if complainant else "",
        "address": complainant.address if complainant else "",
        "preferred_language": ReplyLanguage(complainant.preferred_language).label
        if complainant and complainant.preferred_language
        else "",
    }
    # In the form's order, as on the "check your answers" page.
    return [
        AnswerRow(name, str(fields[name].label), str(values[name] or NOT_GIVEN), "")
        for name in fields
        if name in values
    ]


def sent_copy_html(rows: list[AnswerRow]) -> SafeString:
    """The copy's rows as the confirmation page lists them, escaped: one value put into its kept page (done_page.py)."""
    return format_html_join(
        "\n",
        '<div class="check-row copy-row" id="sent-{}"><dt>{}</dt><dd class="check-value">{}</dd></div>',
        ((row.name, row.label, row.value) for row in rows),
    )
