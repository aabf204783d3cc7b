"""Print the GRM report of a period as JSON, or write it as a PDF."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation
from django.utils.translation import gettext as _

from reporting.models import ReportLanguage
from reporting.pdf import render_grm_report_pdf
from reporting.periods import parse_period
from reporting.selectors import cases_lacking_translation, grm_report_data
from smartgov.exceptions import ApplicationError


class Command(BaseCommand):
    help = "Print the half-yearly GRM report of a period as JSON, or write it as a PDF in one language."

    def add_arguments(self, parser):
        parser.add_argument("--start", required=True, help="first day of the period, YYYY-MM-DD")
        parser.add_argument("--end", required=True, help="last day of the period, YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "pdf"], default="json")
        parser.add_argument(
            "--language", choices=ReportLanguage.values, default="en", help="language of labels and case texts"
        )
        parser.add_argument("--output", help="file to write the PDF to (required with --format pdf)")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="generate nothing, and fail, when a case of the period lacks its texts in the report's language",
        )

    def handle(self, *args, **options):
        try:
            start, end = parse_period(options["start"], options["end"])
        except ApplicationError as error:
            raise CommandError(str(error.message)) from error
        self._warn_of_missing_texts(start, end, options["language"], strict=options["strict"])
        if options["format"] == "json":
            with translation.override(options["language"]):
                data = grm_report_data(start=start, end=end, language=options["language"])
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if not options["output"]:
            raise CommandError("--output FILE is required with --format pdf")
        content = render_grm_report_pdf(start=start, end=end, language=options["language"])
        if options["output"] == "-":
            sys.stdout.buffer.write(content)
        else:
            with open(options["output"], "wb") as output:
                output.write(content)
            self.stderr.write(f"wrote {options['output']} ({len(content)} bytes)")

    def _warn_of_missing_texts(self, start, end, language, *, strict):
        """Name on stderr the cases whose summary or actions taken the report lacks in its language.

        The report still shows those cases, with a note in place of the missing
        text (never the other language's); --strict stops before generating.
        """
        lacking = cases_lacking_translation(start=start, end=end, language=language)
        if not lacking:
            return
        numbers = ", ".join(case["registered_no"] for case in lacking)
        if language == "mn":
            warning = _("Cases of the period lacking their Mongolian public summary or actions taken: %(numbers)s.")
        else:
            warning = _("Cases of the period lacking their English public summary or actions taken: %(numbers)s.")
        warning %= {"numbers": numbers}
        if strict:
            raise CommandError(warning)
        self.stderr.write(self.style.WARNING(warning + " " + _("The report shows a note in their place.")))
