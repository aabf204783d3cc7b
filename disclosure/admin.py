"""Admin for the safeguards specialist: documents, versions, files; publishing and withdrawal through services."""

from django import forms
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from modeltranslation.admin import TranslationAdmin

from smartgov.admin_site import HTTPS_LINKS
from smartgov.exceptions import ApplicationError

from . import services
from .forms import VersionFileAdminForm
from .models import Document, DocumentVersion, ExternalDisclosure, VersionFile


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    list_display = ["title", "doc_type", "project_stage", "created_at"]
    list_filter = ["doc_type", "project_stage"]
    search_fields = ["title_mn", "title_en"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.document_search_index_update(document=obj)


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
    model = ExternalDisclosure
    formfield_overrides = HTTPS_LINKS
    extra = 0


class WithdrawForm(forms.Form):
    reason = forms.CharField(label=gettext_lazy("Reason for withdrawal"), widget=forms.Textarea)


@admin.register(DocumentVersion)
class DocumentVersionAdmin(TranslationAdmin):
    list_display = ["document", "kind", "number", "disclosure_date", "comment_end", "published_at", "withdrawn_at"]
    list_filter = ["kind", "document__doc_type"]
    list_select_related = ["document"]
    readonly_fields = ["number", "published_at", "published_by", "withdrawn_at", "withdrawn_by", "withdrawal_reason"]
    inlines = [VersionFileInline, ExternalDisclosureInline]
    actions = ["publish", "withdraw"]

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        created = services.version_create(
            document=obj.document,
            kind=obj.kind,
            disclosure_date=obj.disclosure_date,
            comment_start=obj.comment_start,
            comment_end=obj.comment_end,
            changes_mn=obj.changes_mn or "",
            changes_en=obj.changes_en or "",
        )
        obj.pk, obj.number = created.pk, created.number
        obj._state.adding = False

    def save_formset(self, request, form, formset, change):
        """New files go through version_file_attach, which checks the content and queues text extraction."""
        if formset.model is not VersionFile:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # sorts the forms into new, changed and deleted without writing
        for obj in formset.deleted_objects:
            obj.delete()
        for file_form in formset.forms:
            upload = file_form.cleaned_data.get("file") if file_form.has_changed() else None
            if file_form in formset.deleted_forms or not hasattr(upload, "content_type"):
                continue
            services.version_file_attach(
                version=form.instance, language=file_form.cleaned_data["language"], upload=upload
            )

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
