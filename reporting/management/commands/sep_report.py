"""Print the SEP semi-annual report of a period as JSON, or write it as a PDF."""

from reporting.management.report_command import ReportCommand
from reporting.sep_pdf import render_sep_report_pdf
from reporting.sep_report import sep_report_data


class Command(ReportCommand):
    help = "Print the SEP semi-annual report (section 7 indicators) of a period as JSON, or write it as a PDF."

    def report_data(self, *, start, end, language):
        return sep_report_data(start=start, end=end)

    def report_pdf(self, *, start, end, language):
        return render_sep_report_pdf(start=start, end=end, language=language)
