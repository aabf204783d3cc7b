"""Profile: CPU and queries of one public form submission, in-process, step by step.

Runs N submissions the way `bench/load` drives the form, each from a fresh
client: GET /mn/grievances/new/, POST the form (filled by bench/htmlforms.py,
as the load client does, with the CSRF check enforced and an e-mail address
given), which shows the "check your answers" page, POST that page's form with
its "Send" button, GET the confirmation. The outbox message each one queues is then sent
as the Celery worker would (`outbox_message_send`), as a fourth step, because
the worker shares the same cores under load.

Settings are those of `bench/load` (DEBUG off, fresh keys, per-address limits
lifted, dummy e-mail backend) on a throw-away database `bench_submissions_<pid>`
created next to the one DATABASE_URL names and dropped at the end (with --keep,
`bench_submissions_kept_<name>`, kept and reused):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/smartgov_h8 .venv/bin/python bench/submission_profile.py

Prints, per step, the mean CPU time of this process (PostgreSQL's own work is
not in it), the mean wall time and the number of queries. The cache is
in-process unless CACHE_URL names a Redis; tasks go to an in-memory broker
unless CELERY_BROKER_URL is set. --profile N prints the N most expensive
functions (cProfile, by own time and by cumulative time) of the measured
steps, only of those named by --step if given (the client's parsing of the
pages between the steps is never in it).
"""

import argparse
import base64
import cProfile
import os
import pstats
import secrets
import sys
import tempfile
import time
from collections import defaultdict
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

# The environment bench/load gives the portal (bench/load.py, portal_env), where not already set.
BENCH_ENV = {
    "DJANGO_SETTINGS_MODULE": "smartgov.settings",
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(32),
    "ALLOWED_HOSTS": "testserver,127.0.0.1",
    "SECURE_SSL_REDIRECT": "0",
    "SECURE_HSTS_SECONDS": "0",
    "STAFF_REQUIRE_2FA": "0",
    "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
    "BLIND_INDEX_KEY": secrets.token_urlsafe(32),
    "CELERY_BROKER_URL": "memory://localhost/",
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "LOG_LEVEL": "WARNING",
    "MEDIA_ROOT": tempfile.mkdtemp(prefix="submission-profile-"),
    "STATIC_ROOT": tempfile.mkdtemp(prefix="submission-profile-static-"),
    "GRM_SUBMISSION_RATE_LIMIT": "1000000/s",
    "GRM_TRACKING_FAILURE_RATE_LIMIT": "1000000/s",
    "AXES_FAILURE_LIMIT": "1000",
}
for _name, _value in BENCH_ENV.items():
    os.environ.setdefault(_name, _value)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from htmlforms import as_post, fill, main_form, send_button  # noqa: E402

from smartgov.models import OutboxMessage, OutboxStatus  # noqa: E402
from smartgov.outbox import outbox_message_send  # noqa: E402

FORM_URL = "/mn/grievances/new/"
URLENCODED = "application/x-www-form-urlencoded"
STEPS = ["GET form", "POST form", "POST check page", "GET confirmation", "mail task"]


class Meter:
    """CPU time, wall time and queries per step, summed over the measured cycles."""

    def __init__(self, profiler=None, profiled_steps=()):
        self.cpu, self.wall, self.queries = defaultdict(float), defaultdict(float), defaultdict(int)
        self.step = None
        self.profiler, self.profiled_steps = profiler, set(profiled_steps)

    def count_query(self, execute, sql, params, many, context):
        if self.step:  # not the profile's own look-ups between the steps
            self.queries[self.step] += 1
        return execute(sql, params, many, context)

    def measure(self, step, function):
        self.step = step
        profiled = self.profiler is not None and (not self.profiled_steps or step in self.profiled_steps)
        cpu, wall = time.process_time(), time.perf_counter()
        if profiled:
            self.profiler.enable()
        result = function()
        if profiled:
            self.profiler.disable()
        self.cpu[step] += time.process_time() - cpu
        self.wall[step] += time.perf_counter() - wall
        self.step = None
        return result


def submission(meter, client, number):
    """One fresh browser: the form, its POST, the check page's Send, the confirmation.

    The client (and so Django's handler and its middleware) is made once: a new
    one per submission would make WhiteNoise scan the collected static files
    again each time. A fresh browser is a fresh cookie jar.
    """
    client.cookies = SimpleCookie()
    page = meter.measure("GET form", lambda: client.get(FORM_URL))
    assert page.status_code == 200, page.status_code
    form = main_form(page.content.decode(), "http://testserver" + FORM_URL)
    text = f"Profile {number}: the road works near the soum centre blocked access to the clinic."
    email = f"profile-{number}@example.org"
    data = as_post(fill(form, text=text, email=email))
    check = meter.measure("POST form", lambda: client.post(FORM_URL, data, HTTP_REFERER="http://testserver" + FORM_URL))
    html = check.content.decode()
    assert check.status_code == 200 and send_button(html), f"no check page ({check.status_code}): {html[:2000]}"
    again = main_form(html, "http://testserver" + FORM_URL)
    data = as_post(fill(again, text=text, email=email) + send_button(html))
    body = urlencode(data, doseq=True)  # the check page's form is not multipart: a browser sends it urlencoded
    sent = meter.measure(
        "POST check page",
        lambda: client.post(FORM_URL, body, content_type=URLENCODED, HTTP_REFERER="http://testserver" + FORM_URL),
    )
    assert sent.status_code == 302, f"form refused ({sent.status_code}): {sent.content.decode()[:2000]}"
    done = meter.measure("GET confirmation", lambda: client.get(sent["Location"]))
    assert done.status_code == 200 and b"registered-no" in done.content, done.status_code


def send_mail(meter, first_id):
    """Send this run's pending messages (a kept database may hold others, under other keys)."""
    pending = OutboxMessage.objects.filter(status=OutboxStatus.PENDING, pk__gte=first_id)
    for pk in list(pending.values_list("pk", flat=True)):
        assert meter.measure("mail task", lambda pk=pk: outbox_message_send(message_id=pk))


def run(meter, count, first=0):
    first_id = (OutboxMessage.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    client = Client(enforce_csrf_checks=True, HTTP_ORIGIN="http://testserver")
    for number in range(first, first + count):
        submission(meter, client, number)
        send_mail(meter, first_id)


def report(meter, count):
    print(f"{'step':<18} {'CPU ms':>8} {'wall ms':>8} {'queries':>8}")
    for step in STEPS:
        print(
            f"{step:<18} {meter.cpu[step] * 1000 / count:8.1f} {meter.wall[step] * 1000 / count:8.1f}"
            f" {meter.queries[step] / count:8.1f}"
        )
    cpu, wall = sum(meter.cpu.values()), sum(meter.wall.values())
    print(
        f"{'total':<18} {cpu * 1000 / count:8.1f} {wall * 1000 / count:8.1f} {sum(meter.queries.values()) / count:8.1f}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--submissions", type=int, default=200, help="measured submissions (default 200)")
    parser.add_argument("--warmup", type=int, default=20, help="submissions before measuring (default 20)")
    parser.add_argument("--profile", type=int, metavar="N", help="print the N most expensive functions")
    parser.add_argument(
        "--step", action="append", choices=STEPS, default=[], help="profile only this step (repeatable)"
    )
    parser.add_argument("--keep", action="store_true", help="keep the database and reuse it on the next run")
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        print(f"note: running on {connection.vendor}; bench/load uses PostgreSQL", file=sys.stderr)
    old_name = connection.settings_dict["NAME"]
    # A name of this run's own (or, kept, one this script made): never another run's database.
    own = f"bench_submissions_kept_{old_name}" if options.keep else f"bench_submissions_{os.getpid()}"
    connection.settings_dict["TEST"]["NAME"] = own
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=options.keep)
    try:
        call_command("migrate", verbosity=0)  # the roles are synchronised after migrate, as on a real deploy
        call_command("collectstatic", interactive=False, verbosity=0)  # the manifest DEBUG off serves from
        run(Meter(), options.warmup)
        profiler = cProfile.Profile() if options.profile else None
        meter = Meter(profiler, options.step)
        with connection.execute_wrapper(meter.count_query):
            run(meter, options.submissions, first=options.warmup)
        print(f"{options.submissions} submissions after {options.warmup} warm-up ones; database {connection.vendor}")
        report(meter, options.submissions)
        if profiler:
            for order in ("tottime", "cumulative"):
                print(f"\n--- top {options.profile} by {order} ---")
                pstats.Stats(profiler).sort_stats(order).print_stats(options.profile)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0, keepdb=options.keep)


if __name__ == "__main__":
    main()
