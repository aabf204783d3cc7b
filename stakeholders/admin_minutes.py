"""Admin pages of a consultation event's record: its minutes as PDF, and its evidence files."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationTabularInline

from grievances.uploads import check_upload
from smartgov.uploads import RefusedUpload

from .evidence import evidence_response
from .minutes import render_event_minutes_pdf
from .models import ConsultationEvent, EventEvidence

MINUTES_LANGUAGES = {"mn": "Монгол", "en": "English"}


def _require_view(request):
    if not request.user.has_perm("stakeholders.view_consultationevent"):
        raise PermissionDenied


def event_minutes_view(request, pk, language):
    """The event's minutes with annexes A to C as PDF, in Mongolian or English."""
    _require_view(request)
    if language not in MINUTES_LANGUAGES:
        raise Http404
    event = get_object_or_404(ConsultationEvent, pk=pk)
    response = HttpResponse(render_event_minutes_pdf(event_id=event.pk, language=language), "application/pdf")
    response["Content-Disposition"] = f'inline; filename="minutes-{event.pk}-{language}.pdf"'
    return response


def event_evidence_view(request, pk):
    """An evidence file, for staff who may see the event, published or not."""
    _require_view(request)
    return evidence_response(get_object_or_404(EventEvidence, pk=pk))


def minutes_links(event):
    """Links to the minutes PDF in each language, for the event's admin page."""
    if event.pk is None:
        return "–"
    links = (
        (reverse("admin:stakeholders_consultationevent_minutes", args=[event.pk, code]), name)
        for code, name in MINUTES_LANGUAGES.items()
    )
    return format_html_join(" · ", '<a href="{}">{}</a>', links)


class EventEvidenceForm(forms.ModelForm):
    """A new file is checked like the public form's attachments (images or PDF, by content) before saving."""

    class Meta:
        model = EventEvidence
        fields = ["kind", "caption_mn", "caption_en", "file", "is_published"]

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload is not None and hasattr(upload, "content_type"):  # a new upload, not the stored file
            try:
                check_upload(upload)
            except RefusedUpload as error:
                raise forms.ValidationError(error.message) from error
            upload.seek(0)
        return upload


class EventEvidenceInline(TranslationTabularInline):
    """Attendance sheets and photographs; the public sees a file only once it is published."""

    model = EventEvidence
    form = EventEvidenceForm
    extra = 0
    fields = ["kind", "caption", "file", "download", "is_published"]
    readonly_fields = ["download"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields

    @admin.display(description=_("file"))
    def download(self, evidence):
        if evidence.pk is None:
            return "–"
        url = reverse("admin:stakeholders_consultationevent_evidence", args=[evidence.pk])
        return format_html('<a href="{}">{}</a>', url, evidence.original_name)
