"""Extract the plain text of a stored document for search.

PDF through pypdf; DOCX, ODT and XLSX through the standard library (they are
zip archives of XML). Files were checked on upload (uploads.check_upload), so
the archive sizes are already bounded; each member is still read with a cap.
"""

import io
import re
import zipfile
from xml.etree import ElementTree

from pypdf import PdfReader

from .models import FileFormat

MAX_MEMBER_BYTES = 50 * 1024 * 1024
MAX_TEXT_CHARS = 2_000_000
WORD_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SHEET_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def extract_text(data: bytes, file_format: str) -> str:
    """Return the text of a document's bytes, whitespace collapsed, capped in length."""
    extractor = {
        FileFormat.PDF: _pdf_text,
        FileFormat.DOCX: _docx_text,
        FileFormat.ODT: _odt_text,
        FileFormat.XLSX: _xlsx_text,
    }[file_format]
    text = extractor(data)
    return re.sub(r"\s+", " ", text).strip()[:MAX_TEXT_CHARS]


def _pdf_text(data):
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def _xml_member(archive, name):
    with archive.open(name) as member:
        return ElementTree.fromstring(member.read(MAX_MEMBER_BYTES))  # noqa: S314 - size-capped, expat limits expansion


def _docx_text(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = _xml_member(archive, "word/document.xml")
    paragraphs = []
    for paragraph in root.iter(f"{WORD_NS}p"):
        paragraphs.append("".join(node.text or "" for node in paragraph.iter(f"{WORD_NS}t")))
    return "\n".join(paragraphs)


def _odt_text(data):
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        root = _xml_member(archive, "content.xml")
    return " ".join(root.itertext())


def _xlsx_text(data):
    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        if "xl/sharedStrings.xml" in names:
            texts.extend(node.text or "" for node in _xml_member(archive, "xl/sharedStrings.xml").iter(f"{SHEET_NS}t"))
        for name in names:
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                sheet = _xml_member(archive, name)
                texts.extend(node.text or "" for node in sheet.iter(f"{SHEET_NS}t"))  # inline strings
    return " ".join(texts)
