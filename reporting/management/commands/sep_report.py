"""Print the SEP semi-annual report of a period as JSON, or write it as a PDF."""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from reporting.models import ReportLanguage
from reporting.periods import parse_period
from reporting.sep_pdf import render_sep_report_pdf
from reporting.sep_report import sep_report_data
from smartgov.exceptions import ApplicationError


class Command(BaseCommand):
    help = "Print the SEP semi-annual report (section 7 indicators) of a period as JSON, or write it as a PDF."

    def add_arguments(self, parser):
        parser.add_argument("--start", required=True, help="first day of the period, YYYY-MM-DD")
        parser.add_argument("--end", required=True, help="last day of the period, YYYY-MM-DD")
        parser.add_argument("--format", choices=["json", "pdf"], default="json")
        parser.add_argument("--language", choices=ReportLanguage.values, default="en", help="language of the texts")
        parser.add_argument("--output", help="file to write the PDF to (required with --format pdf; - for stdout)")

    def handle(self, *args, **options):
        try:
            start, end = parse_period(options["start"], options["end"])
        except ApplicationError as error:
            raise CommandError(str(error.message)) from error
        if options["format"] == "json":
            with translation.override(options["language"]):
                data = sep_report_data(start=start, end=end)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        if not options["output"]:
            raise CommandError("--output FILE is required with --format pdf")
        content = render_sep_report_pdf(start=start, end=end, language=options["language"])
        if options["output"] == "-":
            sys.stdout.buffer.write(content)
        else:
            with open(options["output"], "wb") as output:
                output.write(content)
            self.stderr.write(f"wrote {options['output']} ({len(content)} bytes)")
