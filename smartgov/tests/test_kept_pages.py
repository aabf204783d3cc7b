"""Pages kept with marks (smartgov/kept_pages.py): rendered once, each visit's values escaped as the template would."""

import pytest
from django.core.cache import caches
from django.template import engines
from django.test import RequestFactory
from django.utils.safestring import mark_safe
from django.utils.translation import override

from smartgov.fragments import FRAGMENTS
from smartgov.kept_pages import render_kept

KEY = "kept-page:t:en:/en/x/"
TEMPLATE = '<p>{{ a }}</p><p title="{{ b }}">b</p><div>{{ html }}</div>'


@pytest.fixture
def template(settings, tmp_path):
    (tmp_path / "kept.html").write_text(TEMPLATE)
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]
    caches[FRAGMENTS].clear()
    yield "kept.html"
    caches[FRAGMENTS].clear()


class Renders:
    """A context_for that counts how often the page had to be rendered."""

    def __init__(self, shown=("a", "b", "html")):
        self.calls, self.shown = 0, shown

    def __call__(self, values):
        self.calls += 1
        return {name: value for name, value in values.items() if name in self.shown}


def visit(template, context_for, keep=True, **values):
    with override("en"):
        response = render_kept(
            RequestFactory().get("/en/x/"),
            key="t",
            template=template,
            values=values,
            context_for=context_for,
            keep=keep,
        )
    return response.content.decode()


def whole(**values):
    return engines["django"].from_string(TEMPLATE).render(values)


def test_each_visit_gets_its_own_values_from_one_rendering(template):
    renders = Renders()
    first = visit(template, renders, a="1", b="one", html=mark_safe("<i>1</i>"))
    second = visit(template, renders, a="2", b="two", html=mark_safe("<i>2</i>"))
    assert renders.calls == 1
    assert first == whole(a="1", b="one", html=mark_safe("<i>1</i>"))
    assert second == whole(a="2", b="two", html=mark_safe("<i>2</i>"))


def test_values_are_escaped_as_the_template_escapes_them_and_safe_html_is_not(template):
    values = {"a": "<script>alert('x')</script> & co", "b": 'say "hi"', "html": mark_safe("<b>kept</b>")}
    visit(template, Renders(), a="warm", b="up", html="")
    assert visit(template, Renders(), **values) == whole(**values)


def test_a_value_that_looks_like_a_mark_is_left_as_it_is(template):
    renders = Renders()
    visit(template, renders, a="1", b="2", html="3")
    _page, names = caches[FRAGMENTS].get(KEY)
    mark_of_b = next(mark for mark, name in names.items() if name == "b")
    assert visit(template, renders, a=mark_of_b, b="two", html="3") == whole(a=mark_of_b, b="two", html="3")


def test_a_page_that_does_not_show_every_value_is_rendered_whole_each_time(template):
    renders = Renders(shown=("a", "b"))  # the html value never reaches the page
    assert visit(template, renders, a="1", b="2", html="<i>lost</i>") == whole(a="1", b="2")
    visit(template, renders, a="1", b="2", html="<i>lost</i>")
    assert renders.calls == 4  # each visit: the marked try, then the page rendered whole
    assert caches[FRAGMENTS].get(KEY) is None


def test_keep_false_renders_whole_and_keeps_nothing(template):
    renders = Renders()
    visit(template, renders, keep=False, a="1", b="2", html="3")
    visit(template, renders, keep=False, a="1", b="2", html="3")
    assert renders.calls == 2 and caches[FRAGMENTS].get(KEY) is None


def test_a_page_that_shows_a_value_twice_is_rendered_whole_each_time(template, settings, tmp_path):
    (tmp_path / "twice.html").write_text("<p>{{ a }}</p><p>{{ a }}</p>")
    renders = Renders(shown=("a",))
    assert visit("twice.html", renders, a="<1>") == "<p>&lt;1&gt;</p><p>&lt;1&gt;</p>"
    visit("twice.html", renders, a="2")
    assert renders.calls == 4 and caches[FRAGMENTS].get(KEY) is None


def test_a_query_string_not_named_is_rendered_whole(template):
    renders = Renders()
    with override("en"):
        for query in ("", "x=1", "x=2"):
            request = RequestFactory().get(f"/en/x/?{query}" if query else "/en/x/")
            render_kept(
                request, key="t", template=template, values={"a": "1", "b": "2", "html": "3"}, context_for=renders
            )
    assert renders.calls == 3  # the kept page's one rendering, then each other query string's
    assert len([key for key in caches[FRAGMENTS]._cache if "kept-page" in key]) == 1
