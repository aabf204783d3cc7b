"""Template context shared by the public consultation pages."""

from django.conf import settings
from django.utils.translation import get_language


def entered_text_language():
    """Name the language staff-entered text falls back to when the page language has no version of its own.

    Kazakh pages show the Mongolian text staff entered; marking it lang="mn"
    lets screen readers pronounce it correctly (WCAG 3.1.2).
    """
    if get_language() in settings.MODELTRANSLATION_LANGUAGES:
        return ""
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE
