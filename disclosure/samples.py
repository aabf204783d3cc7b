"""Small generated documents: demo files and test fixtures (WeasyPrint, DejaVu fonts for Mongolian)."""

import logging

from django.utils.html import escape


def text_pdf(title: str, paragraphs: list[str], language: str = "mn") -> bytes:
    """Render a one-page PDF with a title and paragraphs; imported lazily, WeasyPrint is heavy."""
    from weasyprint import HTML

    logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)

    body = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
    html = (
        f'<html lang="{escape(language)}"><head><meta charset="utf-8"><style>'
        "@page { size: A4; margin: 2cm } body { font-family: 'DejaVu Sans'; font-size: 11pt }"
        f"</style></head><body><h1>{escape(title)}</h1>{body}</body></html>"
    )
    return HTML(string=html).write_pdf()
