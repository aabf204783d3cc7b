"""The confirmation page, kept per process (smartgov.kept_pages) with each case's number, code and copy put in.

Its HTML depends on the language, on three facts about the submission (an
e-mail address given, no contact details at all, a copy still shown) and
otherwise only on the number, the private code and the copy of what was sent.
A sensitive report's confirmation is rendered whole: it lists the support
services, which staff change in the database.
"""

from urllib.parse import quote

from django.conf import settings
from django.utils.translation import get_language

from smartgov.kept_pages import render_kept

from .selectors import support_services_for_page
from .sent_copy import sent_copy_html, sent_copy_rows


def confirmation_response(request, confirmation: dict, *, template: str):
    """Answer the confirmation page for `confirmation`, what the browser's cookie brought (confirmation.py)."""
    number = confirmation.get("registered_no", "")
    sensitive = bool(confirmation.get("sensitive"))
    values = {
        "registered_no": number,
        "tracking_code": confirmation.get("tracking_code", ""),
        "track_number": quote(number, safe="/"),  # as the urlencode filter writes it
    }
    # A sensitive report gets no copy: a printed or open page about harassment can put the person at risk.
    rows = [] if sensitive else sent_copy_rows(number)
    if rows:
        values["sent_copy"] = sent_copy_html(rows)
    services = support_services_for_page(language=get_language()) if sensitive else None

    def context_for(shown):
        context = {
            "confirmation": {
                **confirmation,
                "registered_no": shown["registered_no"],
                "tracking_code": shown["tracking_code"],
            },
            "track_number": shown["track_number"],
            "sent_copy": shown.get("sent_copy", ""),
            "deadlines": settings.GRM_DEADLINES,
        }
        if sensitive:
            context["services"] = services
        return context

    emailed, anonymous = bool(confirmation.get("emailed")), bool(confirmation.get("anonymous"))
    return render_kept(
        request,
        key=f"confirmation:{emailed}:{anonymous}:{bool(rows)}",
        template=template,
        values=values,
        context_for=context_for,
        keep=not sensitive,
    )
