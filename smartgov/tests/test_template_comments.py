"""Django's `{# #}` comment ends at the end of its line: one spread over lines is printed on the page."""

from pathlib import Path

from django.conf import settings


def _templates():
    root = Path(settings.BASE_DIR)
    skipped = {".venv", "node_modules", ".git"}
    return [path for path in root.rglob("*.html") if not skipped & set(path.relative_to(root).parts)]


def test_no_template_opens_a_one_line_comment_it_does_not_close_on_that_line():
    unclosed = [
        f"{path}:{number}"
        for path in _templates()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if line.count("{#") > line.count("#}")
    ]
    assert len(_templates()) > 20
    assert unclosed == []
