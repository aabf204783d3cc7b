"""Public forms of the document library: the search and filter form, and the comment form."""

from django import forms
from django.utils.translation import gettext_lazy as _

from smartgov.exceptions import ApplicationError
from smartgov.forms import FieldIdDescribedMixin, PublicCommentForm
from smartgov.uploads import RefusedUpload

from .models import DocumentType, FileLanguage, ProjectStage, VersionKind
from .selectors import STATUS_OPEN, STATUS_WITHDRAWN
from .services import version_dates_check
from .uploads import check_upload

STATUS_CHOICES = [
    ("", _("Any status")),
    (STATUS_OPEN, _("Open for comment")),
    (VersionKind.DRAFT, _("Draft")),
    (VersionKind.REVISED, _("Revised")),
    (VersionKind.FINAL, _("Final")),
    (STATUS_WITHDRAWN, _("Withdrawn")),
]


class DocumentFilterForm(FieldIdDescribedMixin, forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        help_text=_("Words in the title, summary or text of the document."),
    )
    doc_type = forms.ChoiceField(
        label=_("Type of document"), required=False, choices=[("", _("Any type")), *DocumentType.choices]
    )
    stage = forms.ChoiceField(
        label=_("Project stage"), required=False, choices=[("", _("Any stage")), *ProjectStage.choices]
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any language")), *FileLanguage.choices]
    )
    status = forms.ChoiceField(label=_("Status"), required=False, choices=STATUS_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self.describe_fields()

    def filters(self):
        """The cleaned filters, or none when the query string was nonsense."""
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "query": data["q"],
            "doc_type": data["doc_type"],
            "stage": data["stage"],
            "language": data["language"],
            "status": data["status"],
        }


class CommentForm(PublicCommentForm):
    """A comment on a disclosed document: its topic is a part of the document."""

    topic = forms.CharField(
        label=_("Which part of the document is it about? (optional)"),
        required=False,
        max_length=255,
        help_text=_("For example a section number or a page."),
    )


class DocumentVersionAdminForm(forms.ModelForm):
    """Admin form for a version: the comment period is checked by the services' rule before anything is saved."""

    def clean(self):
        data = super().clean()
        names = ("kind", "comment_start", "comment_end")
        if not any(name in self.errors for name in names):  # a field's own error says enough
            values = {name: data.get(name, getattr(self.instance, name)) for name in names}
            try:
                version_dates_check(**values)
            except ApplicationError as error:
                raise forms.ValidationError(error.message) from error
        return data


class VersionFileAdminForm(forms.ModelForm):
    """Admin form for a version's file: the upload is checked by its content before anything is stored.

    A stored file keeps its language: to change it, upload the file again in
    the other language and delete this one.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and "language" in self.fields:
            self.fields["language"].disabled = True

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                check_upload(upload)
            except RefusedUpload as error:
                raise forms.ValidationError(error.message) from error
        return upload
