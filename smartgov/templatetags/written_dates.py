"""``{{ value|written_date }}``: the date as the page's language writes it (see smartgov.written_dates)."""

from django import template

from smartgov.written_dates import written_date as _written_date

register = template.Library()


@register.filter
def written_date(value, language=None):
    """Write ``value`` in the active language, or in the language given as the filter's argument."""
    return _written_date(value, language or None)


@register.filter
def written_date_short(value, language=None):
    """The short, numeric form (2026.11.30 in Mongolian), for text messages whose length counts."""
    return _written_date(value, language or None, short=True)
