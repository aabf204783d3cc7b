from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class StakeholdersConfig(AppConfig):
    name = "stakeholders"
    verbose_name = _("Stakeholder engagement")

    def ready(self):
        # The roles are synchronised after smartgov's own post_migrate, which runs
        # before this app's permissions exist on a fresh database; sync again once they do.
        from smartgov.roles import sync_role_permissions

        post_migrate.connect(sync_role_permissions, sender=self, dispatch_uid="stakeholders.sync_roles")
