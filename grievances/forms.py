"""The public feedback form and the tracking form: input validation only."""

import functools
import re
import uuid

from django import forms
from django.conf import settings
from django.utils.translation import get_language, gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from smartgov.forms import AccessibleFormMixin, share_choices
from smartgov.uploads import RefusedUpload

from . import upload_quota, uploads
from .models import Kind, ReferralConsent, ReplyLanguage, ResponseWay
from .who_and_where import WHY_WE_ASK, profile_form_fields, profile_from

PHONE_PATTERN = re.compile(r"^\+?[\d\s\-()]{6,30}$")
# The ways of answering a citizen can ask for on the form, and what each needs from them.
REPLY_WAYS = [ResponseWay.EMAIL, ResponseWay.PHONE, ResponseWay.LETTER, ResponseWay.MEETING]
# The kinds in plain words, each with a hint saying when to choose it.
KIND_CHOICES = [
    (Kind.COMPLAINT.value, _("A complaint")),
    (Kind.REQUEST.value, _("A request")),
    (Kind.CLARIFICATION.value, _("A question")),
    (Kind.COMMENT.value, _("A comment or suggestion")),
]
KIND_HINTS = {
    Kind.COMPLAINT.value: _("Something went wrong, or the project caused you a problem or harm."),
    Kind.REQUEST.value: _("You want the project to do something for you or to give you something, such as a document."),
    Kind.CLARIFICATION.value: _("You want to know or understand something about the project."),
    Kind.COMMENT.value: _("You want to share an opinion or an idea."),
}
REPLY_WAY_NEEDS = {
    ResponseWay.EMAIL: ("email", _("To get the answer by e-mail, give your e-mail address.")),
    ResponseWay.PHONE: ("phone", _("To get the answer by phone, give your phone number.")),
    ResponseWay.LETTER: ("address", _("To get the answer by letter, give your postal address.")),
}


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.Field):
    """Several optional files; their checks are in GrievanceForm.clean_attachments."""

    widget = MultipleFileInput

    def clean(self, value):
        return [upload for upload in (value or []) if upload]


def attachments_field():
    return MultipleFileField(
        label=_("Photos or documents (optional)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": "image/*,application/pdf"}),
    )


def attachments_help(count, size):
    """The file field's help in the active language, for these limits."""
    return _attachments_help(count, size, get_language())


@functools.cache
def _attachments_help(count, size, language):
    # Made once per language and limits: `ngettext_lazy(...) % values` builds a new lazy class on each call
    # (about 0.2 ms, on each form a submission builds: the check step's and the send's) and then translates
    # at once anyway.
    return ngettext(
        "You may attach %(count)d file: a photo (JPEG, PNG, GIF, WebP or HEIC) or a PDF, up to %(size)d MB.",
        "You may attach up to %(count)d files: photos (JPEG, PNG, GIF, WebP or HEIC) or PDFs, each up to %(size)d MB.",
        count,
    ) % {"count": count, "size": size}


class AttachmentsFormMixin:
    """The public forms' files: checked by content (uploads.check_upload), at most GRM_MAX_ATTACHMENTS.

    A file that passed while another field had an error is kept (keep_accepted_uploads)
    and offered again as a ticked box, so nothing chosen is lost. A form using it
    declares `attachments = attachments_field()` and calls init_attachments() in __init__.
    """

    def init_attachments(self):
        self.fields["attachments"].help_text = attachments_help(
            settings.GRM_MAX_ATTACHMENTS, settings.UPLOAD_MAX_FILE_BYTES // (1024 * 1024)
        )
        self.kept_files = self._load_kept_files()

    def _load_kept_files(self):
        if not self.is_bound:
            return []
        found = (uploads.load_kept(token) for token in self.data.getlist("keep_attachment"))
        return [checked for checked in found if checked is not None]

    def clean_attachments(self):
        accepted, problems = [], []
        for upload in self.files.getlist("attachments"):
            try:
                accepted.append(uploads.check_upload(upload))
            except RefusedUpload as problem:
                problems.append(problem.message)
        # Files that passed are kept for the next try even if some others did not.
        self.accepted_uploads = accepted
        if len(self.kept_files) + len(accepted) > settings.GRM_MAX_ATTACHMENTS:
            problems.append(
                ngettext_lazy("Attach at most %(count)d file.", "Attach at most %(count)d files.", "count")
                % {"count": settings.GRM_MAX_ATTACHMENTS}
            )
            self.accepted_uploads = []
        if problems:
            raise forms.ValidationError(problems)
        return self.kept_files + accepted

    def keep_accepted_uploads(self, *, client: str) -> int:
        """After an error elsewhere, store the files that passed so the re-rendered form still has them.

        Kept bytes are capped per client address and in all (upload_quota); a
        file over a cap is not kept and the form says to choose it again.
        Return how many files were stored.
        """
        stored = 0
        for checked in getattr(self, "accepted_uploads", []):
            if upload_quota.kept_bytes_take(client=client, size=checked.size):
                self.kept_files.append(uploads.keep_for_next_try(checked))
                stored += 1
            else:
                self._not_kept(checked)
        self.accepted_uploads = []
        return stored

    def drop_accepted_uploads(self):
        """Store none of the files that passed (the POST was refused) and say to choose them again."""
        for checked in getattr(self, "accepted_uploads", []):
            self._not_kept(checked)
        self.accepted_uploads = []

    def _not_kept(self, checked):
        self.add_error(None, self.not_kept_message(checked.name))

    @staticmethod
    def not_kept_message(name):
        return gettext("“%(name)s” was not kept: choose it again when you send the form.") % {"name": name}


@share_choices
class GrievanceForm(AccessibleFormMixin, AttachmentsFormMixin, forms.Form):
    kind_hints = KIND_HINTS

    kind = forms.ChoiceField(
        label=_("What do you want to do?"),
        choices=KIND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what you want to do.")},
    )
    summary = forms.CharField(
        label=_("Your message"),
        help_text=_("What happened, when and who was involved? What would you like us to do? Write in your own words."),
        max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your message."),
            "max_length": _("Your message is too long: write at most %(limit_value)d characters."),
        },
    )
    # Who and where (who_and_where.py): optional, asked with the reason (why_we_ask), kept on the case.
    _profile_fields = profile_form_fields()
    aimag = _profile_fields["aimag"]
    location = forms.CharField(
        label=_("Soum or district (optional)"),
        help_text=_("The soum and bag, or the city district and khoroo. Leave it empty if it is not about a place."),
        max_length=200,
        required=False,
    )
    gender = _profile_fields["gender"]
    age_group = _profile_fields["age_group"]
    disability = _profile_fields["disability"]
    vulnerable_groups = _profile_fields["vulnerable_groups"]
    del _profile_fields
    why_we_ask = WHY_WE_ASK
    attachments = attachments_field()
    name = forms.CharField(label=_("Your name (optional)"), max_length=200, required=False)
    preferred_contact = forms.ChoiceField(
        label=_("How would you like us to answer? (optional)"),
        choices=[("", _("No preference"))] + [(way.value, way.label) for way in REPLY_WAYS],
        widget=forms.RadioSelect,
        required=False,
    )
    # The three contact details each sit under the way of answering that needs them (grievance_form.html);
    # without a script all three show, each saying when it is needed.
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("Needed for an answer by e-mail. If you give it, we also send you the confirmation by e-mail."),
        required=False,
        error_messages={"invalid": _("Enter an e-mail address like name@example.com.")},
    )
    phone = forms.CharField(
        label=_("Phone number"),
        help_text=_("Needed for an answer by phone. For example 9911 2233."),
        max_length=50,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    address = forms.CharField(
        label=_("Postal address"),
        help_text=_("Needed for an answer by letter."),
        max_length=300,
        required=False,
    )
    preferred_language = forms.ChoiceField(
        label=_("In which language should we answer?"),
        choices=ReplyLanguage.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose the language of the answer.")},
    )
    consent = forms.BooleanField(
        label=_("I agree that the project team uses the information in this form to handle my feedback."),
        help_text=_(
            "Only the project staff who handle feedback see your name and contact details. They are never "
            "published: public reports and reports to the World Bank do not show who you are. We keep your "
            "feedback as long as the project needs it for its records. You can ask us at any time to correct or "
            "delete your contact details."
        ),
        error_messages={"required": _("To send the form, tick the box to agree to how we use your information.")},
    )
    # The sensitive-case pathway (SEA/SH, sensitive.py): the complainant's own choice, and consent to a referral.
    sensitive = forms.BooleanField(
        label=_("This is about sexual harassment, abuse or exploitation, or it puts me in danger (optional)"),
        help_text=_(
            "If you tick this box, only one specially designated staff member sees your feedback, not the other "
            "project staff, and reports never show what it is about. We also show you services that can help."
        ),
        required=False,
    )
    referral_consent = forms.ChoiceField(
        label=_("May that staff member put you in touch with a support service? (optional)"),
        help_text=_(
            "Only if you ticked the box above. We never refer you to a service without your agreement. "
            "You can also decide later."
        ),
        choices=[
            ("", _("I will decide later")),
            (ReferralConsent.YES.value, _("Yes, I agree")),
            (ReferralConsent.NO.value, _("No")),
        ],
        widget=forms.RadioSelect,
        required=False,
    )
    # Honeypot: hidden from people (display: none), filled in by robots that fill in every field.
    homepage = forms.CharField(label=_("Leave this field empty"), required=False)
    submission_token = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args, language="mn", sensitive=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["preferred_language"].initial = language
        self.fields["sensitive"].initial = sensitive  # reached from the pathway's safe entry
        self.fields["sensitive"].widget.attrs["data-reveals-exit-this-page"] = ""
        self.fields["submission_token"].initial = uuid.uuid4()
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["address"].widget.attrs["autocomplete"] = "street-address"
        self.fields["homepage"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.init_attachments()
        self.describe_fields()

    def contact_reveals(self):
        """Map each way of answering to the bound field it needs, for the form to show that field under it."""
        return {way.value: self[field_name] for way, (field_name, _message) in REPLY_WAY_NEEDS.items()}

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not PHONE_PATTERN.match(phone):
            raise forms.ValidationError(_("Enter a phone number using digits, for example 9911 2233."))
        return phone

    def clean_homepage(self):
        if self.cleaned_data["homepage"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("sensitive"):
            cleaned["referral_consent"] = ""  # asked on the pathway only
        field_needed = REPLY_WAY_NEEDS.get(cleaned.get("preferred_contact"))
        if field_needed and not cleaned.get(field_needed[0]) and field_needed[0] not in self.errors:
            self.add_error(field_needed[0], field_needed[1])
        return cleaned

    def profile(self):
        """Who the complainant is and where the case comes from, as they chose to say (who_and_where)."""
        return profile_from(self.cleaned_data)

    def complainant(self):
        data = self.cleaned_data
        fields = ["name", "phone", "email", "address", "preferred_contact", "preferred_language"]
        return {field: data[field] for field in fields if data.get(field)}

    @property
    def check_answers_skip(self) -> tuple[str, ...]:
        """What the "check your answers" page (check_answers.py) does not list; hidden fields never are.

        The honeypot, and the agreement that sending needs anyway; the referral
        question too unless the sensitive box is ticked, as it is asked only then.
        """
        skip = ("homepage", "consent")
        return skip if self.is_sensitive() else (*skip, "referral_consent")

    def is_sensitive(self) -> bool:
        """Whether the page belongs to the sensitive pathway: reached from its entry, or the box ticked."""
        if self.is_bound:
            return self.fields["sensitive"].widget.value_from_datadict(
                self.data, self.files, self.add_prefix("sensitive")
            )
        return bool(self.fields["sensitive"].initial)


class UnechoedTextInput(forms.TextInput):
    """A text box that is always rendered empty: what was typed in it is not written back into the page.

    For the tracking code, a secret: after a look-up (found or not) the page
    must not show it to whoever looks at the screen next, or keep it in the
    HTML a browser may cache or restore.
    """

    def format_value(self, value):
        return None


class TrackingForm(AccessibleFormMixin, forms.Form):
    registered_no = forms.CharField(
        label=_("Registration number"),
        help_text=_("For example f-2026/07 or 2026/07"),
        max_length=32,
        error_messages={"required": _("Enter the registration number.")},
    )
    code = forms.CharField(
        label=_("Tracking code"),
        help_text=_("12 letters and digits, for example ABCD-EFGH-JKMN"),
        max_length=32,
        widget=UnechoedTextInput,
        error_messages={"required": _("Enter the tracking code.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registered_no"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})
        self.fields["code"].widget.attrs.update({"autocomplete": "off", "spellcheck": "false"})
        self.describe_fields()


class CaseAnswerForm(AccessibleFormMixin, forms.Form):
    """A form of the tracking page, by which the complainant answers on their case.

    The page keeps no session: every POST also carries the registration number
    and the tracking code as hidden fields (read by TrackingForm), and the view
    checks them again before it reads the rest. `action` names the form to the view.
    """

    action = ""


class ReplyForm(AttachmentsFormMixin, CaseAnswerForm):
    action = "reply"

    text = forms.CharField(
        label=_("Your information"),
        help_text=_("Write what you want to add or answer. You can also attach photos or documents."),
        required=False,  # text or a file: the service says so (complainant_side.grievance_complainant_reply)
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    attachments = attachments_field()
    # A reply the browser sends again (reloading the page that thanked for it) is added once.
    submission_token = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["submission_token"].initial = uuid.uuid4()
        self.init_attachments()
        self.describe_fields()


RESOLVED_YES = "yes"
RESOLVED_NO = "no"


class ResolutionAnswerForm(CaseAnswerForm):
    """ "Was your issue resolved?": yes closes the case, no with a reason takes it to the next stage.

    At stage 4 there is no next stage: only "yes" is offered, and the page explains the World Bank's routes.
    """

    action = "resolution"

    resolved = forms.ChoiceField(
        label=_("Your answer"),
        choices=[(RESOLVED_YES, _("Yes, my issue is resolved")), (RESOLVED_NO, _("No, my issue is not resolved"))],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose yes or no."),
            "invalid_choice": _("Choose yes or no."),
        },
    )
    reason = forms.CharField(
        label=_("If not: why is your issue not resolved?"),
        help_text=_("Needed when you answer no. Your case then goes to the next stage of the grievance mechanism."),
        required=False,  # needed for "no" only: the service says so (services.grievance_appeal)
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def __init__(self, *args, may_appeal=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not may_appeal:
            self.fields["resolved"].choices = self.fields["resolved"].choices[:1]
        self.describe_fields()
