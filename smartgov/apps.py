from django.apps import AppConfig, apps
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

# Sign-in apps whose own names (label-made: "Axes", "Totp", "Static") are not translatable: what the admin's
# sidebar calls them, in the staff's language.
SIGN_IN_APP_NAMES = {
    "axes": _("Sign-in protection"),
    "otp_totp": _("Authenticator apps"),
    "otp_static": _("Backup codes"),
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


class SmartgovAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the portal's own admin site (two-factor sign-in for staff)."""

    default = False
    default_site = "smartgov.admin_site.SmartgovAdminSite"
