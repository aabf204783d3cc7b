"""Values every public template needs: project name, contacts, language links."""

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import gettext_lazy as _

from .navigation import main_navigation

DEFAULT_PROJECT_NAME = _("Smart Government II project")

# Each language's name written in that language, so a reader finds their own.
LANGUAGE_SELF_NAMES = {"mn": "Монгол", "en": "English", "kk": "Қазақша"}


def site(request):
    path = request.get_full_path()
    return {
        "project_name": settings.PROJECT_NAME or DEFAULT_PROJECT_NAME,
        "grm_contact": settings.GRM_CONTACT,
        "main_navigation": main_navigation(request.path),
        "language_links": [
            {"code": code, "name": LANGUAGE_SELF_NAMES.get(code, code), "url": translate_url(path, code)}
            for code, _name in settings.LANGUAGES
        ],
    }
