"""The header and footer every public page keeps per process: right for each page, forgotten when settings change."""

import re

import pytest
from django.core.cache import caches

from smartgov.fragments import FRAGMENTS, PAGE_HEADERS

pytestmark = pytest.mark.django_db

CURRENT = re.compile(r'<a href="([^"]+)" aria-current="page">')


def current_links(body):
    return set(CURRENT.findall(body.split("<main", 1)[0]))


def test_each_page_and_language_gets_its_own_menu_and_language_links(client):
    for _round in range(2):  # the second round is served from the kept fragments
        form = client.get("/mn/grievances/new/").content.decode()
        track = client.get("/mn/grievances/track/?number=f-2026/1").content.decode()
        english = client.get("/en/grievances/new/").content.decode()
        assert current_links(form) == {"/mn/grievances/new/"}
        assert current_links(track) == {"/mn/grievances/track/"}
        assert current_links(english) == {"/en/grievances/new/"}
        assert 'href="/en/grievances/track/?number=f-2026/1"' in track
        assert 'href="/en/grievances/track/?number=f-2026/1"' not in form
        assert "Give feedback" in english.split("<main", 1)[0] and "Give feedback" not in form.split("<main", 1)[0]


def test_a_changed_setting_shows_at_once(client, settings):
    client.get("/en/")
    settings.GRM_CONTACT = {**settings.GRM_CONTACT, "hotline": "7000-9999"}
    footer = client.get("/en/").content.decode().split("<footer", 1)[1]
    assert "7000-9999" in footer


def test_the_paths_visitors_ask_for_are_kept_apart_from_the_pages_every_visit_needs(client):
    """Any number of query strings and paths can be asked for: their headers go to their own cache."""
    client.get("/mn/grievances/new/")
    kept = set(caches[FRAGMENTS]._cache)
    headers = len(caches[PAGE_HEADERS]._cache)
    for number in range(5):
        track = client.get(f"/mn/grievances/track/?number=f-2026/{number}").content.decode()
        assert f'href="/en/grievances/track/?number=f-2026/{number}"' in track
    assert set(caches[FRAGMENTS]._cache) == kept
    assert len(caches[PAGE_HEADERS]._cache) == headers + 5


def test_a_changed_setting_forgets_the_headers_too(client, settings):
    client.get("/en/")
    settings.PROJECT_NAME = "Another project"
    header = client.get("/en/").content.decode().split("<header", 1)[1].split("</header>", 1)[0]
    assert "Another project" in header  # the kept header, not the page's title (which is never kept)
