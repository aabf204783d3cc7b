"""The "Exit this page" control of the sensitive-case pathway (GOV.UK's pattern), as a template tag.

`{% exit_this_page %}` renders the control; `{% exit_this_page hidden=True %}`
renders it hidden, for the feedback form, whose script shows it once the
sensitive box is ticked. Without JavaScript it is a plain link to
EXIT_THIS_PAGE_URL; with it, exit-this-page.js leaves with location.replace(),
so the page is not left in the browser's history, and Shift pressed three
times leaves too.
"""

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("grievances/_exit_this_page.html")
def exit_this_page(hidden=False):
    return {"exit_url": settings.EXIT_THIS_PAGE_URL, "hidden": hidden}
