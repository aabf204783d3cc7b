"""Print the GRM report of a period as JSON, or write it as a PDF."""

from django.core.management.base import CommandError
from django.utils.translation import gettext as _

from reporting.management.report_command import ReportCommand
from reporting.pdf import render_grm_report_pdf
from reporting.selectors import cases_lacking_translation, grm_report_data


class Command(ReportCommand):
    help = "Print the half-yearly GRM report of a period as JSON, or write it as a PDF in one language."
    language_help = "language of labels and case texts"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--strict",
            action="store_true",
            help="generate nothing, and fail, when a case of the period lacks its texts in the report's language",
        )

    def report_data(self, *, start, end, language):
        return grm_report_data(start=start, end=end, language=language)

    def report_pdf(self, *, start, end, language):
        return render_grm_report_pdf(start=start, end=end, language=language)

    def before_report(self, *, start, end, options):
        self._warn_of_missing_texts(start, end, options["language"], strict=options["strict"])

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
