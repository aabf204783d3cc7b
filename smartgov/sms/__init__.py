"""Text messages (SMS) to phones, through a backend chosen in settings, the way Django sends e-mail.

settings.SMS_BACKEND names the backend class (smartgov.sms.backends.*):
console (prints each message), file (one file per message in SMS_FILE_PATH),
locmem (keeps them in `outbox` below, for tests) and http (a generic HTTP
gateway whose address, credentials and parameter names are settings). The
outbox (smartgov/outbox.py) calls send_sms for its SMS rows, so a text is
written with the change it reports, sent after commit and retried like e-mail.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.module_loading import import_string

# What the locmem backend sent, like django.core.mail.outbox (emptied before each test by the root conftest).
outbox = []


@dataclass(frozen=True)
class SmsMessage:
    """One text to one phone number; `sender` is the name or number the gateway shows, if it lets us choose."""

    recipient: str
    text: str
    sender: str = ""


class SmsError(Exception):
    """A backend could not hand a message over (a gateway's error answer, a timeout, a network error)."""


def get_connection(backend: str | None = None, *, fail_silently: bool = False, **options):
    """Return an instance of the backend `backend` (a dotted class path), by default settings.SMS_BACKEND."""
    backend_class = import_string(backend or settings.SMS_BACKEND)
    return backend_class(fail_silently=fail_silently, **options)


def send_sms(*, recipient: str, text: str, sender: str | None = None, connection=None) -> int:
    """Send one text; return the number of messages sent (1, or 0 when a silent backend failed)."""
    connection = connection or get_connection()
    message = SmsMessage(recipient=recipient, text=text, sender=settings.SMS_SENDER if sender is None else sender)
    return connection.send_messages([message])
