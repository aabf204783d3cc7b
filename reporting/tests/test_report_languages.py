"""The report never mixes languages and never quotes a complainant: checked on the demo data, in the real PDFs.

The demo is loaded as `scripts/run` loads it (the load_demo command); the PDFs
are rendered by the renderer the report task uses and read back with
pdftotext, as a World Bank reader would copy them.
"""

import csv
import io
import json
import re
import subprocess
from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone
from openpyxl import load_workbook

from grievances import demo
from grievances.importer import read_rows
from grievances.models import Grievance
from reporting.pdf import render_grm_report_pdfs
from reporting.periods import half_year_containing
from reporting.selectors import cases_lacking_translation

pytestmark = pytest.mark.django_db

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
REGISTRATION_NUMBER = re.compile(r"f-\d{4}/\d+")
LOG_HALF_YEAR = (date(2020, 6, 25), date(2020, 12, 31))  # the 2020 H2 report's period, in the demo log


@pytest.fixture
def demo_data(settings):
    settings.DEBUG = True  # load_demo refuses to run otherwise
    call_command("load_demo", stdout=StringIO())


def _open_cases_half_year():
    """From the start of the half year of the oldest open demo case to today: every open demo case is in it."""
    oldest = timezone.localdate() - timedelta(days=max(case.days_ago for case in demo.OPEN_CASES))
    return half_year_containing(oldest)[0], timezone.localdate()


def _flat(text):
    return " ".join(text.split())


def _pdf_texts(start, end, tmp_path):
    """Both PDFs of a period as pdftotext reads them: whitespace made single, cell by cell."""
    texts = {}
    for language, content in render_grm_report_pdfs(start=start, end=end, languages=["mn", "en"]).items():
        path = tmp_path / f"report-{language}.pdf"
        path.write_bytes(content)
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
        texts[language] = text
    return texts


def _cases_table(text):
    """The pages of the addressed-cases table, less each page's running header (its first line)."""
    pages = [page.strip().split("\n", 1) for page in text.split("\f") if REGISTRATION_NUMBER.search(page)]
    return _flat(" ".join(page[1] for page in pages if len(page) > 1))


def _demo_texts():
    """The demo's case texts by language: the log's summaries and actions taken, and the open cases' summaries."""
    rows = [row.values for row in read_rows(demo.DEMO_LOG)]
    return {
        "en": {text for row in rows for text in (row["summary"], row["actions_taken"]) if text}
        | {case.summary_en for case in demo.OPEN_CASES},
        "mn": {text for row in rows for text in (row["summary_mn"], row["actions_taken_mn"]) if text}
        | {case.summary_mn for case in demo.OPEN_CASES},
    }


def _words(text, pattern=re.compile(r"\w+")):
    return set(pattern.findall(text))


LATIN_WORD = re.compile(r"[A-Za-z]{4,}")


@pytest.mark.parametrize("period", ["log", "open cases"])
def test_the_english_pdf_of_the_demo_has_no_mongolian_text_and_the_mongolian_one_no_english(
    demo_data, tmp_path, period
):
    start, end = LOG_HALF_YEAR if period == "log" else _open_cases_half_year()
    tables = {language: _cases_table(text) for language, text in _pdf_texts(start, end, tmp_path).items()}
    cases = Grievance.objects.filter(received_at__date__gte=start, received_at__date__lte=end).addressed()
    assert cases.exists()
    for grievance in cases:  # each case's own text is there (a cell's lines may be interleaved with its neighbour's)
        assert _words(grievance.summary_en) <= _words(tables["en"]), grievance.summary_en
        assert _words(grievance.summary_mn) <= _words(tables["mn"]), grievance.summary_mn
    # The English table has no Cyrillic letter at all: no Mongolian summary or actions taken, whole or in part.
    assert CYRILLIC.findall(tables["en"]) == []
    # The Mongolian table has no word of the English texts that the Mongolian ones do not have too (a web address).
    demo_texts = _demo_texts()
    english_only = _words(" ".join(demo_texts["en"]), LATIN_WORD) - _words(" ".join(demo_texts["mn"]), LATIN_WORD)
    assert _words(tables["mn"], LATIN_WORD) & english_only == set()
    for text in demo_texts["en"]:
        assert _flat(text) not in tables["mn"], text


def test_every_demo_case_has_its_report_texts_in_both_languages(demo_data):
    assert cases_lacking_translation(start=date(2015, 9, 15), end=timezone.localdate()) == []


# --- the complainant's message is never a report's text ----------------------------------------------


def _messages():
    """The demo's messages as received, and the names they hold."""
    messages = [case.message for case in demo.OPEN_CASES if case.message]
    assert len(messages) == len(demo.OPEN_CASES)
    return messages, ["Серік", "Дорж", "Tsetseg", "Батбаяр"]


def test_the_complainants_messages_are_in_no_report_output(demo_data, tmp_path, client):
    messages, names = _messages()
    assert set(Grievance.objects.exclude(message="").values_list("message", flat=True)) == set(messages)
    start, end = _open_cases_half_year()
    outputs = {}
    for language in ("mn", "en"):
        out = StringIO()
        call_command(
            "grm_report", "--start", start.isoformat(), "--end", end.isoformat(), "--language", language, stdout=out
        )
        outputs[f"json {language}"] = json.dumps(json.loads(out.getvalue()), ensure_ascii=False)
    for language, text in _pdf_texts(start, end, tmp_path).items():
        outputs[f"pdf {language}"] = _flat(text)
    client.force_login(_superuser())
    for file_format in ("csv", "xlsx"):
        response = client.get(
            "/admin/reporting/reportrecord/grievance-log/export/",
            {"start": start.isoformat(), "end": end.isoformat(), "format": file_format},
        )
        assert response.status_code == 200
        outputs[file_format] = _table_text(response.getvalue(), file_format)  # streamed (CSV) or a file (XLSX)

    for name, output in outputs.items():
        assert demo.OPEN_CASES[0].summary_en in output or demo.OPEN_CASES[0].summary_mn in output, name
        for message in messages:
            assert _flat(message) not in output, (name, message)
        for person in names:
            assert person not in output, (name, person)


def _superuser():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username="admin")


def _table_text(content, file_format):
    if file_format == "csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")))
    else:
        rows = load_workbook(io.BytesIO(content), read_only=True).worksheets[0].iter_rows(values_only=True)
    return " ".join(str(cell) for row in rows for cell in row if cell is not None)
