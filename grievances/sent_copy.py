"""The copy of what was sent, on the confirmation page: the form's questions with the answers as stored.

The labels and choices are the form's own (forms.GrievanceForm), so the copy
reads like the "check your answers" page. Attachments appear by name only:
their contents never leave the case.
"""

from datetime import timedelta
from functools import cache

from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from . import selectors
from .check_answers import NOT_GIVEN, AnswerRow
from .forms import KIND_CHOICES, GrievanceForm
from .models import Complainant, Grievance, VulnerableGroup, vulnerable_groups_codes

# How long after sending the confirmation page still shows the copy (the number and the code stay longer).
SENT_COPY_SECONDS = 60 * 60


def sent_copy_rows(registered_no: str) -> list[AnswerRow]:
    """The rows of the copy for the case with this number, or [] once the copy is no longer shown."""
    since = timezone.now() - timedelta(seconds=SENT_COPY_SECONDS)
    case = selectors.grievance_sent_copy_get(registered_no=registered_no, since=since)
    if case is None:
        return []
    fields = GrievanceForm.base_fields
    values = {
        "kind": dict(KIND_CHOICES).get(case["kind"], case["kind"]),
        "summary": case["message"],
        "aimag": _label(Grievance, "aimag", case["aimag"]),
        "location": case["location"],
        "gender": _label(Grievance, "gender", case["gender"]),
        "age_group": _label(Grievance, "age_group", case["age_group"]),
        "disability": _label(Grievance, "disability", case["disability"]),
        "vulnerable_groups": ", ".join(
            str(VulnerableGroup(code).label) for code in vulnerable_groups_codes(case["vulnerable_groups"])
        ),
        "attachments": ", ".join(case["attachment_names"]),
        "name": case["name"],
        "preferred_contact": dict(fields["preferred_contact"].choices).get(case["preferred_contact"], ""),
        "email": case["email"],
        "phone": case["phone"],
        "address": case["address"],
        "preferred_language": _label(Complainant, "preferred_language", case["preferred_language"]),
    }
    # In the form's order, as on the "check your answers" page.
    return [
        AnswerRow(name, str(fields[name].label), str(values[name] or NOT_GIVEN), "")
        for name in fields
        if name in values
    ]


def _label(model, name: str, value: str) -> str:
    """A stored choice as the model's get_FOO_display() shows it, in the page's language; empty stays empty."""
    return str(_choices(model, name).get(value, value)) if value else ""


@cache
def _choices(model, name: str) -> dict:
    """A field's choices, {stored value: label}, read once per process: the labels are lazy and follow the language."""
    return dict(model._meta.get_field(name).flatchoices)


def sent_copy_html(rows: list[AnswerRow]) -> SafeString:
    """The copy's rows as the confirmation page lists them, escaped: one value put into its kept page (done_page.py)."""
    return format_html_join(
        "\n",
        '<div class="check-row copy-row" id="sent-{}"><dt>{}</dt><dd class="check-value">{}</dd></div>',
        ((row.name, row.label, row.value) for row in rows),
    )
