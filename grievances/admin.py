"""The PIU officer's case list and case page. State changes only through the services (actions, workflow panel)."""

import json

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.views.main import PAGE_VAR
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TranslationAdmin

from smartgov.exceptions import ApplicationError
from smartgov.paginators import CappedCountPaginator

from . import (
    admin_log_export,
    admin_receipts,
    admin_registration,
    admin_transitions,
    complainant_side,
    history,
    languages,
    personal_data,
    selectors,
    sensitive,
    services,
    workflow,
)
from .admin_columns import DEFAULT_ORDERING, CaseListColumns
from .admin_filters import AssigneeFilter, QueueFilter, ReportingPeriodFilter
from .models import Attachment, Complainant, Grievance, StageResolution
from .search import grievance_search
from .who_and_where import PROFILE_FIELDS, VulnerableGroupsField


def private_file_get(request, model_admin, grievance_id, related, pk):
    """The case and one of its private files (`related`: attachments, referral_letters), for a download.

    Only staff who may see the complainant, and only on a case they may see:
    a file that names or shows the person is as private as the person, and
    each download is logged as a view of the complainant.
    """
    if not request.user.has_perm("grievances.view_complainant"):
        raise PermissionDenied
    grievance = get_object_or_404(model_admin.get_queryset(request), pk=grievance_id)
    item = get_object_or_404(getattr(grievance, related), pk=pk)
    services.grievance_complainant_viewed(grievance=grievance, actor=request.user, via=related)
    return grievance, item


def private_file_response(file, **kwargs):
    """Answer a download of a stored file, or 404 when the storage no longer has it."""
    try:
        handle = file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, **kwargs)


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def get_queryset(self, request):
        # Each row is titled with its str(), which names the case: join it instead of one query a row.
        return super().get_queryset(request).select_related("grievance")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class StageResolutionInline(ReadOnlyInline):
    model = StageResolution
    fields = ["stage", "resolution", "resolved_on", "closed_on"]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        return True


class AttachmentInline(ReadOnlyInline):
    model = Attachment
    fields = ["download", "content_type", "size", "uploaded_at"]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("grievances.view_complainant")

    @admin.display(description=_("file"))
    def download(self, attachment):
        url = reverse("admin:grievances_grievance_attachment", args=[attachment.grievance_id, attachment.pk])
        return format_html('<a href="{}">{}</a>', url, attachment.original_name)


class ComplainantInline(admin.StackedInline):
    """Identity and contact details: shown only with grievances.view_complainant; each showing is logged."""

    model = Complainant
    can_delete = False
    extra = 0
    max_num = 1

    def get_queryset(self, request):
        # The row is titled with its str(), "complainant of <number>": join the case instead of one more query.
        return super().get_queryset(request).select_related("grievance")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("grievances.view_complainant")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("grievances.view_complainant") and request.user.has_perm(
            "grievances.change_complainant"
        )

    def has_add_permission(self, request, obj=None):
        return False


class ContactTaskForm(forms.Form):
    """What the officer records of a call to the complainant (services.contact_task_complete)."""

    note = forms.CharField(
        label=_("what was said"),
        widget=forms.Textarea(attrs={"rows": 2, "cols": 40}),
        help_text=_("What you told the complainant and what they said. Never write the tracking code here."),
    )


WORKFLOW_FIELDS = [
    "registered_no",
    "state",
    "status",
    "stage",
    "assigned_to",
    "acknowledged_at",
    "due_on",
    "referred_to",
    "resolved_on",
    "working_days_to_resolve",
    "closed_at",
]


@admin.register(Grievance)
class GrievanceAdmin(CaseListColumns, TranslationAdmin):
    # Compact columns (admin_columns.py): the list fits 1280 px in Mongolian and English.
    list_display = ["number", "short_summary", "status_cell", "assigned_to", "badges"]
    list_select_related = ["assigned_to"]
    list_filter = [QueueFilter, "state", "status", "stage", "kind", "channel", AssigneeFilter, ReportingPeriodFilter]
    list_per_page = 50
    show_full_result_count = False
    paginator = CappedCountPaginator
    search_fields = ["registered_no"]  # shows the search box; get_search_results does the searching
    ordering = DEFAULT_ORDERING
    action_form = admin_transitions.GrievanceActionForm
    actions = ["export_personal_data"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "registered_no",
                    "received_at",
                    "kind",
                    "channel",
                    "message",
                    "message_language",
                    "summary",
                    "details",
                ]
            },
        ),
        (_("Who and where"), {"fields": [*PROFILE_FIELDS, "location"]}),
        (_("Workflow"), {"fields": WORKFLOW_FIELDS[1:]}),
        (
            _("Resolution"),
            {"fields": ["actions_taken", "response_way", "public_answer", "public_answer_kk", "internal_notes"]},
        ),
    ]
    add_fieldsets = admin_registration.ADD_FIELDSETS
    add_form_template = "admin/grievances/grievance/add_form.html"

    # --- list ---------------------------------------------------------------

    def get_queryset(self, request):
        return selectors.grievance_list_for_user(user=request.user)

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        """Tell the paginator the page asked for, so that it counts far enough in one query."""
        page = request.GET.get(PAGE_VAR, 1)
        return self.paginator(queryset, per_page, orphans, allow_empty_first_page, wanted_page=page)

    def get_search_results(self, request, queryset, search_term):
        """Search through the indexes (grievances.search): a number, the complainant's exact name, e-mail or
        phone, or words of the summaries.

        Each case is found once, so the list needs no DISTINCT.
        """
        return grievance_search(queryset, search_term, user=request.user), False

    # --- case page ----------------------------------------------------------

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Label each language's copy of a text with its language and mark its box with `lang` (languages.py)."""
        if db_field.name == "vulnerable_groups":
            return VulnerableGroupsField(label=capfirst(db_field.verbose_name))
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        return field if field is None else languages.label_as_copy(db_field.name, field)

    def get_readonly_fields(self, request, obj=None):
        # The message stays as it was received; the officer writes the public summaries beside it.
        return [] if obj is None else WORKFLOW_FIELDS + ["received_at", "message", "message_language"]

    def add_view(self, request, form_url="", extra_context=None):
        extra_context = {**(extra_context or {}), "registers_sensitive": sensitive.registers_sensitive(request.user)}
        return super().add_view(request, form_url, extra_context)

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = admin_registration.registration_form_for(request)
        return super().get_form(request, obj, **kwargs)

    def get_inlines(self, request, obj):
        if obj is None:
            return []
        return [
            ComplainantInline,
            StageResolutionInline,
            AttachmentInline,
            admin_referrals.ReferralLetterInline,
            *([admin_sensitive.SupportReferralInline] if obj.sensitive else []),
        ]

    def has_delete_permission(self, request, obj=None):
        return False  # the log keeps every case; numbers are never reused

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        grievance = self.get_object(request, object_id)
        if grievance is None:
            # A case this person may not see (a PSC member's unassigned case) answers like one that does not exist.
            raise Http404
        if request.method == "GET" and request.user.has_perm("grievances.view_complainant"):
            services.grievance_complainant_viewed(grievance=grievance, actor=request.user)
        if request.method == "GET" and workflow.may_handle(request.user, grievance):
            complainant_side.grievance_reply_seen(grievance=grievance)  # the list's "new reply" badge goes
        extra_context = {
            **(extra_context or {}),
            "workflow": admin_transitions.workflow_panel(
                grievance, request.user, draft=admin_transitions.draft_pop(request, grievance)
            ),
            "may_issue_tracking_code": request.user.has_perm(admin_receipts.PERMISSION)
            and grievance.anonymised_at is None,
            "contact_tasks": self._contact_tasks(request, grievance),
            "history": self._history(grievance),
            "sensitive_panel": admin_sensitive.sensitive_panel(grievance, request.user),
        }
        return super().change_view(request, object_id, form_url, extra_context)

    def history_view(self, request, object_id, extra_context=None):
        """The History button: the case's own history (its events), not the admin's log of form saves.

        Refused as the case page is: no right to the cases at all is 403, a case the person may not see 404.
        """
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        grievance = self.get_object(request, object_id)
        if grievance is None:
            raise Http404
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("History of case %(number)s") % {"number": grievance.registered_no},
            "subtitle": None,
            "module_name": str(capfirst(self.opts.verbose_name_plural)),
            "object": grievance,
            "opts": self.opts,
            "preserved_filters": self.get_preserved_filters(request),
            "history": self._history(grievance),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template or self._history_template(), context)

    def _history_template(self):
        return [f"admin/{self.opts.app_label}/{self.opts.model_name}/object_history.html", "admin/object_history.html"]

    def _history(self, grievance):
        """The case's history lines, "details viewed" folded to one per person and day (one query)."""
        return [history.entry(event) for event in selectors.grievance_history(grievance=grievance)]

    def save_form(self, request, form, change):
        """Register a new case through the service and give it its tracking code, shown once with the receipt.

        An edited case is saved by save_model, also through a service.
        """
        if change:
            return form.save(commit=False)
        data = form.cleaned_data
        grievance = services.grievance_register(
            kind=data["kind"],
            channel=data["channel"],
            message=data.get("message", ""),
            message_language=data.get("message_language", ""),
            received_at=data["received_at"],
            details=data.get("details", ""),
            location=data.get("location", ""),
            profile=form.profile(),
            translations={name: value for name, value in data.items() if name.startswith("summary_")},
            complainant=form.complainant(),
            attachments=data.get("attachments") or [],
            actor=request.user,
            confirm=False,  # the receipt e-mailed with the new code is the complainant's one confirmation
            sensitive=sensitive.registers_sensitive(request.user),
        )
        return admin_receipts.receipt_issue_and_announce(request, grievance, model_admin=self)

    def save_related(self, request, form, formsets, change):
        # A new case was saved by the service, not by the form: it has no relations of the form's to save.
        if change:
            super().save_related(request, form, formsets, change)

    def save_formset(self, request, form, formset, change):
        """The complainant's details are changed through their service (which logs the change), not saved here."""
        if formset.model is not Complainant:
            return super().save_formset(request, form, formset, change)
        # What the admin's change message reads (ModelAdmin.construct_change_message), as formset.save() would set.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        for complainant_form in formset.forms:
            if complainant_form.has_changed():
                data = {name: complainant_form.cleaned_data[name] for name in complainant_form.changed_data}
                services.complainant_update(complainant=complainant_form.instance, actor=request.user, data=data)
                formset.changed_objects.append((complainant_form.instance, complainant_form.changed_data))
        return None

    def save_model(self, request, obj, form, change):
        if change and form.changed_data:
            data = {name: form.cleaned_data[name] for name in form.changed_data}
            services.grievance_update(grievance=obj, actor=request.user, data=data)

    def get_urls(self):
        download = self.admin_site.admin_view(self.attachment_download)
        complete = self.admin_site.admin_view(self.contact_task_complete_view)
        return [
            *admin_log_export.log_export_urls(self),
            path("<int:grievance_id>/attachments/<int:pk>/", download, name="grievances_grievance_attachment"),
            path(
                "<path:object_id>/calls/<int:task_id>/done/",
                complete,
                name="grievances_grievance_contact_task_complete",
            ),
            *admin_transitions.transition_urls(self),
            *admin_receipts.receipt_urls(self),
            *admin_referrals.referral_letter_urls(self),
            *admin_sensitive.sensitive_urls(self),
            *super().get_urls(),
        ]

    def attachment_download(self, request, grievance_id, pk):
        """Serve a private attachment to staff who may see the case and its complainant."""
        grievance, attachment = private_file_get(request, self, grievance_id, "attachments", pk)
        return private_file_response(attachment.file, filename=attachment.original_name)

    # --- calls to the complainant ------------------------------------------------

    def _contact_tasks(self, request, grievance):
        """The case's calls to the complainant, each open one with its "record the call" form if the user may."""
        may_record = self.has_change_permission(request, grievance)
        return [
            {
                "task": task,
                "form": ContactTaskForm(prefix=f"call-{task.pk}") if may_record and not task.is_done else None,
                "url": reverse("admin:grievances_grievance_contact_task_complete", args=[grievance.pk, task.pk]),
            }
            for task in selectors.contact_task_list(grievance=grievance)
        ]

    @method_decorator(require_POST)
    def contact_task_complete_view(self, request, object_id, task_id):
        """Record a call to the complainant through its service; back to the case page with the outcome.

        As for a transition: no right to the cases at all is 403, a case the person may not see 404.
        """
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        grievance = self.get_object(request, object_id)
        if grievance is None:
            raise Http404
        if not self.has_change_permission(request, grievance):
            raise PermissionDenied
        task = get_object_or_404(grievance.contact_tasks, pk=task_id)
        form = ContactTaskForm(request.POST, prefix=f"call-{task.pk}")
        if not form.is_valid():
            message = gettext("Write what you told the complainant and what they said.")
            self.message_user(request, message, messages.ERROR)
        else:
            try:
                services.contact_task_complete(task=task, actor=request.user, note=form.cleaned_data["note"])
            except ApplicationError as error:
                self.message_user(request, error.message, messages.ERROR)
            else:
                self.message_user(request, gettext("The call is recorded in the case's history."), messages.SUCCESS)
        return redirect("admin:grievances_grievance_change", grievance.pk)

    # --- transitions ----------------------------------------------------------

    def get_actions(self, request):
        """The bulk transitions from the registry (admin_transitions.bulk_actions), then the other actions."""
        others = super().get_actions(request)
        return {**admin_transitions.bulk_actions(request), **others}

    # --- personal data ----------------------------------------------------------

    def has_view_complainant_permission(self, request):
        return request.user.has_perm("grievances.view_complainant")

    @admin.action(description=_("Export the complainant's personal data (JSON)"), permissions=["view_complainant"])
    def export_personal_data(self, request, queryset):
        """Download every case of the selected cases' complainants (matched by e-mail or phone) as JSON."""
        cases = list(queryset.select_related("complainant"))
        emails = {case.complainant.email for case in cases if case.complainant.email}
        phones = {case.complainant.phone for case in cases if case.complainant.phone}
        if len(emails) > 1 or len(phones) > 1:
            self.message_user(
                request,
                gettext("Select the cases of one person only: they have different contact details."),
                messages.ERROR,
            )
            return None
        data = personal_data.personal_data_export(
            actor=request.user, email=next(iter(emails), ""), phone=next(iter(phones), ""), grievances=cases
        )
        response = HttpResponse(
            json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
        return response


# The referral register and the letters' inline, the SEA/SH pathway's register and panel; imported last, as they
# build on ReadOnlyInline above.
from . import admin_referrals, admin_sensitive  # noqa: E402
