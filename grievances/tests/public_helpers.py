"""Shared pieces of the public-form tests (imported, not a conftest, to keep clear of other test files)."""

import io
import re
import uuid
from html import unescape

import pytest
from django.core.cache import cache, caches
from django.core.files.uploadedfile import SimpleUploadedFile
from pypdf import PdfWriter

from smartgov.fragments import FRAGMENTS
from smartgov.kept_pages import render_kept

# A real 1 x 1 pixel PNG: uploads are opened to check that they are pictures.
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
    b"\x00\x00\x00\x0cIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\r\xefF\xb8\x00\x00\x00\x00IEND\xaeB`\x82"
)


def _one_page_pdf() -> bytes:
    """A real one-page PDF: PDFs are opened to check that they have pages."""
    writer = PdfWriter()
    writer.add_blank_page(width=10, height=10)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


PDF_BYTES = _one_page_pdf()


@pytest.fixture
def public_setup(settings, tmp_path):
    """Uploads go to a temporary folder and rate-limit counters start from zero.

    Changing settings also forgets the pages kept in this process (smartgov/fragments.py), before and after.
    """
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cache.clear()
    yield settings
    cache.clear()


def confirmation_shown(response):
    """The registration number and the tracking code as the confirmation page shows them."""
    html = response.content.decode()
    number, code = (re.search(rf'id="{part}">([^<]+)<', html)[1] for part in ("registered-no", "tracking-code"))
    return {"registered_no": number, "tracking_code": code}


def answers_shown(html: str) -> dict[str, str]:
    """The "check your answers" page's rows as it shows them: {field name: the answer as a person reads it}."""
    found = re.findall(r'id="answer-([a-z_]+)">\s*<dt>[^<]*</dt>\s*<dd class="check-value">([^<]*)</dd>', html)
    return {name: unescape(value) for name, value in found}


def hidden_pairs(html: str) -> list[tuple[str, str]]:
    """What the check page sends again: its hidden inputs, in order, as a browser would send them."""
    found = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html)
    return [(name, unescape(value)) for name, value in found]


def rendered_whole(monkeypatch, page_module):
    """Make `page_module` (form_page, check_page, done_page) render every visit whole, as before pages were kept."""

    def whole(request, **arguments):
        return render_kept(request, **{**arguments, "keep": False})

    monkeypatch.setattr(page_module, "render_kept", whole)


def kept_page_keys(part: str) -> list[str]:
    """The keys of the pages and fragments kept in this process (smartgov/kept_pages.py) that contain `part`."""
    return [key for key in caches[FRAGMENTS]._cache if part in key]


def png(name="photo.png"):
    return SimpleUploadedFile(name, PNG_BYTES, content_type="image/png")


def pdf(name="letter.pdf"):
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def form_data(**overrides):
    data = {
        "kind": "complaint",
        "summary": "The road to the soum centre was dug up and left open.",
        "location": "Bayan-Ölgii, Tsengel soum",
        "preferred_language": "mn",
        "consent": "on",
        "submission_token": str(uuid.uuid4()),
        # The check page's "Send" button: the POST that registers (step=None gives the form's own button).
        "step": "send",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
