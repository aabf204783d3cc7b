"""The "check your answers" page, kept per process (smartgov.kept_pages) with each visitor's answers put in.

Its HTML depends on the language and on whether the report is sensitive (the
pathway's exit control and styles); the rest is the visitor's own: the rows
of answers, the hidden fields that send them again, the CSRF token. The rows
and the hidden fields are drawn here, escaped, as the confirmation's copy is
(sent_copy.sent_copy_html), so that the template around them is rendered
once, not on each check; what goes in the rows is check_answers.py's.
"""

from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from smartgov.kept_pages import render_kept

from .check_answers import AnswerRow, answer_rows, values_to_send_again

ROW = (
    '<div class="check-row" id="answer-{name}">\n'
    "      <dt>{label}</dt>\n"
    '      <dd class="check-value">{value}</dd>\n'
    '      <dd class="check-change"><button type="submit" class="link-button" name="step" value="change"'
    ' formaction="{form_url}#{anchor}">{change}<span class="visually-hidden">: {label}</span></button></dd>\n'
    "    </div>"
)


def check_page_response(request, form, *, template: str):
    """Answer a valid form's POST with its answers to check, from the page kept for its language and kind."""
    values = {
        "csrf_token": get_token(request),
        "send_again": hidden_inputs_html(values_to_send_again(form)),
        "answers": answer_rows_html(answer_rows(form), form_url=reverse("grievances:new"), change=_("Change")),
    }
    return render_kept(
        request,
        key=f"check:{form.is_sensitive()}",
        template=template,
        values=values,
        context_for=lambda shown: {"form": form, **shown},
    )


def answer_rows_html(rows: list[AnswerRow], *, form_url: str, change: str) -> SafeString:
    """The answers as the page lists them, each with its "Change" button back to its question, escaped."""
    return format_html_join(
        "\n    ",
        ROW,
        (
            {
                "name": row.name,
                "label": row.label,
                "value": row.value,
                "anchor": row.anchor,
                "form_url": form_url,
                "change": change,
            }
            for row in rows
        ),
    )


def hidden_inputs_html(pairs: list[tuple[str, str]]) -> SafeString:
    """The hidden fields that send the answers again, one per (name, value), escaped."""
    return format_html_join("\n  ", '<input type="hidden" name="{}" value="{}">', pairs)
