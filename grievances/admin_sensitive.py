"""The sensitive-case pathway in the admin: the support services register, and the case page's SEA/SH panel.

The panel marks a case sensitive (whoever triages it), and lets the focal
point take the mark off, record the complainant's consent and a referral to
a support service. Each form posts to its own small view that calls one
service in sensitive.py and comes back to the case page, or to the list when
the person can no longer see the case they just marked.
"""

from functools import partial

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from modeltranslation.admin import TranslationAdmin

from smartgov.exceptions import ApplicationError

from . import sensitive
from .admin import ReadOnlyInline
from .models import ReferralConsent, SupportReferral, SupportService


@admin.register(SupportService)
class SupportServiceAdmin(TranslationAdmin):
    """The services shown to complainants on the sensitive pathway, in mn, en and kk."""

    list_display = ["name", "phone", "aimag", "is_active", "ordering"]
    list_filter = ["is_active", "aimag"]
    search_fields = ["name_mn", "name_en", "name_kk"]
    fieldsets = [
        (None, {"fields": ["name", "offers", "phone", "hours", "aimag", "is_active", "ordering"]}),
        (_("Kazakh"), {"fields": ["name_kk", "offers_kk", "hours_kk"]}),
    ]

    def has_delete_permission(self, request, obj=None):
        return False  # inactive instead: referrals keep their service


class SupportReferralInline(ReadOnlyInline):
    """The referrals of a sensitive case, on its page (only the focal point and the superuser see the case)."""

    model = SupportReferral
    fields = ["service", "referred_at", "referred_by", "note"]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        return obj is not None and obj.sensitive


class MarkForm(forms.Form):
    note = forms.CharField(
        label=_("note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 40}),
        help_text=_("Why (never the details of what happened)."),
    )


class ConsentForm(MarkForm):
    field_order = ["consent", "note"]

    consent = forms.ChoiceField(label=_("the complainant's answer"), choices=ReferralConsent.choices)


class ReferralForm(MarkForm):
    field_order = ["service", "note"]

    service = forms.ModelChoiceField(label=_("support service"), queryset=SupportService.objects.offered())


ACTIONS = {
    "mark": (
        MarkForm,
        sensitive.grievance_mark_sensitive,
        _("Case %(number)s is now sensitive: only the SEA/SH focal point sees it."),
    ),
    "unmark": (MarkForm, sensitive.grievance_unmark_sensitive, _("Case %(number)s is no longer sensitive.")),
    "consent": (ConsentForm, sensitive.grievance_referral_consent_record, _("The complainant's answer is recorded.")),
    "refer": (ReferralForm, sensitive.grievance_support_referral_record, _("The referral is recorded.")),
}


def sensitive_panel(grievance, user) -> dict | None:
    """The forms of the case page's SEA/SH panel the person may use now (None: no panel)."""
    if sensitive.may_mark_sensitive(user, grievance):
        forms_shown = {"mark": MarkForm(prefix="sensitive-mark")}
    elif sensitive.may_handle_sensitive(user, grievance):
        forms_shown = {
            "consent": ConsentForm(prefix="sensitive-consent", initial={"consent": grievance.referral_consent}),
            "refer": ReferralForm(prefix="sensitive-refer"),
            "unmark": MarkForm(prefix="sensitive-unmark"),
        }
    else:
        return None
    return {
        "sensitive": grievance.sensitive,
        "consent": grievance.get_referral_consent_display(),
        "forms": [
            {
                "name": name,
                "form": form,
                "url": reverse("admin:grievances_grievance_sensitive", args=[grievance.pk, name]),
            }
            for name, form in forms_shown.items()
        ],
    }


@require_POST
def sensitive_action_view(request, object_id, action, *, model_admin):
    """Make one of the panel's changes through its service; back to the case page, or the list if now unseen."""
    if action not in ACTIONS:
        raise Http404
    if not model_admin.has_change_permission(request):
        raise PermissionDenied
    grievance = model_admin.get_object(request, object_id)
    if grievance is None:
        raise Http404
    form_class, service, done = ACTIONS[action]
    form = form_class(request.POST, prefix=f"sensitive-{action}")
    if not form.is_valid():
        model_admin.message_user(request, gettext("Check the values of the form."), messages.ERROR)
        return redirect("admin:grievances_grievance_change", grievance.pk)
    try:
        service(grievance=grievance, actor=request.user, **form.cleaned_data)
    except ApplicationError as error:
        model_admin.message_user(request, error.message, messages.ERROR)
        return redirect("admin:grievances_grievance_change", grievance.pk)
    model_admin.message_user(request, done % {"number": grievance.registered_no}, messages.SUCCESS)
    if model_admin.get_object(request, object_id) is None:  # marked sensitive: no longer this person's to see
        return redirect("admin:grievances_grievance_changelist")
    return redirect("admin:grievances_grievance_change", grievance.pk)


def sensitive_urls(model_admin):
    view = model_admin.admin_site.admin_view(partial(sensitive_action_view, model_admin=model_admin))
    return [path("<path:object_id>/sensitive/<str:action>/", view, name="grievances_grievance_sensitive")]
