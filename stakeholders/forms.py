"""Public forms of the consultation pages: registering for an event and commenting on it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from smartgov.forms import PublicCommentForm, PublicFormMixin, honeypot

from .models import OrganisationType


class EventRegistrationForm(PublicFormMixin, forms.Form):
    name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=200,
        help_text=_("You can register without giving your name."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"),
        required=False,
        max_length=255,
        help_text=_("The ministry, agency, organisation or company you come from, if any."),
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    organisation_type = forms.ChoiceField(
        label=_("You come from"),
        required=False,
        choices=[("", _("Do not say")), (OrganisationType.GOVERNMENT, _("A government organisation")),
                 (OrganisationType.NON_GOVERNMENT, _("A non-government organisation, a business, or as a citizen"))],
    )  # fmt: skip
    contact = forms.CharField(
        label=_("Phone or e-mail (optional)"),
        required=False,
        max_length=255,
        help_text=_("Only if you want the project team to contact you about the event. It is never published."),
        widget=forms.TextInput(attrs={"autocomplete": "email"}),
    )
    sign_language = forms.BooleanField(label=_("I need sign language interpretation"), required=False)
    hearing_loop = forms.BooleanField(label=_("I need a hearing loop"), required=False)
    easy_read = forms.BooleanField(label=_("I need easy-read documents"), required=False)
    step_free_access = forms.BooleanField(label=_("I need step-free access"), required=False)
    accessibility_other = forms.CharField(
        label=_("Other support you need (optional)"),
        required=False,
        max_length=255,
        help_text=_("For example large print, a Kazakh interpreter or a seat near the front."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the project team keeps these details to prepare the event"),
        error_messages={"required": _("Agree that we keep these details, or register by phone.")},
        help_text=_("Your name and contact are deleted a few months after the event."),
    )
    website = honeypot()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.describe_fields()


class EventCommentForm(PublicCommentForm):
    """A comment on a consultation event, while its comment window is open: its topic is an item of the agenda."""

    topic = forms.CharField(
        label=_("Which topic is it about? (optional)"),
        required=False,
        max_length=255,
        help_text=_("For example an item of the agenda."),
    )
