"""The public site's main navigation.

Entries whose URL is not installed yet are left out, so each app's pages
appear in the menu as soon as its URLs exist.
"""

from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

MAIN_NAVIGATION = [
    ("home", _("Home")),
    ("grievances:new", _("Give feedback")),
    ("grievances:track", _("Track your case")),
    ("grievances:easy_read", _("How it works")),
    ("stakeholders:event_list", _("Consultations")),
    ("disclosure:document_list", _("Documents")),
]


def main_navigation(current_path):
    items = []
    for url_name, label in MAIN_NAVIGATION:
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        current = current_path == url
        items.append({"url": url, "label": label, "current": current})
    return items
