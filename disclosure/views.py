"""Public pages of the document library: the list, a document with its versions, comments, files."""

from django.conf import settings
from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import ListView

from smartgov import ratelimit
from smartgov.exceptions import ApplicationError
from stakeholders.selectors import feedback_for_subject

from . import selectors, services
from .forms import CommentForm, DocumentFilterForm
from .models import FileFormat

CONTENT_TYPES = {
    FileFormat.PDF: "application/pdf",
    FileFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileFormat.ODT: "application/vnd.oasis.opendocument.text",
    FileFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


class DocumentListView(ListView):
    template_name = "disclosure/document_list.html"
    context_object_name = "documents"
    paginate_by = 20

    def get_queryset(self):
        self.filter_form = DocumentFilterForm(self.request.GET or None)
        return selectors.document_list(**self.filter_form.filters())

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("page", None)
        context.update(filter_form=self.filter_form, filter_query=query.urlencode())
        return context


class DocumentDetailView(View):
    """A document with all its public versions; POST takes a comment on the version open for comment."""

    template_name = "disclosure/document_detail.html"

    def get(self, request, pk):
        return self.render_page(request, selectors.document_get_public(pk=pk), CommentForm())

    def post(self, request, pk):
        document = selectors.document_get_public(pk=pk)
        version = selectors.version_get_open_for_comment(document=document, version_pk=request.POST.get("version") or 0)
        form = CommentForm(request.POST)
        if form.is_spam():
            return self.thank(request, document)  # tell a bot nothing
        if not ratelimit.allow(request, group="disclosure-comment", rate=settings.DISCLOSURE_COMMENT_RATE_LIMIT):
            return self.render_page(
                request,
                document,
                form,
                refusal=_("Too many comments from your connection. Try again in an hour."),
                status=429,
            )
        if not form.is_valid():
            return self.render_page(request, document, form, status=400)
        try:
            comment = services.version_comment_submit(
                version=version, **{k: v for k, v in form.cleaned_data.items() if k != "website"}
            )
        except ApplicationError as error:
            return self.render_page(request, document, form, refusal=error.message, status=400)
        return self.thank(request, document, awaits_moderation=comment.is_awaiting_moderation)

    def thank(self, request, document, awaits_moderation=None):
        """Say the comment was received; a bot caught by the honeypot hears what a person would."""
        if awaits_moderation is None:
            awaits_moderation = settings.PUBLIC_COMMENTS_PREMODERATED
        if awaits_moderation:
            text = _(
                "Thank you. Your comment was received. A moderator reads every comment before it is published; "
                "it will then appear on this page, and the project team will answer it here."
            )
        else:
            text = _("Thank you. Your comment was received and will be answered on this page.")
        messages.success(request, text)
        return redirect("disclosure:document_detail", pk=document.pk)

    def render_page(self, request, document, form, refusal="", status=200):
        versions = [
            {"version": version, "feedback": feedback_for_subject(version) if version.has_comment_period else []}
            for version in document.public_versions
        ]
        open_version = next((v for v in document.public_versions if v.is_open_for_comment()), None)
        context = {
            "document": document,
            "versions": versions,
            "open_version": open_version,
            "form": form,
            "refusal": refusal,
        }
        return render(request, self.template_name, context, status=status)


def version_file_download(request, pk, filename):
    """Serve a file of a public, non-withdrawn version; never a raw storage URL."""
    version_file = selectors.version_file_get_servable(pk=pk)
    if filename != version_file.download_name:
        raise Http404
    content_type = CONTENT_TYPES[version_file.file_format]
    return FileResponse(version_file.file.open("rb"), content_type=content_type, filename=filename)
