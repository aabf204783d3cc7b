"""Public pages of the sensitive-case pathway (SEA/SH): the support services, and the headers every such page sends.

A person reading about abuse may be watched: every page of the pathway has
"Exit this page" ({% exit_this_page %}), is never stored by the browser or a
proxy (Cache-Control: no-store), and does not tell another site where the
person came from (Referrer-Policy: same-origin; the exit link itself is
rel="noreferrer"). Not "no-referrer": with it, browsers send `Origin: null`
with the pathway's own forms, and Django's CSRF check refuses them.
"""

from functools import wraps

from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache

from .selectors import support_services_for_page


def pathway_page(view):
    """Send the pathway's headers with every answer of `view`: no copy kept, no referrer given to other sites.

    never_cache's Cache-Control includes no-store, which also keeps the page out of the back-forward cache.
    """

    @wraps(view)
    @never_cache
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "same-origin"
        return response

    return wrapped


@pathway_page
def support_services(request):
    """The safe entry: what happens to a report of harassment or abuse, and the services that can help."""
    context = {"services": support_services_for_page(language=get_language())}
    return render(request, "grievances/support_services.html", context)
