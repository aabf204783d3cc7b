"""{% lang_of obj "field" %}: a lang attribute for staff-entered text shown in another language than the page's.

A document or event is written in Mongolian and English (modeltranslation).
A Kazakh page shows the Mongolian text, and a page whose language has no
text of its own shows the other one (MODELTRANSLATION_FALLBACK_LANGUAGES);
marking that text with its language lets screen readers pronounce it
(WCAG 3.1.2, language of parts).
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()


def shown_language(instance, field: str) -> str:
    """The language of the text `instance.<field>` shows on this page, when it is not the page's; else ""."""
    page = get_language()
    if page in settings.MODELTRANSLATION_LANGUAGES and getattr(instance, f"{field}_{page}", ""):
        return ""
    for language in settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"]:
        if language != page and getattr(instance, f"{field}_{language}", ""):
            return language
    return ""


@register.simple_tag
def lang_of(instance, field):
    language = shown_language(instance, field)
    return format_html(' lang="{}"', language) if language else ""
