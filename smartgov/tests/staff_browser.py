"""A staff session for a browser tab, shared by the admin's browser tests (imported, not a conftest)."""

from django.conf import settings
from django.test import Client


def sign_in(tab, live_server, user, language):
    """Give the browser tab a signed-in staff session in the language, at the officer's screen size (1280 × 800)."""
    client = Client()
    client.force_login(user)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    tab.context.add_cookies(
        [
            {"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url},
            {"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": live_server.url},
        ]
    )
    tab.set_viewport_size({"width": 1280, "height": 800})
