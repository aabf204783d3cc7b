"""Benchmark: public form submissions while a 10,000-row log of this year's cases is being imported.

Before issue 15 the import held the year's numbering lock for its whole run, so
a submission made meanwhile waited for the import's end (a 2,000-row import
took 36 s, and the submission was lost to the web worker's timeout). Now the
numbers are taken in short transactions first, and a submission should answer
in well under the 2 s target.

The import runs in a thread with its own connection; the main thread sends the
public form (Django's test client, in this process) every --interval seconds
until the import ends, and prints each submission's time, then the median and
the slowest. Runs in a throw-away database `bench_import_<name>` created next to
the one DATABASE_URL names, dropped at the end (--keep keeps it).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/smartgov .venv/bin/python bench/import_beside_form.py [--rows N]
"""

import argparse
import csv
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartgov.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.utils import timezone  # noqa: E402

from grievances.importer import COLUMNS, import_log  # noqa: E402
from grievances.models import Grievance  # noqa: E402
from smartgov.celery import app  # noqa: E402

TARGET_SECONDS = 2.0


def write_log(path, rows):
    """This year's cases, numbered 1..rows, all received today (the case that used to hold the lock)."""
    today = timezone.localdate()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        for number in range(1, rows + 1):
            writer.writerow(
                {
                    **dict.fromkeys(COLUMNS, ""),
                    "registered_no": f"{settings.GRM_REGISTRATION_PREFIX}-{today.year}/{number:02d}",
                    "received_date": today.isoformat(),
                    "kind": "request",
                    "channel": "hotline",
                    "status": "resolving",
                    "summary": f"Imported case {number}",
                }
            )


def submission():
    return {
        "kind": "complaint",
        "summary": "The road to the soum centre was dug up and left open.",
        "preferred_language": "mn",
        "consent": "on",
        "submission_token": str(uuid.uuid4()),
        "step": "send",  # the "Send" of the check-your-answers page: the POST that registers
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--interval", type=float, default=1.0, help="seconds between submissions")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    options = parser.parse_args()
    settings.GRM_SUBMISSION_RATE_LIMIT = "100000/h"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    app.conf.task_always_eager = True
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"]["NAME"] = f"bench_import_{old_name}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=options.keep)
    try:
        Grievance.objects.all().delete()
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "log.csv"
            write_log(path, options.rows)
            run(path, options)
    finally:
        connections.close_all()
        if not options.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"load average (1, 5, 15 min): {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


def run(path, options):
    outcome = {}

    def importing():
        started = time.perf_counter()
        try:
            outcome["result"] = import_log(path)
        except Exception as error:  # noqa: BLE001 - printed below
            outcome["error"] = error
        finally:
            outcome["seconds"] = time.perf_counter() - started
            connections.close_all()

    thread = threading.Thread(target=importing)
    thread.start()
    client = Client()
    times, statuses = [], []
    time.sleep(options.interval)  # let the import start its transaction
    while thread.is_alive():
        started = time.perf_counter()
        response = client.post("/mn/grievances/new/", submission())
        times.append(time.perf_counter() - started)
        statuses.append(response.status_code)
        print(f"  submission {len(times):3d} during the import: {times[-1]:6.3f} s, HTTP {response.status_code}")
        time.sleep(options.interval)
    thread.join()
    if "error" in outcome:
        print(f"import failed: {outcome['error']!r}")
        return
    print(f"import of {options.rows:,} rows: {outcome['seconds']:.1f} s ({outcome['result'].created:,} created)")
    if times:
        print(
            f"{len(times)} submissions during it: median {statistics.median(times):.3f} s, "
            f"slowest {max(times):.3f} s (target < {TARGET_SECONDS} s); "
            f"all redirected to the confirmation: {all(status == 302 for status in statuses)}"
        )
    web = Grievance.objects.filter(channel="website").order_by("registration_sequence")
    first = web.values_list("registered_no", flat=True).first()
    print(f"web cases: {web.count()}, first number {first} (after the imported ones)")


if __name__ == "__main__":
    main()
