"""The one-page registration of a case received by phone, letter, in person, Facebook or e-mail.

The officer types in one form all the complainant said or sent: the case, the
complainant's details (all optional), the message as received with its
language, the scans or photos, and the public summaries if they are ready.
One save registers it all through services.grievance_register, in one
transaction; the receipt flow (admin_receipts) then shows the number and the
tracking code. The files pass the public form's checks (AttachmentsFormMixin);
after an error elsewhere the files that passed are kept, so the officer
chooses again only a file that was refused.
"""

from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.contrib.admin import widgets
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from smartgov.periods import start_of_local_day

from .forms import PHONE_PATTERN, REPLY_WAY_NEEDS, AttachmentsFormMixin, MultipleFileField, MultipleFileInput
from .languages import REPORT_LANGUAGES
from .models import Channel, Complainant, MessageLanguage, ReplyLanguage
from .who_and_where import PROFILE_FIELDS, WHY_WE_ASK_OFFICER, profile_form_fields, profile_from

# What the officer registers: every channel but the website, whose cases come through the public form.
OFFICER_CHANNELS = [(value, label) for value, label in Channel.choices if value != Channel.WEBSITE]
# The complainant's details on the form, each a field named complainant_<name> (services.COMPLAINANT_FIELDS).
COMPLAINANT_DETAILS = [
    "name",
    "phone",
    "email",
    "address",
    "preferred_contact",
    "preferred_language",
    "vulnerable_groups",
]
# The public form's words speak to the complainant ("give your e-mail address"); the officer is told what is missing.
WAY_NEEDS_MESSAGES = {
    "email": _("The complainant wants an answer by e-mail: write their e-mail address."),
    "phone": _("The complainant wants an answer by phone: write their phone number."),
    "address": _("The complainant wants an answer by letter: write their postal address."),
}
# One page: the message gets room, the texts written by the officer are short.
TEXT_ROWS = {"message": 6, "summary_mn": 3, "summary_en": 3, "details": 3}

# The sections of the page, in the order an officer fills them in during a call or with a letter in hand.
ADD_FIELDSETS = [
    (_("The feedback"), {"fields": ["kind", "channel", "received_at"]}),
    (
        _("The complainant"),
        {
            "fields": [f"complainant_{name}" for name in COMPLAINANT_DETAILS],
            "description": _(
                "All optional: leave them empty for anonymous feedback. The receipt is sent by e-mail or SMS "
                "when an address or a mobile number is given."
            ),
        },
    ),
    (
        _("Who and where (optional)"),
        {
            "fields": [*PROFILE_FIELDS, "location"],
            "description": WHY_WE_ASK_OFFICER,
        },
    ),
    (_("The message as received"), {"fields": ["message", "message_language", "attachments"]}),
    (
        _("Public summaries for the report"),
        {
            "fields": ["summary"],
            "description": _(
                "Optional now, needed before the case is resolved. Write each in its language, "
                "with no name, address or other detail that could identify anyone."
            ),
        },
    ),
    (_("Details"), {"fields": ["details"]}),
]


def _field_order():
    """The form's fields in the order of the page (summary stands for its copies in each language)."""
    names = []
    for _title, options in ADD_FIELDSETS:
        for name in options["fields"]:
            names += [f"summary_{code}" for code in REPORT_LANGUAGES] if name == "summary" else [name]
    return names


def _complainant_field(name, **overrides):
    """A form field for one of the complainant's details, as the Complainant model defines it; never required."""
    field = Complainant._meta.get_field(name).formfield(required=False, **overrides)
    if isinstance(field.widget, forms.TextInput):
        # The officer types someone else's details: the browser must not offer the officer's own.
        field.widget = widgets.AdminTextInputWidget(attrs={**field.widget.attrs, "autocomplete": "off"})
    return field


class LabelledSplitDateTime(widgets.AdminSplitDateTime):
    """The admin's date and time boxes, each with a label of its own (the admin's are plain text)."""

    template_name = "admin/grievances/grievance/split_datetime.html"

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.widgets[1].format = "%H:%M"  # the officer types hours and minutes; seconds would be noise


class AttachmentsInput(MultipleFileInput):
    """The file chooser, followed by the files kept from an earlier try (ticked, to be attached as well)."""

    template_name = "admin/grievances/grievance/attachments_input.html"
    kept_files = ()

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["kept_files"] = self.kept_files
        return context


class GrievanceAdminAddForm(AttachmentsFormMixin, forms.ModelForm):
    """The officer's form for a case received by phone, letter, in person, Facebook or e-mail.

    The complainant's details and the files are not fields of the case: the
    admin hands them to grievance_register, which keeps the details in the
    complainant's own table and stores the files with the case.
    """

    complainant_name = _complainant_field("name")
    complainant_phone = forms.RegexField(
        label=capfirst(_("phone")),
        regex=PHONE_PATTERN,
        max_length=50,
        required=False,
        widget=widgets.AdminTextInputWidget(attrs={"type": "tel", "autocomplete": "off"}),
        error_messages={"invalid": _("Enter a phone number, such as 9911 2233.")},
    )
    complainant_email = _complainant_field("email", widget=widgets.AdminEmailInputWidget(attrs={"autocomplete": "off"}))
    complainant_address = _complainant_field("address")
    complainant_preferred_contact = _complainant_field("preferred_contact")
    complainant_preferred_language = _complainant_field(
        "preferred_language",
        label=_("Language of messages"),
        help_text=_("The receipt and the messages are in this language. Left empty: the language of the message."),
    )
    complainant_vulnerable_groups = _complainant_field(
        "vulnerable_groups", label=_("Vulnerable groups, in the complainant's words")
    )
    # Checked by AttachmentsFormMixin.clean_attachments: the public form's checks, limits and messages.
    attachments = MultipleFileField(
        label=_("Scans, photos or documents"),
        required=False,
        widget=AttachmentsInput(attrs={"accept": "image/*,application/pdf"}),
    )

    kept_files_client = "staff"  # whose cap the kept files count toward (registration_form_for)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["kind"].error_messages["required"] = _("Choose the type of feedback.")
        fields["channel"].choices = [("", "---------"), *OFFICER_CHANNELS]
        fields["channel"].error_messages["required"] = _("Choose how the feedback arrived.")
        fields["received_at"].widget = LabelledSplitDateTime(attrs={"aria-describedby": "id_received_at_helptext"})
        fields["received_at"].initial = lambda: timezone.localtime().replace(second=0, microsecond=0)
        fields["received_at"].help_text = _("When the call, letter or visit came in; now unless you change it.")
        fields["message"].required = True
        fields["message"].error_messages["required"] = _("Write the message as the complainant said or wrote it.")
        fields["message"].help_text = _(
            "What the complainant said or wrote, in their words and language. It never appears in a report."
        )
        fields["message_language"].required = True
        fields["message_language"].choices = MessageLanguage.choices
        fields["message_language"].initial = get_language() if get_language() in MessageLanguage.values else "mn"
        fields.update(profile_form_fields(for_officer=True))
        for name, rows in TEXT_ROWS.items():
            fields[name].widget.attrs["rows"] = rows
        self.order_fields(_field_order())
        self.init_attachments()
        self.fields["attachments"].widget.kept_files = self.kept_files

    def clean_attachments(self):
        """The public form's checks (AttachmentsFormMixin); after a refusal, say what the officer chooses again.

        The browser empties the file input when the page comes back: the files
        that passed are kept on the server and listed under it (full_clean),
        so only a replacement for a refused file needs choosing.
        """
        try:
            return super().clean_attachments()
        except forms.ValidationError as refused:
            if self.accepted_uploads:  # some passed (and none was over the count): they will be kept
                refused.error_list.append(
                    forms.ValidationError(_("The other files are kept: choose only a replacement for the refused one."))
                )
            raise

    def clean_received_at(self):
        """Refuse a moment in the future or before the GRM was launched; a time in this minute counts as now."""
        received_at = self.cleaned_data["received_at"]
        now = timezone.now()
        if received_at >= now.replace(second=0, microsecond=0) + timedelta(minutes=1):
            raise forms.ValidationError(_("The case cannot be received in the future."), code="future")
        launched = date.fromisoformat(settings.GRM_LAUNCH_DATE)
        if received_at < start_of_local_day(launched):
            raise forms.ValidationError(
                _("The case cannot be received before the GRM was launched on %(date)s.")
                % {"date": launched.isoformat()},
                code="before_launch",
            )
        return min(received_at, now)

    def clean(self):
        cleaned = super().clean()
        needed = REPLY_WAY_NEEDS.get(cleaned.get("complainant_preferred_contact"))
        if needed and not cleaned.get(f"complainant_{needed[0]}") and f"complainant_{needed[0]}" not in self.errors:
            self.add_error(f"complainant_{needed[0]}", WAY_NEEDS_MESSAGES[needed[0]])
        return cleaned

    def full_clean(self):
        super().full_clean()
        if "received_at" in self._errors:  # the date and time boxes get no error id from Django: name it for them
            self.fields["received_at"].widget.attrs["aria-describedby"] += " id_received_at_error"
        if self.is_bound and self._errors:
            # The form is shown again: the files that passed are stored for the next try, within the caps on
            # kept bytes (upload_quota), counted for this officer rather than for the office's shared address.
            self.keep_accepted_uploads(client=self.kept_files_client)

    def profile(self) -> dict:
        """Who the complainant is and where the case comes from, as they chose to say (who_and_where)."""
        return profile_from(self.cleaned_data)

    def complainant(self) -> dict:
        """The complainant's details for grievance_register; messages go in the message's language if none is set."""
        details = {name: self.cleaned_data.get(f"complainant_{name}") or "" for name in COMPLAINANT_DETAILS}
        if not details["preferred_language"] and self.cleaned_data.get("message_language") in ReplyLanguage.values:
            details["preferred_language"] = self.cleaned_data["message_language"]
        return details

    def error_summary(self):
        """(anchor, label, message) for each error, in the order of the page, for the list at the top."""
        items = [("", "", error) for error in self.non_field_errors()]
        for name, field in self.fields.items():
            for error in self.errors.get(name, []):
                # A field of several boxes (the date and time) is reached at its first box.
                items.append((self[name].id_for_label or f"{self[name].auto_id}_0", field.label, error))
        return items


def registration_form_for(request):
    """The registration form for this request's officer: the files it keeps after an error count toward their cap."""
    return type(
        GrievanceAdminAddForm.__name__, (GrievanceAdminAddForm,), {"kept_files_client": f"staff:{request.user.pk}"}
    )
