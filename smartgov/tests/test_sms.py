"""SMS backends: console, file, locmem, and the HTTP gateway against a server the test starts itself."""

import base64
import io
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured

from smartgov import sms
from smartgov.sms.backends import ConsoleBackend, FileBackend, HttpBackend, LocmemBackend

TEXT = "Таны f-2020/03 дугаартай санал, гомдлыг хүлээн авлаа."


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the timeout test hangs up before the answer: the server's broken pipe is expected


class Gateway:
    """A small HTTP server on 127.0.0.1 that records each request and answers with `status` after `delay` seconds."""

    def __init__(self):
        self.requests = []
        self.status = 200
        self.delay = 0.0
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                gateway.requests.append(
                    {"method": self.command, "path": self.path, "headers": dict(self.headers), "body": body}
                )
                time.sleep(gateway.delay)
                self.send_response(gateway.status)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(b'{"ok": true}')

            do_GET = do_POST = _answer

            def log_message(self, *args):
                pass

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/send"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def gateway(settings):
    with Gateway() as server:
        settings.SMS_BACKEND = "smartgov.sms.backends.HttpBackend"
        settings.SMS_GATEWAY_URL = server.url
        settings.SMS_GATEWAY_METHOD = "POST"
        settings.SMS_GATEWAY_BODY = "form"
        settings.SMS_GATEWAY_PARAMS = {"recipient": "to", "text": "text", "sender": "from"}
        settings.SMS_GATEWAY_EXTRA_PARAMS = {}
        settings.SMS_GATEWAY_AUTH_USER = ""
        settings.SMS_GATEWAY_AUTH_PASSWORD = ""
        settings.SMS_GATEWAY_AUTH_TOKEN = ""
        settings.SMS_GATEWAY_AUTH_HEADER = "Authorization"
        settings.SMS_GATEWAY_TIMEOUT = 2
        settings.SMS_SENDER = "SmartGov"
        yield server


def test_get_connection_builds_the_backend_named_in_settings(settings):
    settings.SMS_BACKEND = "smartgov.sms.backends.ConsoleBackend"
    assert isinstance(sms.get_connection(), ConsoleBackend)
    assert isinstance(sms.get_connection("smartgov.sms.backends.LocmemBackend"), LocmemBackend)


def test_the_locmem_backend_keeps_messages_in_the_module_outbox(settings):
    settings.SMS_SENDER = "SmartGov"
    assert sms.send_sms(recipient="99112233", text=TEXT) == 1
    assert sms.outbox == [sms.SmsMessage(recipient="99112233", text=TEXT, sender="SmartGov")]


def test_the_console_backend_prints_the_recipient_and_the_text():
    stream = io.StringIO()
    connection = ConsoleBackend(stream=stream)
    sms.send_sms(recipient="99112233", text=TEXT, connection=connection)
    assert "To: 99112233" in stream.getvalue()
    assert TEXT in stream.getvalue()


def test_the_file_backend_writes_one_file_per_message(settings, tmp_path):
    settings.SMS_BACKEND = "smartgov.sms.backends.FileBackend"
    settings.SMS_FILE_PATH = str(tmp_path / "sms")
    sms.send_sms(recipient="99112233", text=TEXT)
    sms.send_sms(recipient="88112233", text="Second")
    files = sorted((tmp_path / "sms").iterdir())
    assert len(files) == 2
    contents = sorted(path.read_text(encoding="utf-8") for path in files)
    assert "To: 88112233" in contents[0] and "Second" in contents[0]
    assert "To: 99112233" in contents[1] and TEXT in contents[1]


def test_the_file_backend_needs_a_folder(settings):
    settings.SMS_FILE_PATH = ""
    with pytest.raises(ImproperlyConfigured):
        FileBackend()


def test_the_http_backend_posts_the_gateway_s_parameter_names_with_basic_credentials(gateway, settings):
    settings.SMS_GATEWAY_PARAMS = {"recipient": "msisdn", "text": "message", "sender": "from"}
    settings.SMS_GATEWAY_EXTRA_PARAMS = {"account": "smartgov"}
    settings.SMS_GATEWAY_AUTH_USER = "piu"
    settings.SMS_GATEWAY_AUTH_PASSWORD = "s3cret"

    assert sms.send_sms(recipient="99112233", text=TEXT) == 1

    [request] = gateway.requests
    assert (request["method"], request["path"]) == ("POST", "/send")
    assert request["headers"]["Content-Type"].startswith("application/x-www-form-urlencoded")
    assert request["headers"]["Authorization"] == "Basic " + base64.b64encode(b"piu:s3cret").decode()
    assert parse_qs(request["body"]) == {
        "msisdn": ["99112233"],
        "message": [TEXT],
        "from": ["SmartGov"],
        "account": ["smartgov"],
    }


def test_the_http_backend_can_send_a_token_header_and_a_json_body(gateway, settings):
    settings.SMS_GATEWAY_BODY = "json"
    settings.SMS_GATEWAY_AUTH_HEADER = "X-Api-Key"
    settings.SMS_GATEWAY_AUTH_TOKEN = "token-123"
    settings.SMS_GATEWAY_PARAMS = {"recipient": "to", "text": "text", "sender": ""}

    sms.send_sms(recipient="99112233", text=TEXT)

    [request] = gateway.requests
    assert request["headers"]["X-Api-Key"] == "token-123"
    assert "Authorization" not in request["headers"]
    assert json.loads(request["body"]) == {"to": "99112233", "text": TEXT}


def test_the_http_backend_puts_the_parameters_in_the_query_string_for_get(gateway, settings):
    settings.SMS_GATEWAY_METHOD = "GET"
    settings.SMS_GATEWAY_URL = gateway.url + "?key=abc"

    sms.send_sms(recipient="99112233", text=TEXT)

    [request] = gateway.requests
    url = urlsplit(request["path"])
    assert request["method"] == "GET"
    assert url.path == "/send"
    assert parse_qs(url.query) == {"key": ["abc"], "to": ["99112233"], "text": [TEXT], "from": ["SmartGov"]}


def test_an_error_status_from_the_gateway_raises(gateway):
    gateway.status = 503
    with pytest.raises(sms.SmsError, match="503"):
        sms.send_sms(recipient="99112233", text=TEXT)
    assert len(gateway.requests) == 1


def test_an_error_status_counts_nothing_sent_when_failing_silently(gateway):
    gateway.status = 401
    connection = sms.get_connection(fail_silently=True)
    assert sms.send_sms(recipient="99112233", text=TEXT, connection=connection) == 0


def test_a_gateway_that_does_not_answer_in_time_raises_after_the_timeout(gateway, settings):
    settings.SMS_GATEWAY_TIMEOUT = 0.3
    gateway.delay = 1.5
    started = time.monotonic()
    with pytest.raises(sms.SmsError, match="could not be reached"):
        sms.send_sms(recipient="99112233", text=TEXT)
    assert time.monotonic() - started < 1.2


def test_a_gateway_address_must_be_http(settings):
    settings.SMS_GATEWAY_URL = "file:///etc/passwd"
    with pytest.raises(ImproperlyConfigured):
        HttpBackend()
