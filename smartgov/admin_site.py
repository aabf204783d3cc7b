"""The admin site: the portal's titles, two-factor sign-in for staff, and the officer's desk as its home."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

# Admin forms read a link typed without a scheme as https (Django 6's default), not http.
HTTPS_LINKS = {models.URLField: {"assume_scheme": "https"}}

# The applications in the order staff use them (the home page and the side menu); others follow by name.
APP_ORDER = ["grievances", "reporting", "stakeholders", "disclosure", "smartgov"]
# The model each application is about comes first in its box; the others follow by name.
FIRST_MODEL = {"grievances": "Grievance", "stakeholders": "Stakeholder", "disclosure": "Document"}


class SmartgovAdminSite(OTPAdminSite):
    """Requires a verified one-time code when settings.STAFF_REQUIRE_2FA is on.

    With it off (the DEBUG demo) staff sign in with a password only, so the
    demo accounts work without an authenticator app.
    """

    site_header = _("smartgov administration")
    site_title = _("smartgov")
    index_title = _("Grievances and stakeholder engagement")
    index_template = "admin/smartgov_index.html"

    @property
    def login_form(self):
        return OTPAdminAuthenticationForm if settings.STAFF_REQUIRE_2FA else AdminAuthenticationForm

    @property
    def login_template(self):
        return OTPAdminSite.login_template if settings.STAFF_REQUIRE_2FA else None

    def has_permission(self, request):
        if settings.STAFF_REQUIRE_2FA:
            return super().has_permission(request)
        return AdminSite.has_permission(self, request)

    def get_app_list(self, request, app_label=None):
        """The applications in order of use (APP_ORDER), each one's main model first, not alphabetically."""
        app_list = super().get_app_list(request, app_label)
        rank = {label: place for place, label in enumerate(APP_ORDER)}
        app_list.sort(key=lambda app: (rank.get(app["app_label"], len(rank)), app["name"].lower()))
        for app in app_list:
            first = FIRST_MODEL.get(app["app_label"])
            app["models"].sort(key=lambda model: (model["object_name"] != first, model["name"]))
        return app_list

    def index(self, request, extra_context=None):
        """The home page: for people who work cases, their work queues above the applications (the desk)."""
        # Imported here: the site is built before the apps' admin modules are loaded.
        from grievances.admin_desk import desk_queues
        from stakeholders.admin_moderation import moderation_desk_queue

        desk = (desk_queues(request.user) or []) + moderation_desk_queue(request.user)
        return super().index(request, {"desk": desk or None, **(extra_context or {})})
