"""Form pieces shared by the public pages."""

import copy

from django import forms
from django.forms.widgets import ChoiceWidget
from django.utils.translation import gettext_lazy as _


class AccessibleFormMixin:
    """Tie each field's hint and error to it with aria-describedby, and mark invalid fields.

    Forms call describe_fields() at the end of their __init__ (for the hints of
    an empty form); full_clean() calls it again once errors are known.
    Templates give a field's hint the id `<describe_id>-hint` and its error
    `<describe_id>-error`.
    """

    def describe_id(self, name):
        """The prefix of the ids of a field's hint and error; the field name unless a form says otherwise."""
        return name

    def describe_fields(self):
        errors = self._errors or {}  # not self.errors: that would validate the form from __init__
        for name, field in self.fields.items():
            prefix = self.describe_id(name)
            ids = []
            if field.help_text:
                ids.append(f"{prefix}-hint")
            if name in errors:
                ids.append(f"{prefix}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
        return self

    def full_clean(self):
        super().full_clean()
        self.describe_fields()

    def error_summary(self):
        """(anchor, message) pairs for the summary at the top, in the order of the fields."""
        items = [("", error) for error in self.non_field_errors()]
        for name in self.fields:
            for error in self.errors.get(name, []):
                items.append((self.anchor(name), error))
        return items

    def anchor(self, name):
        widget = self.fields[name].widget
        suffix = "_0" if isinstance(widget, forms.RadioSelect) else ""
        return f"id_{name}{suffix}"


class _ChoicesSharedFields(dict):
    """A form class's fields whose per-instance deep copy shares each choice list instead of copying it.

    Django deep-copies every field for every form instance, and a choice
    field's copy copies its choices twice (field and widget): for the public
    feedback form's nine choice fields, two thirds of building the form, three
    times per submission (the form, its check page, "Send"). Choice lists are
    never changed in place (Django and this code assign a new list), so the
    copies can share them; attributes, error messages and validators are still
    copied, as Django does.
    """

    def __deepcopy__(self, memo):
        return {name: _field_copy(field, memo) for name, field in self.items()}


def _field_copy(field, memo):
    if isinstance(field, forms.ModelChoiceField) or not (
        isinstance(field, forms.ChoiceField) and isinstance(field.widget, ChoiceWidget)
    ):
        return copy.deepcopy(field, memo)  # a queryset's choices, or no choices: Django's own copy
    result = copy.copy(field)
    memo[id(field)] = result
    result.widget = copy.copy(field.widget)
    result.widget.attrs = field.widget.attrs.copy()
    result.error_messages = field.error_messages.copy()
    result.validators = field.validators[:]
    return result


def share_choices(form_class):
    """Class decorator: instances of `form_class` share its fields' choice lists (see _ChoicesSharedFields)."""
    form_class.base_fields = _ChoicesSharedFields(form_class.base_fields)
    return form_class


class FieldIdDescribedMixin(AccessibleFormMixin):
    """Hint and error ids built on each field's HTML id (`id_<name>-hint`), for pages with several forms."""

    def describe_id(self, name):
        return self[name].auto_id


class PublicFormMixin(FieldIdDescribedMixin):
    """A form the public sends: field-id hints and errors, and a honeypot field (`website`) bots fill in."""

    def is_spam(self):
        return bool(self.data.get("website"))


def honeypot():
    """The field people never see (hidden by CSS, out of the tab order) and bots fill in."""
    return forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )


class PublicCommentForm(PublicFormMixin, forms.Form):
    """A comment from the public, on a disclosed document or a consultation event.

    The text, an optional topic (each page says what a topic is there),
    an optional name and contact, consent to publish the name, and a honeypot
    field that people never see and bots fill in.
    """

    text = forms.CharField(
        label=_("Your comment"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Write in Mongolian, Kazakh or English. At most 5,000 characters."),
        error_messages={"required": _("Write your comment.")},
    )
    topic = forms.CharField(label=_("Topic (optional)"), required=False, max_length=255)
    author_name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=200,
        help_text=_("You can comment without giving your name."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    author_contact = forms.CharField(
        label=_("Phone or e-mail (optional)"),
        required=False,
        max_length=255,
        help_text=_("Only if you want the project team to contact you. It is never published."),
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )
    name_consent = forms.BooleanField(label=_("You may publish my name with my comment"), required=False)
    website = honeypot()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()
