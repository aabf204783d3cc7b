"""The referral register in the admin, and the referral letters on the case page."""

from functools import partial

from django.contrib import admin
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .admin import ReadOnlyInline, private_file_get, private_file_response
from .models import ReferralBody, ReferralLetter


@admin.register(ReferralBody)
class ReferralBodyAdmin(TranslationAdmin):
    """Kept by the PIU officer; a body no longer used is made inactive (cases referred to it keep the link)."""

    list_display = ["name", "contact", "is_active", "ordering"]
    list_filter = ["is_active"]
    search_fields = ["name_mn", "name_en"]
    fields = ["name", "contact", "address", "is_active", "ordering"]

    def has_delete_permission(self, request, obj=None):
        return False  # inactive instead: a deleted body would take its name away from the cases referred to it


class ReferralLetterInline(ReadOnlyInline):
    """The letters sent for the case, to staff who may see the complainant (the letter names them)."""

    model = ReferralLetter
    fields = ["download", "language", "created_at"]
    readonly_fields = fields

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("grievances.view_complainant")

    @admin.display(description=_("file"))
    def download(self, letter):
        url = reverse("admin:grievances_grievance_referral_letter", args=[letter.grievance_id, letter.pk])
        return format_html('<a href="{}">{}</a>', url, letter.file.name.rsplit("/", 1)[-1])


def referral_letter_download(request, grievance_id, pk, *, model_admin):
    """Serve a referral letter to staff who may see the case and its complainant."""
    grievance, letter = private_file_get(request, model_admin, grievance_id, "referral_letters", pk)
    name = f"{grievance.registered_no.replace('/', '-')}-referral-{letter.language}.pdf"
    return private_file_response(letter.file, filename=name, content_type="application/pdf")


def referral_letter_urls(model_admin):
    view = model_admin.admin_site.admin_view(partial(referral_letter_download, model_admin=model_admin))
    return [path("<int:grievance_id>/referral-letters/<int:pk>/", view, name="grievances_grievance_referral_letter")]
