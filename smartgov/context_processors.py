"""Values every public template needs: project name, contacts, language links."""

from functools import lru_cache

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, translate_url
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .navigation import main_navigation

DEFAULT_PROJECT_NAME = _("Smart Government II project")

# Each language's name written in that language, so a reader finds their own.
LANGUAGE_SELF_NAMES = {"mn": "Монгол", "en": "English", "kk": "Қазақша"}


def site(request):
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    key = (request.path, request.get_full_path(), get_language(), get_script_prefix(), urlconf)
    navigation, language_links = _links(*key)
    return {
        "project_name": settings.PROJECT_NAME or DEFAULT_PROJECT_NAME,
        "grm_contact": settings.GRM_CONTACT,
        "main_navigation": navigation,
        "language_links": language_links,
    }


@lru_cache(maxsize=512)
def _links(path, full_path, language, script_prefix, urlconf):
    """The menu and the language links of a page: the same for every visit, so resolved once per process.

    Every argument is part of the key because the URLs depend on them; the
    cache is bounded because paths come from visitors.
    """
    language_links = [
        {"code": code, "name": LANGUAGE_SELF_NAMES.get(code, code), "url": translate_url(full_path, code)}
        for code, _name in settings.LANGUAGES
    ]
    return main_navigation(path), language_links
