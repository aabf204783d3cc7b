"""The load generator: virtual users on asyncio, run as its own process by bench/load.py.

Each scenario is a loop of one user action. A submission is a flow of steps
(Run._submit): GET the form, POST it, then as long as the page reached shows
another form and no registration number (a check-your-answers page, for
example), send that form as it stands, up to --max-forms forms in all, and
read the number on the page finally reached. A scenario whose first page answers 404 reports
"not available" instead of failing, so the command runs on any branch.
Cookies are kept per virtual user by hand, ignoring the Secure flag, because
the portal runs with production settings (secure cookies) on plain HTTP on
127.0.0.1. Results go to a JSON file: per-scenario figures and every
submission acknowledged to a client.
"""

import argparse
import asyncio
import json
import os
import random
import re
import sys
import time
import uuid
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent))
from htmlforms import fill, main_form, send_button  # noqa: E402

# The button of a "check your answers" page that sends the form for real.

SEARCH_WORDS = ["төсөл", "тайлан", "орчны", "хуралдаан", "report", "procurement", "environment", "plan", "social"]
TRACKING_CODE = re.compile(r"\b[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}\b")


class Unavailable(Exception):
    pass


class Failed(Exception):
    pass


class Browser:
    """One virtual user's cookies and requests; redirects are followed by hand to keep cookies right."""

    def __init__(self, session, base, cookies=None):
        self.session, self.base, self.cookies, self.requests = session, base, {} if cookies is None else cookies, 0
        self.origin = "{0.scheme}://{0.netloc}".format(urlsplit(base))

    def sharing(self):
        """A view of this browser (same cookies, so the same signed-in session) counting its own requests.

        The officer's loops share one session; each gets its own view so that
        a loop's request count is its own and not its neighbours'.
        """
        return Browser(self.session, self.base, self.cookies)

    def _remember(self, response):
        for raw in response.headers.getall("Set-Cookie", []):
            jar = SimpleCookie()
            jar.load(raw)
            for name, morsel in jar.items():
                if morsel["max-age"] == "0" or (morsel["expires"] and "1970" in morsel["expires"]):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value

    async def request(self, method, url, *, data=None, referer=None):
        url = urljoin(self.base, url)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())} if self.cookies else {}
        if method == "POST":
            headers.update({"Origin": self.origin, "Referer": referer or url})
        self.requests += 1
        async with self.session.request(method, url, data=data, headers=headers, allow_redirects=False) as response:
            body = await response.text(errors="replace")
            self._remember(response)
            return response.status, response.headers.get("Location"), body, url

    async def get_ok(self, url):
        status, location, body, url = await self.request("GET", url)
        if status == 404:
            raise Unavailable(url)
        if status != 200:
            raise Failed(f"GET {urlsplit(url).path} answered {status}")
        return body, url

    async def submit(self, form, pairs, referer):
        data = aiohttp.FormData(pairs, default_to_multipart=form.is_multipart)
        status, location, body, url = await self.request("POST", form.action, data=data, referer=referer)
        hops = 0
        final_location = location
        while status in (301, 302, 303) and location and hops < 5:
            final_location = urljoin(url, location)
            status, location, body, url = await self.request("GET", final_location)
            hops += 1
        return status, hops, final_location, body


FORM_ERRORS = re.compile(r'class="[^"]*(?:error-message|errorlist|invalid-feedback|text-danger)[^"]*"[^>]*>(.*?)<')


def form_errors(body):
    found = FORM_ERRORS.findall(body)
    return "; ".join(text.strip() for text in found if text.strip())[:200] or "form shown again"


class Scenario:
    def __init__(self, name):
        self.name, self.latencies, self.errors, self.requests = name, [], 0, 0
        self.available, self.error_samples = True, []
        self.completed = 0  # actions finished over the whole run, warm-up included (for CPU per action)

    def error(self, message):
        self.errors += 1
        if message not in self.error_samples and len(self.error_samples) < 3:
            self.error_samples.append(message)


class Run:
    def __init__(self, args):
        self.args = args
        self.run_id = uuid.uuid4().hex[:8]
        self.sequence = 0
        self.acks = []
        self.known_cases = [tuple(pair) for pair in json.loads(Path(args.cases).read_text())] if args.cases else []
        self.window = (0.0, 0.0)

    def next_marker(self):
        self.sequence += 1
        return f"bench-{self.run_id}-{self.sequence}"

    async def loop(self, scenario, action, browser_factory):
        """Repeat `action` until the deadline; count those that started inside the measured window."""
        start_window, deadline = self.window
        while time.monotonic() < deadline and scenario.available:
            started = time.monotonic()
            counted = started >= start_window
            browser = browser_factory()
            requests_before = browser.requests
            try:
                await action(browser)
                scenario.completed += 1
                if counted:
                    scenario.latencies.append(time.monotonic() - started)
            except Unavailable:
                scenario.available = False
            except (TimeoutError, Failed, aiohttp.ClientError, ConnectionError) as problem:
                if counted:
                    scenario.error(str(problem) or type(problem).__name__)
                await asyncio.sleep(0.05)
            if counted:
                scenario.requests += browser.requests - requests_before

    async def submit_smartgov(self, browser):
        await self._submit(browser, self.args.form_url, self._ack_smartgov)

    async def submit_helpdesk(self, browser):
        await self._submit(browser, self.args.form_url, self._ack_helpdesk)

    async def submit_bare(self, browser):
        await self._submit(browser, self.args.form_url, self._ack_bare)

    async def _submit(self, browser, form_url, acknowledge):
        """GET the form, POST it, send any further form the flow shows (a check page), read the number."""
        html, url = await browser.get_ok(form_url)
        form = main_form(html, url)
        if form is None:
            raise Failed("no form on the page")
        marker = self.next_marker()
        email = f"{marker}@example.org"
        text = f"Load test {marker}: the road works near the soum centre blocked access to the clinic."
        emailed = any(f.type == "email" or "email" in f.name.lower() for f in form.fields)
        pairs = fill(form, text=text, email=email)
        for _step in range(self.args.max_forms):
            status, hops, final_location, body = await browser.submit(form, pairs, url)
            if status != 200:
                raise Failed(f"submission ended with HTTP {status}")
            number = acknowledge(final_location or "", body)
            if number:
                break
            errors = FORM_ERRORS.findall(body)
            following = None if errors else main_form(body, final_location or url)
            if following is None:
                raise Failed(f"submission refused: {form_errors(body)}")
            # A further step of the flow (e.g. "check your answers, then confirm"): send it as shown.
            form, url = following, final_location or url
            pairs = fill(form, text=text, email=email) + send_button(body)
        else:
            raise Failed(f"no registration number after {self.args.max_forms} forms")
        code = TRACKING_CODE.search(body)
        self.acks.append({"marker": marker, "number": number, "code": code[0] if code else "", "email": emailed})

    def _ack_smartgov(self, location, body):
        match = re.search(self.args.number_pattern, body)
        return match[0] if match else ""

    def _ack_bare(self, location, body):
        match = re.search(r"\bbare-\d+\b", body)
        return match[0] if match else ""

    def _ack_helpdesk(self, location, body):
        match = re.search(r"[?&]ticket=([^&]+)", location)
        return match[1] if match else ""

    async def track(self, browser):
        html, url = await browser.get_ok(self.args.track_url)
        form = main_form(html, url)
        if form is None:
            raise Failed("no tracking form on the page")
        own = [(a["number"], a["code"]) for a in self.acks if a["code"]]
        number, code = random.choice(own if own and random.random() < 0.3 else self.known_cases or own or [("", "")])

        def value(name):
            name = name.lower()
            if "code" in name:
                return code
            if "no" in name or "number" in name or "reg" in name:
                return number
            return None

        status, _hops, _location, body = await browser.submit(form, fill(form, text="", email="", overrides=value), url)
        if status != 200:
            raise Failed(f"tracking answered HTTP {status}")

    async def search_documents(self, browser):
        await browser.get_ok(f"{self.args.documents_url}?q={random.choice(SEARCH_WORDS)}")

    async def admin_list(self, browser):
        await browser.get_ok(f"{self.args.admin_list_url}?p={random.randint(1, 200)}")

    async def admin_browser(self, session):
        """A signed-in officer, kept for the whole run like a real session."""
        browser = Browser(session, self.args.base)
        html, url = await browser.get_ok(self.args.login_url)
        form = main_form(html, url)
        credentials = {"username": self.args.username, "password": self.args.password}
        pairs = fill(form, text="", email="", overrides=credentials.get)
        status, hops, location, body = await browser.submit(form, pairs, url)
        if hops == 0 or "login" in (location or ""):
            raise Failed(f"officer could not sign in: {form_errors(body)}")
        return browser

    async def main(self):
        args = self.args
        cpu_before = sum(os.times()[:2])  # after the imports: they are not the load's
        connector = aiohttp.TCPConnector(limit=0)
        timeout = aiohttp.ClientTimeout(total=30)
        async with aiohttp.ClientSession(
            connector=connector, timeout=timeout, cookie_jar=aiohttp.DummyCookieJar()
        ) as session:
            scenarios = {name: Scenario(name) for name in args.scenarios.split(",")}
            tasks = []
            now = time.monotonic()
            self.window = (now + args.warmup, now + args.warmup + args.duration)
            per_scenario = max(1, args.concurrency // len(scenarios))
            for name, scenario in scenarios.items():
                if name == "admin_list":
                    try:
                        officer = await self.admin_browser(session)
                    except Unavailable:
                        scenario.available = False
                        continue
                    except (Failed, aiohttp.ClientError) as problem:
                        scenario.error(str(problem))
                        continue
                    factory = officer.sharing
                else:
                    factory = lambda: Browser(session, args.base)  # noqa: E731
                action = {
                    "submission": {
                        "helpdesk": self.submit_helpdesk,
                        "bare": self.submit_bare,
                    }.get(args.flavour, self.submit_smartgov),
                    "tracking": self.track,
                    "documents": self.search_documents,
                    "admin_list": self.admin_list,
                }[name]
                for _ in range(per_scenario):
                    tasks.append(self.loop(scenario, action, factory))
            print("load: started", flush=True)
            await asyncio.gather(*tasks)
        return {
            "duration": args.duration,
            "concurrency": per_scenario,
            "scenarios": {
                s.name: {
                    "available": s.available,
                    "latencies": s.latencies,
                    "errors": s.errors,
                    "requests": s.requests,
                    "error_samples": s.error_samples,
                    "completed": s.completed,
                }
                for s in scenarios.values()
            },
            "acks": self.acks,
            # This process's own CPU over the whole run (seconds), read by bench/load for CPU per submission.
            "cpu_seconds": sum(os.times()[:2]) - cpu_before,
        }


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="e.g. http://127.0.0.1:8391")
    parser.add_argument("--flavour", choices=["smartgov", "helpdesk", "bare"], default="smartgov")
    parser.add_argument("--max-forms", type=int, default=3, help="forms sent in one submission flow at most")
    parser.add_argument("--scenarios", default="submission,tracking,documents,admin_list")
    parser.add_argument("--form-url", default="/mn/grievances/new/")
    parser.add_argument("--track-url", default="/mn/grievances/track/")
    parser.add_argument("--documents-url", default="/mn/documents/")
    parser.add_argument("--admin-list-url", default="/admin/grievances/grievance/")
    parser.add_argument("--login-url", default="/admin/login/?next=/admin/")
    parser.add_argument("--username", default="bench-officer")
    parser.add_argument("--password", default="")
    parser.add_argument("--number-pattern", default=r"\bf-\d{4}/\d{2,}\b")
    parser.add_argument("--cases", help="JSON file of [registration number, tracking code] pairs")
    parser.add_argument("--concurrency", type=int, default=16, help="virtual users, shared by the scenarios")
    parser.add_argument("--duration", type=float, default=60.0, help="measured seconds")
    parser.add_argument("--warmup", type=float, default=3.0, help="seconds before measuring starts")
    parser.add_argument("--out", required=True)
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    if urlsplit(args.base).hostname != "127.0.0.1":
        raise SystemExit("the load client only talks to 127.0.0.1")
    result = asyncio.run(Run(args).main())
    Path(args.out).write_text(json.dumps(result))


if __name__ == "__main__":
    main()
