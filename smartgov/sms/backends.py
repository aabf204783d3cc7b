"""The SMS backends: console, file, locmem and a generic HTTP gateway (see smartgov.sms)."""

import base64
import json
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
import uuid
from datetime import datetime
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import SmsError, SmsMessage


class BaseBackend:
    """Send a list of SmsMessage; return how many went. `fail_silently` turns errors into a count of 0."""

    def __init__(self, *, fail_silently: bool = False, **options):
        self.fail_silently = fail_silently

    def send_messages(self, messages: list[SmsMessage]) -> int:
        sent = 0
        for message in messages:
            try:
                self.send(message)
            except Exception:
                if not self.fail_silently:
                    raise
                continue
            sent += 1
        return sent

    def send(self, message: SmsMessage) -> None:
        raise NotImplementedError


def _as_text(message: SmsMessage) -> str:
    return f"To: {message.recipient}\nFrom: {message.sender}\n\n{message.text}\n"


class ConsoleBackend(BaseBackend):
    """Print each message to standard output (development)."""

    def __init__(self, *, stream=None, **options):
        super().__init__(**options)
        self.stream = stream or sys.stdout
        self._lock = threading.RLock()

    def send(self, message):
        with self._lock:
            self.stream.write(_as_text(message) + "-" * 79 + "\n")
            self.stream.flush()


class FileBackend(BaseBackend):
    """Write each message to a file of its own in SMS_FILE_PATH, like Django's file-based e-mail backend."""

    def __init__(self, *, file_path=None, **options):
        super().__init__(**options)
        path = file_path or getattr(settings, "SMS_FILE_PATH", "")
        if not path:
            raise ImproperlyConfigured("The file SMS backend needs SMS_FILE_PATH, a folder to write messages to.")
        self.file_path = Path(path)
        self.file_path.mkdir(parents=True, exist_ok=True)

    def send(self, message):
        # A random part, not id(message): a freed message's id comes back within the same second.
        name = f"{datetime.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex}.txt"
        (self.file_path / name).write_text(_as_text(message), encoding="utf-8")


class LocmemBackend(BaseBackend):
    """Keep each message in smartgov.sms.outbox (tests)."""

    def send(self, message):
        from . import outbox

        outbox.append(message)


class HttpBackend(BaseBackend):
    """Hand each message to an HTTP SMS gateway; every gateway-specific detail is a setting.

    SMS_GATEWAY_URL, SMS_GATEWAY_METHOD (GET puts the parameters in the query
    string; POST sends them as a form, or as JSON with SMS_GATEWAY_BODY="json"),
    SMS_GATEWAY_PARAMS (the gateway's names for recipient, text and sender; a
    name left empty is not sent), SMS_GATEWAY_EXTRA_PARAMS (fixed parameters,
    such as an account id), credentials as SMS_GATEWAY_AUTH_USER and _PASSWORD
    (HTTP basic) or SMS_GATEWAY_AUTH_TOKEN sent in the SMS_GATEWAY_AUTH_HEADER
    header, and SMS_GATEWAY_TIMEOUT in seconds. Any answer but 2xx is an error.
    """

    def __init__(self, **options):
        super().__init__(**options)
        self.url = settings.SMS_GATEWAY_URL
        if not self.url:
            raise ImproperlyConfigured("The HTTP SMS backend needs SMS_GATEWAY_URL.")
        if urllib.parse.urlsplit(self.url).scheme not in ("http", "https"):
            raise ImproperlyConfigured("SMS_GATEWAY_URL must be an http:// or https:// address.")
        self.method = settings.SMS_GATEWAY_METHOD.upper()
        self.params = settings.SMS_GATEWAY_PARAMS
        self.timeout = settings.SMS_GATEWAY_TIMEOUT

    def _parameters(self, message):
        values = {"recipient": message.recipient, "text": message.text, "sender": message.sender}
        named = {self.params[key]: value for key, value in values.items() if self.params.get(key)}
        return {**settings.SMS_GATEWAY_EXTRA_PARAMS, **named}

    def _headers(self):
        headers = {"User-Agent": "smartgov-sms"}
        if settings.SMS_GATEWAY_AUTH_USER:
            pair = f"{settings.SMS_GATEWAY_AUTH_USER}:{settings.SMS_GATEWAY_AUTH_PASSWORD}".encode()
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        if settings.SMS_GATEWAY_AUTH_TOKEN:
            headers[settings.SMS_GATEWAY_AUTH_HEADER] = settings.SMS_GATEWAY_AUTH_TOKEN
        return headers

    def _request(self, message):
        parameters, headers, url, data = self._parameters(message), self._headers(), self.url, None
        if self.method == "GET":
            url += ("&" if "?" in url else "?") + urllib.parse.urlencode(parameters)
        elif settings.SMS_GATEWAY_BODY == "json":
            data = json.dumps(parameters, ensure_ascii=False).encode()
            headers["Content-Type"] = "application/json; charset=utf-8"
        else:
            data = urllib.parse.urlencode(parameters).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        # The scheme was checked in __init__: http or https only.
        return urllib.request.Request(url, data=data, headers=headers, method=self.method)  # noqa: S310

    def send(self, message):
        try:
            with urllib.request.urlopen(self._request(message), timeout=self.timeout) as response:  # noqa: S310
                response.read()
        except urllib.error.HTTPError as error:
            raise SmsError(f"The SMS gateway answered {error.code} {error.reason}.") from error
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise SmsError(f"The SMS gateway could not be reached: {reason}.") from error
