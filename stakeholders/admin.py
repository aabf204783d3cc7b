"""Admin for the safeguards specialist: register, grid, consultation records, responses."""

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericStackedInline
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Count
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from smartgov.admin_site import HTTPS_LINKS
from smartgov.exceptions import ApplicationError

from . import evidence as evidence_services
from . import selectors, services
from .admin_minutes import EventEvidenceInline, event_evidence_view, event_minutes_view, minutes_links
from .admin_moderation import ModerationActionForm, ModerationFilter, approve_selected, remove_selected
from .grid import grid_layout
from .models import (
    AgendaItem,
    ConsultationEvent,
    EventEvidence,
    EventMaterial,
    EventRegistration,
    FeedbackItem,
    FeedbackSource,
    Participation,
    Representative,
    Stakeholder,
    VulnerableGroup,
)
from .moderation import MODERATE_PERMISSION


@admin.register(VulnerableGroup)
class VulnerableGroupAdmin(TranslationAdmin):
    list_display = ["name", "position", "stakeholder_count"]
    list_editable = ["position"]
    search_fields = ["name_mn", "name_en"]

    def get_queryset(self, request):
        return super().get_queryset(request).with_representation()

    @admin.display(description=_("representing stakeholders"), ordering="stakeholder_count")
    def stakeholder_count(self, group):
        return group.stakeholder_count


class RepresentativeInline(admin.StackedInline):
    model = Representative
    extra = 0
    fields = [("name", "position"), ("email", "phone"), ("is_verified", "verified_on"), "verification_method"]


@admin.register(Stakeholder)
class StakeholderAdmin(TranslationAdmin):
    change_list_template = "admin/stakeholders/stakeholder/change_list.html"
    list_display = ["name", "stakeholder_type", "category", "interest", "influence", "is_government", "representatives"]
    list_filter = [
        "stakeholder_type",
        "category",
        "interest",
        "influence",
        "is_government",
        "vulnerable_groups",
        "preferred_language",
        "sign_language",
        "hearing_loop",
        "easy_read",
        "step_free_access",
    ]
    search_fields = ["name_mn", "name_en", "role_mn", "role_en", "representatives__name"]
    filter_horizontal = ["vulnerable_groups"]
    inlines = [RepresentativeInline]
    fieldsets = [
        (None, {"fields": ["name", "stakeholder_type", "category", "is_government", "role"]}),
        (_("Interest and influence"), {"fields": [("interest", "influence")]}),
        (_("Vulnerable groups represented"), {"fields": ["vulnerable_groups"]}),
        (_("How to reach them"), {"fields": ["preferred_channels", "preferred_language"]}),
        (
            _("Accessibility needs"),
            {"fields": ["sign_language", "hearing_loop", "easy_read", "step_free_access", "accessibility_other"]},
        ),
        (None, {"fields": ["notes"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(representative_count=Count("representatives"))

    @admin.display(description=_("representatives"), ordering="representative_count")
    def representatives(self, stakeholder):
        return stakeholder.representative_count

    def get_urls(self):
        grid = path("grid/", self.admin_site.admin_view(self.grid_view), name="stakeholders_stakeholder_grid")
        return [grid, *super().get_urls()]

    def grid_view(self, request):
        """Draw the register as an interest/influence grid, with a table and the groups nobody represents."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        rows = selectors.stakeholder_grid()
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("Interest and influence grid"),
            "rows": rows,
            "layout": grid_layout(rows),
            "gaps": selectors.vulnerable_group_gaps(),
        }
        return TemplateResponse(request, "admin/stakeholders/stakeholder/grid.html", context)


# Texts in two languages side by side in a stacked inline: boxes narrow enough for the pair to fit 1280 px.
PAIRED_TEXTS = {
    models.CharField: {"widget": forms.TextInput(attrs={"size": 32})},
    models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 32})},
}


class AgendaItemInline(TranslationStackedInline):
    """One block per item, each text's Mongolian and English side by side (a nine-column table overflowed the page)."""

    model = AgendaItem
    extra = 0
    fields = [
        ("starts_at", "ends_at"),
        ("title_mn", "title_en"),
        ("presenter_mn", "presenter_en"),
        ("details_mn", "details_en"),
    ]
    formfield_overrides = PAIRED_TEXTS


class ParticipationInline(TranslationTabularInline):
    model = Participation
    extra = 0
    fields = ["position", "organisation", "male", "female", "other", "organisation_type", "stakeholder"]
    autocomplete_fields = ["stakeholder"]
    # Narrow boxes for the organisation's two names and the counts, and the counts next to the names: the table is
    # wider than the page beside the side menu and scrolls in its own box, where the counts stay in sight.
    formfield_overrides = {
        models.CharField: {"widget": forms.TextInput(attrs={"size": 24})},
        models.PositiveIntegerField: {"widget": forms.NumberInput(attrs={"style": "width: 5em"})},
        models.PositiveSmallIntegerField: {"widget": forms.NumberInput(attrs={"style": "width: 5em"})},
    }


class EventMaterialInline(TranslationTabularInline):
    model = EventMaterial
    formfield_overrides = HTTPS_LINKS
    extra = 0


EVENT_FEEDBACK_FIELDS = ["topic_mn", "topic_en", "text_mn", "text_en", "author_organisation", "received_at"]


class EventFeedbackInline(GenericStackedInline):
    """Enter the points raised at the event; responses are given on each feedback item's page.

    One block per point, each text's Mongolian and English side by side (as a table it overflowed the page).
    """

    model = FeedbackItem
    ct_field = "subject_type"
    ct_fk_field = "subject_id"
    extra = 0
    fields = [("topic_mn", "topic_en"), ("text_mn", "text_en"), ("author_organisation", "received_at"), "decision"]
    formfield_overrides = PAIRED_TEXTS
    readonly_fields = ["decision"]
    show_change_link = True


class EventRegistrationInline(admin.TabularInline):
    """People who registered online and the support they asked for; written by the public form only."""

    model = EventRegistration
    extra = 0
    fields = [
        "registered_at",
        "name",
        "organisation",
        "organisation_type",
        "contact",
        "sign_language",
        "hearing_loop",
        "easy_read",
        "step_free_access",
        "accessibility_other",
    ]
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(ConsultationEvent)
class ConsultationEventAdmin(TranslationAdmin):
    list_display = ["title", "starts_on", "kind", "event_format", "project_stage", "is_published"]
    list_filter = ["kind", "event_format", "project_stage", "is_published", "starts_on"]
    search_fields = ["title_mn", "title_en", "topics_mn", "topics_en", "venue_mn", "venue_en"]
    date_hierarchy = "starts_on"
    filter_horizontal = ["invited_stakeholders", "attending_stakeholders"]
    inlines = [
        AgendaItemInline,
        ParticipationInline,
        EventMaterialInline,
        EventFeedbackInline,
        EventRegistrationInline,
        EventEvidenceInline,
    ]
    readonly_fields = ["minutes_pdf"]
    fieldsets = [
        (None, {"fields": ["title", "kind", "event_format", ("starts_on", "ends_on"), "venue", "is_published"]}),
        (None, {"fields": ["topics", "responsible_body", "project_stage"]}),
        (_("Stakeholders"), {"fields": ["invited_stakeholders", "attending_stakeholders"]}),
        (
            _("Accessibility support provided or available on request"),
            {"fields": ["sign_language", "hearing_loop", "easy_read", "step_free_access", "accessibility_other"]},
        ),
        (None, {"fields": ["how_to_take_part", "minutes", "people_reached", "minutes_pdf"]}),
        (_("Joining online"), {"fields": [("comments_open_from", "comments_open_until")]}),
    ]

    @admin.display(description=_("minutes with annexes A to C (PDF)"))
    def minutes_pdf(self, event):
        return minutes_links(event)

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "<int:pk>/minutes/<str:language>/",
                view(event_minutes_view),
                name="stakeholders_consultationevent_minutes",
            ),
            path("evidence/<int:pk>/", view(event_evidence_view), name="stakeholders_consultationevent_evidence"),
            *super().get_urls(),
        ]

    def save_formset(self, request, form, formset, change):
        """Points raised at the event, and evidence files, are written through their services."""
        if formset.model is EventEvidence:
            return self._save_evidence(request, form, formset)
        if formset.model is not FeedbackItem:
            return super().save_formset(request, form, formset, change)
        formset.save(commit=False)  # sorts the forms into new, changed and deleted without writing
        for item in formset.deleted_objects:
            services.feedback_item_delete(item=item)
        for item, changed in formset.changed_objects:
            data = {name: getattr(item, name) for name in changed}
            services.feedback_item_update(item=item, data=data, actor=request.user)
        for item in formset.new_objects:
            created = services.feedback_item_create(
                source=FeedbackSource.EVENT,
                subject=form.instance,
                text=item.text_mn or item.text_en or "",
                received_at=item.received_at,
            )
            data = {name: getattr(item, name) for name in EVENT_FEEDBACK_FIELDS}
            services.feedback_item_update(item=created, data=data, actor=request.user)

    def _save_evidence(self, request, form, formset):
        formset.save(commit=False)
        for evidence in formset.deleted_objects:
            evidence_services.event_evidence_delete(evidence=evidence)
        for evidence, changed in formset.changed_objects:
            data = {name: getattr(evidence, name) for name in changed}
            evidence_services.event_evidence_update(evidence=evidence, data=data)
        for evidence in formset.new_objects:
            created = evidence_services.event_evidence_attach(
                event=form.instance,
                kind=evidence.kind,
                upload=evidence.file,
                caption_mn=evidence.caption_mn or "",
                caption_en=evidence.caption_en or "",
                actor=request.user,
            )
            if evidence.is_published:
                evidence_services.event_evidence_update(evidence=created, data={"is_published": True})


class FeedbackItemAdminForm(forms.ModelForm):
    class Meta:
        model = FeedbackItem
        fields = ["decision", "reason", "reflected_in"]

    def clean(self):
        """Check a changed response with the services' rule, so that a refusal is shown before anything is saved."""
        data = super().clean()
        if "decision" not in self.errors and set(services.RESPONSE_FIELDS) & set(self.changed_data):
            try:
                services.feedback_response_check(
                    decision=data.get("decision") or "", reasons=[data.get("reason_mn"), data.get("reason_en")]
                )
            except ApplicationError as error:
                self.add_error(None, error.message)
        return data


@admin.register(FeedbackItem)
class FeedbackItemAdmin(TranslationAdmin):
    """Edits go through `feedback_item_update`, which checks a response's reason and stamps who gave it and when."""

    form = FeedbackItemAdminForm
    list_display = ["__str__", "topic", "source", "moderation_state", "decision", "received_at", "responded_at"]
    list_filter = [ModerationFilter, "source", "decision", "name_consent", "received_at"]
    search_fields = ["text_mn", "text_en", "topic_mn", "topic_en", "author_organisation"]
    date_hierarchy = "received_at"
    action_form = ModerationActionForm
    actions = [approve_selected, remove_selected]
    moderation_fields = ["moderation_state", "moderated_at", "moderated_by", "removal_reason", "removal_note"]
    readonly_fields = ["subject_type", "subject_id", "responded_at", "responded_by", *moderation_fields]
    fieldsets = [
        (None, {"fields": ["source", "subject_type", "subject_id", "topic", "text", "received_at"]}),
        (_("Who raised it"), {"fields": ["author_name", "author_organisation", "author_contact", "name_consent"]}),
        (_("Response"), {"fields": ["decision", "reason", "reflected_in", "responded_at", "responded_by"]}),
        (
            _("Moderation"),
            {
                "fields": moderation_fields,
                "description": _("Publish or remove comments with the actions above the list of feedback."),
            },
        ),
    ]

    def has_moderate_permission(self, request):
        return request.user.has_perm(MODERATE_PERMISSION)

    def save_model(self, request, obj, form, change):
        data = {name: form.cleaned_data[name] for name in form.changed_data if name in form.cleaned_data}
        if not change:
            created = services.feedback_item_create(
                source=form.cleaned_data["source"],
                text=form.cleaned_data.get("text_mn") or form.cleaned_data.get("text_en") or "",
                received_at=form.cleaned_data["received_at"],
            )
            obj.pk = created.pk  # the admin logs the addition and redirects with this object
        services.feedback_item_update(item=obj, data=data, actor=request.user)
