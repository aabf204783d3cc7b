"""Benchmark: the case list's log export (CSV streamed, XLSX through a temporary file) over many cases.

Seeds `--cases` cases with complainants (bench/seed.py, plain SQL) and a
stage-1 record for every third case, in a throw-away database `bench_<name>`
next to the one DATABASE_URL names (destroyed at the end unless --keep). Then
it asks the admin's export view, as a PIU officer, for the whole list and for
one channel (a sixth of it), in both formats, and prints for each: rows, wall
time, queries and the growth of the process's peak memory.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/smartgov .venv/bin/python bench/log_export_bench.py [--cases N]
"""

import argparse
import os
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartgov.settings")

import django  # noqa: E402
import psycopg2  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from seed import seed  # noqa: E402


def seed_cases(count):
    """Seed through a connection of its own, as bench/portal.py does (seed() commits and runs VACUUM)."""
    database = connection.settings_dict
    raw = psycopg2.connect(
        dbname=database["NAME"],
        user=database["USER"],
        password=database["PASSWORD"],
        host=database["HOST"],
        port=database["PORT"] or None,
    )
    try:
        seed(raw, count=count, prefix="f")
    finally:
        raw.close()


def seed_stage_records():
    """A closed stage 1 for every third case (as an escalation writes it), so the prefetch has rows to read."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM grievances_stageresolution")
        if cursor.fetchone()[0]:
            return
        cursor.execute(
            """
            INSERT INTO grievances_stageresolution (grievance_id, stage, resolution, resolved_on, closed_on)
            SELECT id, 1, 'Sent to the PIU for assessment', NULL, (received_at + interval '3 days')::date
            FROM grievances_grievance WHERE id % 3 = 0
            """
        )
        cursor.execute("ANALYZE grievances_stageresolution")


def officer_client():
    from grievances.tests.factories import user_with_role
    from smartgov import roles

    client = Client()
    client.force_login(user_with_role(roles.PIU_OFFICER, username="bench-officer"))
    return client


def export(client, file_format, params, label):
    peak_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/grievances/grievance/export/{file_format}/", params)
        size = sum(len(chunk) for chunk in response.streaming_content)
    elapsed = time.perf_counter() - started
    growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - peak_before) / 1024
    print(
        f"{label:<34} {file_format:<5} {elapsed:7.2f} s  {len(queries):3d} queries  "
        f"{size / 1e6:6.1f} MB  peak memory +{growth:5.0f} MB",
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the database and reuse it on the next run")
    options = parser.parse_args()
    settings.DEBUG = False
    settings.STAFF_REQUIRE_2FA = False
    settings.AXES_ENABLED = False
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"]["NAME"] = f"bench_export_{old_name}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=options.keep)
    try:
        seed_cases(options.cases)
        seed_stage_records()
        client = officer_client()
        print(f"{options.cases:,} cases; load average {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
        for file_format in ("csv", "xlsx"):
            export(client, file_format, {"channel__exact": "hotline"}, f"one channel ({options.cases // 6:,} cases)")
            export(client, file_format, {}, f"the whole list ({options.cases:,} cases)")
    finally:
        if not options.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
