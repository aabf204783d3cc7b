"""The admin site: the portal's titles and two-factor sign-in for staff."""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite

# Admin forms read a link typed without a scheme as https (Django 6's default), not http.
HTTPS_LINKS = {models.URLField: {"assume_scheme": "https"}}


class SmartgovAdminSite(OTPAdminSite):
    """Requires a verified one-time code when settings.STAFF_REQUIRE_2FA is on.

    With it off (the DEBUG demo) staff sign in with a password only, so the
    demo accounts work without an authenticator app.
    """

    site_header = _("smartgov administration")
    site_title = _("smartgov")
    index_title = _("Grievances and stakeholder engagement")

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
