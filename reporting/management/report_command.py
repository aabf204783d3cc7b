"""What the report commands share: a period in, the report printed as JSON or written as a PDF."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from reporting.models import ReportLanguage
from reporting.periods import parse_period
from smartgov.exceptions import ApplicationError


class ReportCommand(BaseCommand):
    """Print a report of a period as JSON, or write it as a PDF in one language.

    A subclass says how its report's data and PDF are made (report_data,
    report_pdf) and may check the period first (before_report).
    """

    language_help = "language of the texts"

    def add_arguments(self, parser):
        parser.add_argument("--start", required=True, help="first day of the period, YYYY-MM-DD")
        parser.add_argument("--end", required=True, help="last day of the period, YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "pdf"], default="json")
        parser.add_argument("--language", choices=ReportLanguage.values, default="en", help=self.language_help)
        parser.add_argument("--output", help="file to write the PDF to (required with --format pdf; - for stdout)")

    def report_data(self, *, start, end, language) -> dict:
        raise NotImplementedError

    def report_pdf(self, *, start, end, language) -> bytes:
        raise NotImplementedError

    def before_report(self, *, start, end, options) -> None:
        """Check the period before anything is generated; raise CommandError to stop."""

    def handle(self, *args, **options):
        try:
            start, end = parse_period(options["start"], options["end"])
        except ApplicationError as error:
            raise CommandError(str(error.message)) from error
        self.before_report(start=start, end=end, options=options)
        language = options["language"]
        if options["format"] == "json":
            with translation.override(language):
                data = self.report_data(start=start, end=end, language=language)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if not options["output"]:
            raise CommandError("--output FILE is required with --format pdf")
        content = self.report_pdf(start=start, end=end, language=language)
        if options["output"] == "-":
            sys.stdout.buffer.write(content)
        else:
            with open(options["output"], "wb") as output:
                output.write(content)
            self.stderr.write(f"wrote {options['output']} ({len(content)} bytes)")
