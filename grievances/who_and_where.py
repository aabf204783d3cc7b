"""Who raised a case and where it comes from: the optional questions of the public form and the officer's page.

Gender, age group, disability, other vulnerable groups, and the aimag, each
optional and asked with its reason, so that the PIU can show (SEP section 7,
and the OGP and DICE studies) whether women, older people, persons with
disabilities and rural people reach the grievance mechanism. The answers are
kept on the case (Grievance), apart from the identity; the public figures
suppress small counts (reporting.suppression) so that nobody is recognised.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import AgeGroup, Disability, Gender, VulnerableGroup, vulnerable_groups_codes, vulnerable_groups_value
from .places import aimag_choices

# The case's fields these questions fill in (the soum or district is the case's `location`).
PROFILE_FIELDS = ("aimag", "gender", "age_group", "disability", "vulnerable_groups")

WHY_WE_ASK = _(
    "These questions are optional. We ask them to check that women, older people, persons with disabilities, "
    "herders and people in every aimag can all use the grievance mechanism, and to report on it. Published "
    "figures never show fewer than 3 cases for a place or a group, so nobody can be recognised from them."
)

WHY_WE_ASK_OFFICER = _(
    "All optional. Ask the complainant and tell them why: to check that women, older people, persons with "
    "disabilities, herders and people in every aimag can all use the grievance mechanism. Published figures "
    "never show fewer than 3 cases for a place or a group."
)


class VulnerableGroupsField(forms.TypedMultipleChoiceField):
    """Tick boxes for VulnerableGroup, stored as one Grievance.vulnerable_groups value."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", VulnerableGroup.choices)
        kwargs.setdefault("required", False)
        kwargs.pop("max_length", None)
        kwargs.pop("empty_value", None)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return vulnerable_groups_codes(value) if isinstance(value, str) else value

    def to_python(self, value):
        # A list with an empty item (a form posted from a stored "" value) means no group, not a wrong one.
        return [item for item in super().to_python(value) if item]

    def clean(self, value):
        return vulnerable_groups_value(super().clean(value))

    def has_changed(self, initial, data):
        return vulnerable_groups_value(self.prepare_value(initial)) != vulnerable_groups_value(data or [])


def profile_form_fields(*, for_officer: bool = False) -> dict[str, forms.Field]:
    """The questions as form fields, worded for the complainant, or for the officer typing what they were told."""
    if for_officer:
        labels = {
            "aimag": _("Aimag or the capital"),
            "gender": _("Gender"),
            "age_group": _("Age group"),
            "disability": _("Person with a disability"),
            "vulnerable_groups": _("Other groups the complainant says they belong to"),
        }
    else:
        labels = {
            "aimag": _("Aimag or the capital (optional)"),
            "gender": _("Your gender (optional)"),
            "age_group": _("Your age (optional)"),
            "disability": _("Do you have a disability? (optional)"),
            "vulnerable_groups": _("Do any of these describe you? (optional)"),
        }
    # The officer picks from lists with an empty first line; the complainant's radios start at "prefer not to say"
    # (gender's own last choice says it already).
    not_said = [("", "---------")] if for_officer else [("", _("Prefer not to say"))]
    radios = forms.Select if for_officer else forms.RadioSelect
    return {
        "aimag": forms.ChoiceField(
            label=labels["aimag"], choices=[("", _("Not given"))] + aimag_choices(), required=False
        ),
        "gender": forms.ChoiceField(
            label=labels["gender"],
            choices=(not_said if for_officer else []) + Gender.choices,
            required=False,
            widget=radios,
        ),
        "age_group": forms.ChoiceField(
            label=labels["age_group"], choices=not_said + AgeGroup.choices, required=False, widget=radios
        ),
        "disability": forms.ChoiceField(
            label=labels["disability"], choices=not_said + Disability.choices, required=False, widget=radios
        ),
        "vulnerable_groups": VulnerableGroupsField(
            label=labels["vulnerable_groups"], help_text=_("Tick all that apply, or none.")
        ),
    }


def profile_from(cleaned_data: dict) -> dict:
    """The answers given, by case field, for services.grievance_register (empty answers left out)."""
    return {name: cleaned_data[name] for name in PROFILE_FIELDS if cleaned_data.get(name)}
