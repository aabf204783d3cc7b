"""python manage.py export_personal_data --email X | --phone Y: everything held about one person, as JSON."""

import json

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from grievances.personal_data import personal_data_export


class Command(BaseCommand):
    help = (
        "Export every case of one complainant, found by exact e-mail or phone, as JSON, with their public "
        "comments and their entries as a stakeholder's representative (their own data only; staff's internal "
        "notes are left out). Each case's history records the export."
    )

    def add_arguments(self, parser):
        who = parser.add_mutually_exclusive_group(required=True)
        who.add_argument("--email", default="")
        who.add_argument("--phone", default="")
        parser.add_argument("--output", help="Write the JSON to this file instead of the standard output.")
        parser.add_argument("--actor", help="Username of the member of staff answering the request (for the log).")

    def handle(self, *args, email, phone, output, actor, **options):
        user = None
        if actor:
            user = get_user_model().objects.filter(username=actor, is_active=True).first()
            if user is None:
                raise CommandError(_("There is no active user named “%(name)s”.") % {"name": actor})
        data = personal_data_export(actor=user, email=email, phone=phone)
        text = json.dumps(data, ensure_ascii=False, indent=2)
        if output:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
        else:
            self.stdout.write(text)
        self.stderr.write(_("%(count)s case(s) exported.") % {"count": len(data["cases"])})
