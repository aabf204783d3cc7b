from django import forms
from django.utils.translation import gettext_lazy as _

from smartgov.exceptions import ApplicationError

from .models import ReportKind
from .periods import parse_period


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("First day"), help_text=_("YYYY-MM-DD"))
    end = forms.DateField(label=_("Last day"), help_text=_("YYYY-MM-DD"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end"):
            try:
                cleaned["start"], cleaned["end"] = parse_period(cleaned["start"], cleaned["end"])
            except ApplicationError as error:
                raise forms.ValidationError(error.message) from error
        return cleaned


class ReportGenerateForm(PeriodForm):
    """The period and which report: the GRM summary report or the SEP semi-annual report."""

    kind = forms.ChoiceField(
        label=_("Report"), choices=ReportKind.choices, initial=ReportKind.GRM, required=False, widget=forms.RadioSelect
    )

    field_order = ["kind", "start", "end"]

    def clean_kind(self):
        return self.cleaned_data.get("kind") or ReportKind.GRM
