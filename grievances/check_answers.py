"""The "check your answers" step of the public form: what to list, and what to send again.

Written for any form, not for today's fields: the rows come from the form's
bound fields in their order (label, a readable value, the anchor the "Change"
button goes back to), and what the page sends back is exactly what the
browser sent, field by field, so a field added to the form appears on the
page and survives the step without a change here. Files are never sent
twice: the first POST kept them (uploads.keep_for_next_try, as after a form
error) and the page carries their signed tokens and shows their names.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

NOT_GIVEN = _("Not given")
YES = _("Yes")
NO = _("No")


@dataclass(frozen=True)
class AnswerRow:
    name: str
    label: str
    value: str
    anchor: str


def answer_rows(form) -> list[AnswerRow]:
    """List a valid form's answers in field order, for people to check before sending."""
    skip = set(getattr(form, "check_answers_skip", ()))
    rows = []
    for bound in form:
        if bound.is_hidden or bound.name in skip:
            continue
        rows.append(AnswerRow(bound.name, str(bound.label), display_value(bound), form.anchor(bound.name)))
    return rows


def display_value(bound) -> str:
    """Write a bound field's cleaned value as a person reads it: choice labels, yes or no, file names."""
    field, value = bound.field, bound.form.cleaned_data.get(bound.name)
    if isinstance(field, forms.BooleanField):
        return str(YES if value else NO)
    if isinstance(field.widget, forms.FileInput):
        names = [getattr(item, "name", str(item)) for item in (value or [])]
        return ", ".join(names) or str(NOT_GIVEN)
    if isinstance(field, forms.ModelMultipleChoiceField):
        return ", ".join(str(item) for item in value) or str(NOT_GIVEN)
    if isinstance(field, forms.ModelChoiceField):
        return str(value) if value is not None else str(NOT_GIVEN)
    if isinstance(field, forms.ChoiceField):
        labels = _choice_labels(field.choices)
        values = value if isinstance(value, list | tuple) else [value]
        shown = [str(labels.get(str(item), item)) for item in values if item not in (None, "") or "" in labels]
        return ", ".join(shown) or str(NOT_GIVEN)
    if value in (None, "", [], ()):
        return str(NOT_GIVEN)
    return str(value)


def _choice_labels(choices) -> dict:
    labels = {}
    for value, label in choices:
        if isinstance(label, list | tuple):  # a group of choices
            labels.update(_choice_labels(label))
        else:
            labels[str(value)] = label
    return labels


def values_to_send_again(form) -> list[tuple[str, str]]:
    """(name, value) pairs that give the same form again: what the browser sent, and the kept files' tokens.

    File fields are left out (their files are kept, see keep_attachment);
    every other field of the form is copied as sent, several values included.
    """
    pairs = []
    for bound in form:
        if isinstance(bound.field.widget, forms.FileInput):
            continue
        pairs.extend((bound.html_name, value) for value in form.data.getlist(bound.html_name))
    pairs.extend(("keep_attachment", kept.token) for kept in getattr(form, "kept_files", []))
    return pairs
