"""Public pages rendered once per process with marks, each visit getting a copy with its own values put in.

The pages every submission goes through (the empty form, the answers to
check, the confirmation) are the same HTML for every visitor of a language
but for a few values: a token, the answers, a number, a code. Rendering them with Django's template engine on each
visit is most of what they cost, so `render_kept` renders such a page once
with a random mark in the place of each value, keeps it in the `fragments`
cache (smartgov/fragments.py: a changed setting forgets it), and answers each
visit with the kept page and its own values, escaped as the template would.

Each value must show once in the template, as a plain `{{ name }}` or through
a tag that only escapes it (`{% csrf_token %}`), and outside any `{% cache %}`
block: a filter would change the value but not its mark, and a cached block
would keep the first mark. The marks are replaced in one pass, so a value that
happens to contain another mark is left as it is. A page is kept only for the
query strings its caller names (by default none), so visitors' query strings
cannot fill the cache; any other visit, and a visit with a message to show, is
rendered whole, as is a page that does not show each mark exactly once.
"""

import re
import secrets

from django.contrib.messages import get_messages
from django.core.cache import caches
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.html import conditional_escape
from django.utils.translation import get_language

from .fragments import FRAGMENTS


def render_kept(
    request, *, key: str, template: str, values: dict[str, str], context_for, keep=True, kept_queries=("",)
) -> HttpResponse:
    """Answer with `template` rendered for `context_for(values)`, from the page kept under `key` where there is one.

    `context_for(values)` builds the page's context from a dict with the keys of
    `values`: this visit's values when the page is rendered whole, random marks
    when it is rendered to be kept. `key` names what else the page depends on
    (the language and the path are added); `keep=False` renders it whole, as
    does a query string not in `kept_queries`.
    """
    query = request.META.get("QUERY_STRING", "")
    if not keep or query not in kept_queries or get_messages(request):
        return render(request, template, context_for(values))
    cache = caches[FRAGMENTS]
    full_key = f"kept-page:{key}:{get_language()}:{request.get_full_path()}"
    kept = cache.get(full_key)
    if kept is None:
        marks = {name: secrets.token_hex(16) for name in values}
        page = render_to_string(template, context_for(marks), request)
        if any(page.count(mark) != 1 for mark in marks.values()):
            return render(request, template, context_for(values))
        kept = (page, {mark: name for name, mark in marks.items()})
        cache.set(full_key, kept, timeout=None)
    page, names = kept
    escaped = {mark: str(conditional_escape(values[name])) for mark, name in names.items()}
    return HttpResponse(re.sub("|".join(escaped), lambda found: escaped[found[0]], page))
