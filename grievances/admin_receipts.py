"""The receipt pages of the case: the printable receipt and "Issue a new tracking code".

The receipt is printed in the complainant's language (mn, en or kk) and shows
the code only while this staff session keeps it (receipts.receipt_code_keep).
"""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext
from django.views.decorators.cache import never_cache

from . import receipts

PERMISSION = "grievances.triage_grievance"


def receipt_issue_and_announce(request, grievance, *, model_admin):
    """Issue a new code, keep it for the receipt page and say where to read it, with the receipt's link.

    The message names no code: Django keeps messages in a cookie (or, when it
    overflows, in the session table), and the code must live nowhere but its
    hash, the sent message and the receipt page's short-lived cache entry.
    """
    grievance, code = receipts.grievance_receipt_issue(grievance=grievance, actor=request.user)
    receipts.receipt_code_keep(request, grievance.pk, code)
    url = reverse("admin:grievances_grievance_receipt", args=[grievance.pk])
    message = format_html(
        '{} <a href="{}">{}</a>',
        gettext("Case %(number)s has a new tracking code. The receipt shows it for 30 minutes, on this computer only.")
        % {"number": grievance.registered_no},
        url,
        gettext("Print the receipt"),
    )
    model_admin.message_user(request, message, messages.SUCCESS)
    return grievance


def _case(request, object_id, model_admin):
    if not request.user.has_perm(PERMISSION):
        raise PermissionDenied
    grievance = model_admin.get_object(request, object_id)
    if grievance is None:
        raise Http404
    return grievance


@never_cache
def receipt_view(request, object_id, *, model_admin):
    """The printable receipt, in the complainant's language; the code only while this session keeps it."""
    grievance = _case(request, object_id, model_admin)
    context = {
        # The officer's buttons above the receipt stay in the officer's language.
        "staff_language": translation.get_language(),
        "change_url": reverse("admin:grievances_grievance_change", args=[grievance.pk]),
        "new_code_url": reverse("admin:grievances_grievance_tracking_code", args=[grievance.pk]),
    }
    with translation.override(receipts.receipt_language(grievance)):
        context.update(receipts.receipt_context(grievance, receipts.receipt_code_get(request, grievance.pk)))
        html = render_to_string("admin/grievances/grievance/receipt.html", context, request=request)
    return HttpResponse(html)


@never_cache
def tracking_code_new_view(request, object_id, *, model_admin):
    """Ask for confirmation (GET), then issue a new code (POST); the old one stops working."""
    grievance = _case(request, object_id, model_admin)
    if grievance.anonymised_at is not None:
        model_admin.message_user(
            request, gettext("An anonymised case cannot be given a tracking code."), messages.ERROR
        )
        return redirect("admin:grievances_grievance_change", grievance.pk)
    if request.method == "POST":
        receipt_issue_and_announce(request, grievance, model_admin=model_admin)
        return redirect("admin:grievances_grievance_change", grievance.pk)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "original": grievance,
        "title": gettext("Issue a new tracking code"),
    }
    return TemplateResponse(request, "admin/grievances/grievance/tracking_code_confirm.html", context)


def receipt_urls(model_admin):
    """The receipt and new-code pages, under the case, behind the admin's sign-in and CSRF checks."""
    site = model_admin.admin_site
    return [
        path(
            "<path:object_id>/receipt/",
            site.admin_view(partial(receipt_view, model_admin=model_admin)),
            name="grievances_grievance_receipt",
        ),
        path(
            "<path:object_id>/tracking-code/",
            site.admin_view(partial(tracking_code_new_view, model_admin=model_admin)),
            name="grievances_grievance_tracking_code",
        ),
    ]
