"""Admin for the safeguards specialist: documents, versions, files; publishing and withdrawal through services.

Every write goes through `disclosure.services`: the forms validate, then
`save_model` and `save_formset` call one service for each change.
"""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin

from smartgov.admin_site import HTTPS_LINKS
from smartgov.exceptions import ApplicationError

from . import services
from .forms import DocumentVersionAdminForm, VersionFileAdminForm
from .models import Document, DocumentVersion, ExternalDisclosure, VersionFile


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    list_display = ["title", "doc_type", "project_stage", "created_at"]
    list_filter = ["doc_type", "project_stage"]
    search_fields = ["title_mn", "title_en"]
    readonly_fields = ["created_at"]

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in services.DOCUMENT_FIELDS if name in form.cleaned_data}
        if change:
            services.document_update(document=obj, data=data)
            return
        created = services.document_create(**data)
        obj.pk = created.pk  # the admin logs the addition and redirects with this object


class VersionFileInline(admin.TabularInline):
    model = VersionFile
    form = VersionFileAdminForm
    fields = ["language", "file", "file_format", "size", "text_extracted_at"]
    readonly_fields = ["file_format", "size", "text_extracted_at"]
    extra = 1

    def has_add_permission(self, request, obj=None):
        return super().has_add_permission(request, obj) and not (obj and obj.published_at)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and not (obj and obj.published_at)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not (obj and obj.published_at)


class ExternalDisclosureInline(admin.TabularInline):
    """Where else a version was disclosed; open also once the version is published."""

    model = ExternalDisclosure
    fields = services.EXTERNAL_DISCLOSURE_FIELDS
    formfield_overrides = HTTPS_LINKS
    extra = 0


PUBLISHED_VERSION_IS_FIXED = gettext_lazy(
    "This version is published, so its kind, dates, description of changes and files cannot change. "
    "To correct it, add a new version; to take it down, withdraw it."
)


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason for withdrawal"), widget=forms.Textarea)


@admin.register(DocumentVersion)
class DocumentVersionAdmin(TranslationAdmin):
    list_display = ["document", "kind", "number", "disclosure_date", "comment_end", "published_at", "withdrawn_at"]
    list_filter = ["kind", "document__doc_type"]
    list_select_related = ["document"]
    readonly_fields = ["number", "published_at", "published_by", "withdrawn_at", "withdrawn_by", "withdrawal_reason"]
    form = DocumentVersionAdminForm
    inlines = [VersionFileInline, ExternalDisclosureInline]
    actions = ["publish", "withdraw"]

    def get_readonly_fields(self, request, obj=None):
        """A version's document is fixed once it has a number; a published version is fixed entirely."""
        readonly = [*super().get_readonly_fields(request, obj)]
        if obj is not None:
            readonly.append("document")
        if obj is not None and obj.published_at is not None:
            readonly.extend(services.VERSION_FIELDS)
        return readonly

    def change_view(self, request, object_id, form_url="", extra_context=None):
        version = self.get_object(request, object_id)
        if version is not None and version.published_at is not None:
            self.message_user(request, PUBLISHED_VERSION_IS_FIXED, messages.WARNING)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in services.VERSION_FIELDS if name in form.cleaned_data}
        if change:
            services.version_update(version=obj, data=data)
            return
        created = services.version_create(document=form.cleaned_data["document"], **data)
        obj.pk, obj.number = created.pk, created.number  # the admin saves the inlines and logs with this object

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)  # sorts the forms into new, changed and deleted without writing
        if formset.model is VersionFile:
            self._save_files(form.instance, formset)
        else:
            self._save_external_disclosures(form.instance, formset)

    def _save_files(self, version, formset):
        """New files go through version_file_attach, which checks the content and queues text extraction."""
        for version_file in formset.deleted_objects:
            services.version_file_delete(version_file=version_file)
        for file_form in formset.forms:
            upload = file_form.cleaned_data.get("file") if file_form.has_changed() else None
            if file_form in formset.deleted_forms or not hasattr(upload, "content_type"):
                continue
            services.version_file_attach(version=version, language=file_form.cleaned_data["language"], upload=upload)

    def _save_external_disclosures(self, version, formset):
        for disclosure in formset.deleted_objects:
            services.external_disclosure_delete(disclosure=disclosure)
        for disclosure, changed in formset.changed_objects:
            data = {name: getattr(disclosure, name) for name in changed}
            services.external_disclosure_update(disclosure=disclosure, data=data)
        for disclosure in formset.new_objects:
            fields = {name: getattr(disclosure, name) for name in services.EXTERNAL_DISCLOSURE_FIELDS}
            services.external_disclosure_add(version=version, **fields)

    def has_publish_permission(self, request):
        return request.user.has_perm("disclosure.publish_documentversion")

    @admin.action(description=gettext_lazy("Publish the selected versions"), permissions=["publish"])
    def publish(self, request, queryset):
        for version in queryset:
            try:
                services.version_publish(version=version, actor=request.user)
            except ApplicationError as error:
                self.message_user(request, f"{version}: {error.message}", messages.ERROR)
            else:
                self.message_user(request, _("%(version)s is published.") % {"version": version}, messages.SUCCESS)

    @admin.action(description=gettext_lazy("Withdraw the selected versions"), permissions=["publish"])
    def withdraw(self, request, queryset):
        form = WithdrawForm(request.POST if "reason" in request.POST else None)
        if form.is_valid():
            for version in queryset:
                try:
                    services.version_withdraw(version=version, actor=request.user, reason=form.cleaned_data["reason"])
                except ApplicationError as error:
                    self.message_user(request, f"{version}: {error.message}", messages.ERROR)
                else:
                    self.message_user(request, _("%(version)s is withdrawn.") % {"version": version}, messages.SUCCESS)
            return None
        context = {
            **self.admin_site.each_context(request),
            "title": _("Withdraw document versions"),
            "form": form,
            "versions": queryset,
            "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        }
        return TemplateResponse(request, "disclosure/admin/withdraw.html", context)
