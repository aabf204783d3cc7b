"""Load the demo data of every app and the demo accounts; safe to run twice."""

from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from smartgov import roles

DEMO_PASSWORD = "smartgov-demo-2026"  # noqa: S105 - printed on purpose, refused when DEBUG is off
DEMO_ACCOUNTS = [
    ("admin", None),
    ("officer", roles.PIU_OFFICER),
    ("safeguards", roles.SAFEGUARDS_SPECIALIST),
    ("psc", roles.PSC_MEMBER),
    ("worldbank", roles.WORLD_BANK_VIEWER),
    ("focalpoint", roles.SEA_SH_FOCAL_POINT),
]
# Apps are loaded in this order; each may provide demo.load(stdout).
DEMO_APPS = ["grievances", "stakeholders", "disclosure", "reporting"]


class Command(BaseCommand):
    help = "Create demo accounts and load each app's demo data (idempotent)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo data and demo passwords are for DEBUG mode only.")
        with transaction.atomic():
            self._ensure_accounts()
        for app in DEMO_APPS:
            try:
                demo = import_module(f"{app}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app}.demo":
                    raise
                continue
            with transaction.atomic():
                demo.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write("Admin: http://127.0.0.1:8000/admin/")
        for username, role in DEMO_ACCOUNTS:
            self.stdout.write(f"  user {username!r} password {DEMO_PASSWORD!r} ({role or 'superuser'})")

    def _ensure_accounts(self):
        users = get_user_model()
        for username, role in DEMO_ACCOUNTS:
            user, created = users.objects.get_or_create(
                username=username, defaults={"is_staff": True, "is_superuser": role is None}
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            if role:
                user.groups.add(Group.objects.get(name=role))
