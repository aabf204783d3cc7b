"""A small load client for scripts/prod-smoke: public submissions and tracking look-ups through nginx (TLS).

Each simulated citizen has its own loopback source address (127.0.0.N), so
nginx sees different clients and the portal counts each in its own rate-limit
bucket, as for people on different networks. A person whose page fails with
a 502/503/504 or a dropped connection sends the same form again (same
submission token, same CSRF cookie), as a browser's "resend" does: the portal
recognises a repeat and shows the first answer rather than registering twice.
Forms are read and filled by bench/htmlforms.py, which knows no field names.
"""

import http.client
import re
import ssl
import sys
import threading
import time
from collections import Counter
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urljoin, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from htmlforms import fill, main_form, send_button  # noqa: E402

TRACKING_CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")
NUMBER = re.compile(r"\b[a-z]+-\d{4}/\d{2,}\b")
RETRIED = {502, 503, 504}


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.requests = 0
        self.retries = 0
        self.errors = []

    def record(self, status):
        with self.lock:
            self.requests += 1
            self.statuses[str(status)] += 1

    def error(self, text):
        with self.lock:
            if len(self.errors) < 10:
                self.errors.append(text)


class Citizen:
    """One person's browser: a source address, cookies, and the Host the site is reached by."""

    def __init__(self, *, port, host, source, stats, forwarded_for=None):
        self.port, self.host, self.source, self.stats = port, host, source, stats
        self.forwarded_for = forwarded_for
        self.cookies = {}
        self.origin = f"https://{host}:{port}"
        self.context = ssl.create_default_context()
        self.context.check_hostname = False
        self.context.verify_mode = ssl.CERT_NONE  # the smoke run's throw-away certificate

    def _remember(self, response):
        for raw in response.headers.get_all("Set-Cookie") or []:
            jar = SimpleCookie()
            jar.load(raw)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or "1970" in (morsel["expires"] or ""):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    def request(self, method, path, body=None, referer=None):
        """One request; returns (status, location, text). Connection failures count as status "error"."""
        connection = http.client.HTTPSConnection(
            "127.0.0.1", self.port, timeout=30, context=self.context, source_address=(self.source, 0)
        )
        headers = {"Host": f"{self.host}:{self.port}"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.forwarded_for:
            headers["X-Forwarded-For"] = self.forwarded_for
        if method == "POST":
            headers.update(
                {
                    "Origin": self.origin,
                    "Referer": referer or self.origin + path,
                    "Content-Type": "application/x-www-form-urlencoded",
                }
            )
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode(errors="replace")
        except (OSError, http.client.HTTPException) as problem:
            self.stats.record("error")
            self.stats.error(f"{method} {path}: {problem!r}")
            return "error", None, ""
        finally:
            connection.close()
        self._remember(response)
        self.stats.record(response.status)
        return response.status, response.headers.get("Location"), text

    def follow(self, status, location, text):
        hops = 0
        while status in (301, 302, 303) and location and hops < 5:
            status, location, text = self.request("GET", urlsplit(urljoin(self.origin + "/", location)).path)
            hops += 1
        return status, text

    def post_until_answered(self, path, body, referer, attempts=6):
        """POST, and POST the same again after a gateway error or a dropped connection (a person's resend)."""
        for attempt in range(attempts):
            status, location, text = self.request("POST", path, body, referer)
            if status not in RETRIED and status != "error":
                return self.follow(status, location, text)
            with self.stats.lock:
                self.stats.retries += 1
            time.sleep(0.5 * (attempt + 1))
        return status, text

    def get_page(self, path, attempts=6):
        for attempt in range(attempts):
            status, location, text = self.request("GET", path)
            status, text = self.follow(status, location, text)
            if status == 200:
                return text
            time.sleep(0.5 * (attempt + 1))
        return None

    def submit(self, marker):
        """File a grievance; returns (registration number, tracking code) from the confirmation, or None."""
        page = self.get_page("/mn/grievances/new/")
        form = page and main_form(page, self.origin + "/mn/grievances/new/")
        if not form:
            self.stats.error("no grievance form")
            return None
        text = f"Prod smoke {marker}: the road works near the soum centre blocked access to the clinic."
        pairs = fill(form, text=text, email=f"{marker}@example.org")
        status, body = self.post_until_answered(
            urlsplit(form.action).path, urlencode(pairs), self.origin + "/mn/grievances/new/"
        )
        if status == 200 and send_button(body):
            # The answers to check come first; the page's "Send" button (one of several) registers them.
            check = main_form(body, self.origin + "/mn/grievances/new/")
            pairs = fill(check, text=text, email=f"{marker}@example.org") + send_button(body)
            status, body = self.post_until_answered(
                urlsplit(check.action).path, urlencode(pairs), self.origin + "/mn/grievances/new/"
            )
        number, code = NUMBER.search(body or ""), TRACKING_CODE.search(body or "")
        if status != 200 or not number or not code:
            self.stats.error(f"submission {marker}: status {status}, no confirmation")
            return None
        return number[0], code[0]

    def track(self, number, code):
        """Look a case up; returns the final status (200 with the case, 200 with the form again, or 429)."""
        page = self.get_page("/mn/grievances/track/")
        form = page and main_form(page, self.origin + "/mn/grievances/track/")
        if not form:
            return None, ""

        def value(name):
            name = name.lower()
            if "code" in name:
                return code
            if "no" in name or "number" in name or "reg" in name:
                return number
            return None

        pairs = fill(form, text="", email="", overrides=value)
        return self.post_until_answered(urlsplit(form.action).path, urlencode(pairs), self.origin + "/mn/")
