import calendar
import re
import subprocess
from datetime import date

import pytest
from PIL import Image

from grievances.models import Channel, Kind, Status
from reporting import weasy
from reporting.pdf import render_grm_report_pdf, render_grm_report_pdfs
from reporting.tests.factories import case

pytestmark = pytest.mark.django_db

START, END = date(2020, 6, 25), date(2020, 12, 31)
FOOTER = re.compile(r"^.*\b\d+\s*(of|/)\s*\d+\s*$", re.MULTILINE)


def pdf_text(content, tmp_path, name, layout=True):
    """The PDF's text: laid out as on the page, or (layout=False) cell by cell, each table cell's lines together."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(content)
    command = ["pdftotext", *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture
def both_pdfs(log_2020h2, tmp_path):
    """Both languages rendered at the same time in child processes, as the report task does."""
    return render_grm_report_pdfs(start=START, end=END, languages=["mn", "en"])


REGISTRATION_NUMBER = re.compile(r"f-\d{4}/\d+")
ENGLISH_MONTHS = list(calendar.month_name)[1:]
WRITTEN_EN = re.compile(r"(" + "|".join(ENGLISH_MONTHS) + r")\s+(\d{1,2}),\s+(\d{4})")
WRITTEN_MN = re.compile(r"(\d{4})\s+оны\s+(\d{1,2})\s+(?:дүгээр|дугаар)\s+сарын\s+(\d{1,2})")


def iso_dates(text):
    """The text with its written dates (July 31, 2020; 2020 оны 7 дугаар сарын 31) as ISO dates, to compare."""
    text = WRITTEN_EN.sub(lambda m: f"{m[3]}-{ENGLISH_MONTHS.index(m[1]) + 1:02d}-{int(m[2]):02d}", text)
    return WRITTEN_MN.sub(lambda m: f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}", text)


def numbers_outside_header_and_footer(text):
    """The numbers of the report's body outside the cases table: each page's first line is the running header.

    The cases table's texts are the officer's, written in each language, with numbers of their own ("July 28,
    2020", "7 дугаар сарын 28"): its pages are compared by numbers and dates (cases_table_facts).
    """
    pages = [page.strip().split("\n", 1) for page in FOOTER.sub("", text).split("\f") if page.strip()]
    bodies = [page[1] for page in pages if len(page) > 1 and not REGISTRATION_NUMBER.search(page[1])]
    return sorted(re.findall(r"\d+", " ".join(bodies)))


def cases_table_facts(text):
    """The registration number and date received of each row of the cases table, in order (dates as ISO)."""
    return re.findall(r"(f-\d{4}/\d+) · (\d{4}-\d{2}-\d{2})", iso_dates(" ".join(text.split())))


def test_mongolian_and_english_pdfs_show_the_same_figures(both_pdfs, tmp_path):
    texts = {language: iso_dates(pdf_text(content, tmp_path, language)) for language, content in both_pdfs.items()}

    for text in texts.values():
        assert "f-2020/03" in text and "f-2020/10" in text
        assert "14:14" in text
    assert numbers_outside_header_and_footer(texts["mn"]) == numbers_outside_header_and_footer(texts["en"])
    cells = {language: pdf_text(content, tmp_path, language, layout=False) for language, content in both_pdfs.items()}
    assert cases_table_facts(cells["mn"]) == cases_table_facts(cells["en"])
    assert len(cases_table_facts(cells["en"])) == 6
    assert cases_table_facts(cells["en"])[0] == ("f-2020/03", "2020-07-31")


def test_mongolian_pdf_renders_mongolian_letters(both_pdfs, tmp_path):
    text = pdf_text(both_pdfs["mn"], tmp_path, "mn")

    assert re.search("[ӨөҮү]", text)
    assert "Summary of feedbacks addressed" not in text


def test_pdf_has_page_numbers_and_the_period_in_the_header(both_pdfs, tmp_path):
    text = pdf_text(both_pdfs["en"], tmp_path, "en")

    assert re.search(r"Page 1 of \d+", text)
    assert "June 25, 2020 – December 31, 2020" in text
    assert "Smart Government II project" in text


def test_first_page_renders_to_a_non_blank_image(both_pdfs, tmp_path):
    pdf = tmp_path / "mn.pdf"
    pdf.write_bytes(both_pdfs["mn"])
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(pdf), str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")

    dark_pixels = sum(image.histogram()[:128])
    assert image.size[0] < image.size[1]  # portrait A4
    assert dark_pixels > 1000


def test_addressed_table_header_repeats_on_every_page(tmp_path):
    for day in range(1, 29):
        case(
            received_on=date(2020, 8, day),
            status=Status.RESOLVED,
            resolved_on=date(2020, 8, 31),
            actions_taken="A long answer explaining the action taken by the PIU. " * 4,
            response_way="email",
        )
    text = pdf_text(render_grm_report_pdf(start=START, end=END, language="en"), tmp_path, "long")
    pages = text.split("\f")
    pages_with_cases = [page for page in pages if "f-2020/" in page]

    assert len(pages_with_cases) >= 2
    assert all("Registered" in page for page in pages_with_cases)


def test_each_addressed_case_row_carries_every_column_of_the_report_in_the_readers_language(db, tmp_path):
    grievance = case(
        received_on=date(2020, 7, 1),
        status=Status.RESOLVED,
        resolved_on=date(2020, 7, 3),
        kind=Kind.COMPLAINT,
        channel=Channel.WRITTEN,
        summary="Slow answer from the service centre",
        actions_taken="Called the centre and answered in writing",
        response_way="letter",
    )

    texts = {
        language: " ".join(
            pdf_text(
                render_grm_report_pdf(start=START, end=END, language=language), tmp_path, language, layout=False
            ).split()
        )
        for language in ("en", "mn")
    }

    assert f"1. {grievance.registered_no} · July 1, 2020" in texts["en"]
    assert f"1. {grievance.registered_no} · 2020 оны 7 дугаар сарын 1" in texts["mn"]
    assert "Complaint · Written letter" in texts["en"]
    assert "Called the centre and answered in writing" in texts["en"]
    assert "Resolved · Date: July 3, 2020 · Period: 3 working days · Way: Letter" in texts["en"]
    assert "Гомдол · Албан бичиг" in texts["mn"]  # Complaint · Written letter


def test_no_complainant_identity_in_the_pdf(db, tmp_path):
    case(
        received_on=date(2020, 7, 1),
        status=Status.RESOLVED,
        resolved_on=date(2020, 7, 2),
        complainant={"name": "Батбаяр Дорж", "email": "batbayar@example.mn", "phone": "+976 9911 2233"},
    )
    texts = [
        pdf_text(render_grm_report_pdf(start=START, end=END, language=lang), tmp_path, lang) for lang in ("mn", "en")
    ]

    for text in texts:
        assert "Батбаяр" not in text and "batbayar@example.mn" not in text and "9911" not in text


def test_pdf_rendered_in_a_child_process_has_the_same_text_as_in_this_process(both_pdfs, tmp_path):
    here = render_grm_report_pdf(start=START, end=END, language="en")

    assert pdf_text(here, tmp_path, "here") == pdf_text(both_pdfs["en"], tmp_path, "child")


def test_a_failing_child_process_raises_with_its_error(monkeypatch):
    monkeypatch.setattr(weasy.sys, "executable", "/bin/false")

    with pytest.raises(weasy.PdfRenderingFailed):
        weasy.htmls_to_pdfs({"mn": "<p>a</p>", "en": "<p>b</p>"}, base_url=".")


ANSWERS_LABELS = {
    "en": [
        "Appeals, complainants' answers and waiting for complainants",
        "Asked whether the issue was resolved",
        "Answered yes or no",
        "Said it was resolved",
        "Median working days waiting for the complainant",
        "the working days spent waiting for information from the complainant do not count",
    ],
    "mn": [
        "Давж заалдсан байдал, өргөдөл гаргагчдын хариу, өргөдөл гаргагчийг хүлээсэн хугацаа",
        "Асуудал шийдвэрлэгдсэн эсэхийг асуусан",
        "Тийм эсвэл үгүй гэж хариулсан",
        "Тийм гэж хариулсан",
        "Өргөдөл гаргагчийг хүлээсэн ажлын өдрийн медиан",
        "өргөдөл гаргагчаас мэдээлэл хүлээсэн ажлын өдрийг тооцоогүй",
    ],
}


@pytest.fixture
def answers_texts(complainant_answers_2020h2, tmp_path):
    """Both PDFs of the story in conftest, as text cell by cell with line breaks folded into spaces."""
    pdfs = render_grm_report_pdfs(start=START, end=END, languages=["mn", "en"])
    return {
        language: " ".join(pdf_text(content, tmp_path, language, layout=False).split())
        for language, content in pdfs.items()
    }


def test_pdfs_show_appeals_answers_and_the_median_wait_of_each_block(answers_texts):
    # Period, appeals, asked, answered yes or no, said resolved (share of those who answered), median wait.
    assert "New period 2 4 2 1 (50%) 5 Previous period 1 2 2 1 (50%) 2 Total 3 6 4 2 (50%) 2" in answers_texts["en"]
    assert "Тайлант хугацаа 2 4 2 1 (50%) 5 Өмнөх хугацаа 1 2 2 1 (50%) 2 Нийт 3 6 4 2 (50%) 2" in answers_texts["mn"]
    assert "were resolved within the deadline of 30 working days" in answers_texts["en"]


def test_the_new_figures_are_labelled_only_in_the_readers_language(answers_texts):
    for language, other in (("en", "mn"), ("mn", "en")):
        for label in ANSWERS_LABELS[language]:
            assert label in answers_texts[language]
        for label in ANSWERS_LABELS[other]:
            assert label not in answers_texts[language]
    summary_en = answers_texts["en"].split("Cases received in the period")[0]
    summary_mn = answers_texts["mn"].split("Тайлант хугацаанд хүлээн авсан хандлага")[0]
    assert not re.search("[А-Яа-яЁёӨөҮү]", summary_en)
    assert not re.search("[A-Za-z]{2,}", summary_mn.replace("II", ""))


def test_a_period_without_waits_shows_a_dash_for_the_median(log_2020h2, tmp_path):
    content = render_grm_report_pdf(start=START, end=END, language="en")
    text = " ".join(pdf_text(content, tmp_path, "en", layout=False).split())

    # The 2020 log is imported: its complainants were never asked "was it resolved?", so nothing is asked either.
    assert "New period 0 0 0 0 –" in text


def test_a_text_missing_in_the_report_s_language_shows_a_note_never_the_other_language(db, tmp_path):
    case(
        received_on=date(2020, 7, 1),
        status=Status.RESOLVED,
        resolved_on=date(2020, 7, 3),
        translations={"summary_mn": "Замын ажлын улмаас зам хаагдсан"},
        resolve_texts={"actions_taken_mn": "Тойруу зам нээсэн", "both_languages": False},
    )
    texts = {
        language: " ".join(
            pdf_text(
                render_grm_report_pdf(start=START, end=END, language=language), tmp_path, language, layout=False
            ).split()
        )
        for language in ("en", "mn")
    }

    assert "(no English summary yet)" in texts["en"]
    assert "(no English summary of actions taken yet)" in texts["en"]
    assert "Замын" not in texts["en"] and "Тойруу" not in texts["en"]
    assert "Замын ажлын улмаас зам хаагдсан" in texts["mn"]
    assert "Тойруу зам нээсэн" in texts["mn"]
