from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# The sign-in apps' names (made from their labels: "Axes", "Totp", "Static") and django-otp's device names are
# not marked for translation: what the admin calls them, in the staff's language. Only the names shown change:
# a model's migration state is read from its Meta as written, so no migration follows, and the permissions
# migrate creates keep django-otp's English names ("Can add TOTP device").
SIGN_IN_APP_NAMES = {
    "axes": _("Sign-in protection"),
    "otp_totp": _("Two-factor sign-in"),
    "otp_static": _("Two-factor backup codes"),
}
SIGN_IN_MODEL_NAMES = {
    ("otp_totp", "TOTPDevice"): (_("authenticator app"), _("authenticator apps")),
    ("otp_static", "StaticDevice"): (_("backup code list"), _("backup code lists")),
}


class SmartgovConfig(AppConfig):
    name = "smartgov"
    verbose_name = _("Portal settings")

    def ready(self):
        from . import (
            checks,  # noqa: F401 (registers the deploy checks)
            fragments,
            sqlite_like,
        )
        from .roles import sync_role_permissions

        # Permissions of models added by later migrations exist only after
        # migrate has run, so the roles are brought up to date each time.
        # No sender: post_migrate is sent app by app, and the permissions of apps
        # listed after smartgov (grievances, ...) are created only at their turn.
        post_migrate.connect(sync_role_permissions, dispatch_uid="smartgov.sync_roles")
        # The embedded default (SQLite) searches Mongolian and Kazakh without regard to case, as PostgreSQL does.
        sqlite_like.connect()
        # Rendered page pieces kept in each process depend on settings, which tests change.
        fragments.connect()
        for label, name in SIGN_IN_APP_NAMES.items():
            apps.get_app_config(label).verbose_name = name
        for (label, model), (singular, plural) in SIGN_IN_MODEL_NAMES.items():
            meta = apps.get_model(label, model)._meta
            meta.verbose_name, meta.verbose_name_plural = singular, plural


class SmartgovAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's own admin site (two-factor sign-in for staff)."""

    default = False
    default_site = "smartgov.admin_site.SmartgovAdminSite"
