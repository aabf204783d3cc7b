"""python manage.py import_grievance_log FILE: import the PIU's existing log (CSV or XLSX)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from grievances.importer import COLUMNS, ImportFailed, import_log


class Command(BaseCommand):
    help = "Import a grievance log from CSV (UTF-8) or XLSX with the columns: " + ", ".join(COLUMNS)

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES if code in settings.MODELTRANSLATION_LANGUAGES],
            help="Language the summaries and actions in the file are written in.",
        )

    def handle(self, *args, file, language, **options):
        try:
            result = import_log(file, language=language)
        except ImportFailed as failure:
            for row, reason in failure.errors:
                # Row 0 is the file as a whole (its type, a damaged workbook).
                self.stderr.write(_("Row %(row)s: %(reason)s") % {"row": row, "reason": reason} if row else reason)
            raise CommandError(_("The file has errors; nothing was imported.")) from None
        except OSError as error:
            raise CommandError(_("Cannot read %(file)s: %(error)s") % {"file": file, "error": error}) from None
        self.stdout.write(
            _("Created %(created)s cases; %(skipped)s were already in the log.")
            % {"created": result.created, "skipped": result.skipped}
        )
