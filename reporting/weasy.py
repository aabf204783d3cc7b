"""Turn report HTML into PDF bytes with WeasyPrint, here or in one child process per document.

WeasyPrint runs on one core. The report task renders two documents (Mongolian
and English), so it starts one child process for each and both cores work at
the same time. Child processes rather than a multiprocessing pool because
Celery's prefork workers are daemonic processes, which multiprocessing does
not allow to have children. This module imports nothing from Django: the
child (`python -m reporting.weasy BASE_URL`, HTML on stdin, PDF on stdout)
starts in well under a second.
"""

import gc
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
CHILD_TIMEOUT_SECONDS = 30 * 60


class PdfRenderingFailed(RuntimeError):
    """A child process could not render its document; the message ends with its error output."""


def html_to_pdf(html: str, base_url: str) -> bytes:
    """Render one HTML document to PDF in this process.

    The cyclic garbage collector is paused meanwhile: WeasyPrint builds
    millions of boxes that all live until the document is written, so the
    collector's repeated passes over them cost about a tenth of the time and
    free nothing.
    """
    from weasyprint import HTML

    collecting = gc.isenabled()
    gc.disable()
    try:
        return HTML(string=html, base_url=base_url).write_pdf()
    finally:
        if collecting:
            gc.enable()


def _render_in_child(html: str, base_url: str) -> bytes:
    completed = subprocess.run(  # noqa: S603 - our own interpreter and module, no shell
        [sys.executable, "-m", "reporting.weasy", base_url],
        input=html.encode(),
        capture_output=True,
        cwd=PROJECT_ROOT,
        timeout=CHILD_TIMEOUT_SECONDS,
        check=False,
    )
    if completed.returncode != 0:
        raise PdfRenderingFailed(completed.stderr.decode(errors="replace")[-2000:])
    return completed.stdout


def htmls_to_pdfs(htmls: dict[str, str], base_url: str) -> dict[str, bytes]:
    """Render several HTML documents at the same time, one child process each; a single one is rendered here."""
    if len(htmls) == 1:
        ((key, html),) = htmls.items()
        return {key: html_to_pdf(html, base_url)}
    with ThreadPoolExecutor(max_workers=len(htmls)) as pool:
        futures = {key: pool.submit(_render_in_child, html, base_url) for key, html in htmls.items()}
        return {key: future.result() for key, future in futures.items()}


if __name__ == "__main__":
    sys.stdout.buffer.write(html_to_pdf(sys.stdin.buffer.read().decode(), sys.argv[1]))
