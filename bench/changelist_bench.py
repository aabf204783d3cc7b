"""Benchmark: the officer's case list (the admin changelist) over 1,000,000 cases on PostgreSQL.

Signs in as a PIU communication officer (every case, complainants' details)
with Django's test client, DEBUG off, and times the list as the officer uses
it: the first page, each desk filter, a search by number, by a word of the
summary and by exact e-mail, the sort by due date and page 10,000. Prints, for
each, the median and 95th percentile of the wall time over --runs requests
(after two warm-up requests), the number of SQL queries and the time the
database took in one more request. Target: under 300 ms each.

Runs in a throw-away database `bench_changelist` next to the one DATABASE_URL
names (Django's test-database machinery), seeded with bench/seed.py (the
million cases of bench/load, with bilingual summaries and the officer's queue)
plus the search keys of an e-mail for one complainant in four and of a name
for one in two, and the open cases assigned to the officer.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/smartgov .venv/bin/python bench/changelist_bench.py --keep

--keep keeps the database and reuses it when it already holds the cases;
--database NAME names it (e.g. one per checkout when comparing); --root DIR
runs another checkout's code with this script (its migrations build the
database, so give it its own --database); --runs N (20); --only WORD times the
rows whose label contains WORD; --sql prints each query of the measured
request with its time.
"""

import argparse
import base64
import hashlib
import io
import os
import random
import statistics
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20, help="timed requests per row, after two warm-up requests")
    parser.add_argument("--keep", action="store_true", help="keep the database and reuse it on the next run")
    parser.add_argument("--database", default="bench_changelist", help="the throw-away database's name")
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the checkout to run (default: this one)")
    parser.add_argument("--only", help="time only the rows whose label contains this")
    parser.add_argument("--sql", action="store_true", help="print the queries of each row with their times")
    return parser.parse_args()


ARGS = parse_args()
# The checkout's code, also for modules imported relative to the working directory (Celery puts it on the path).
os.chdir(ARGS.root.resolve())
sys.path.insert(0, str(ARGS.root.resolve()))
sys.path.insert(1, str(HERE))
# As in production (DEBUG off), with fixed keys so that a kept database's search keys still match.
os.environ.update(
    {
        "DJANGO_SETTINGS_MODULE": "smartgov.settings",
        "DEBUG": "0",
        "SECRET_KEY": "bench-changelist-" + "x" * 40,
        "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(hashlib.sha256(b"bench-changelist").digest()).decode(),
        "BLIND_INDEX_KEY": "bench-changelist-blind-index",
        "ALLOWED_HOSTS": "testserver",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_HSTS_SECONDS": "0",
        "STAFF_REQUIRE_2FA": "0",
        "LOG_LEVEL": "WARNING",
    }
)
for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL"):
    os.environ.pop(name, None)
warnings.filterwarnings("ignore", message="No directory at")  # whitenoise: no collectstatic needed here

import django  # noqa: E402

django.setup()

import psycopg2  # noqa: E402
import seed  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)
from django.urls import reverse  # noqa: E402

from grievances.models import Grievance  # noqa: E402
from smartgov import roles  # noqa: E402
from smartgov.search_keys import email_search_key, name_search_key  # noqa: E402

EMAIL_EVERY = 4
OFFICER = "bench-officer"


def email_of(grievance_id):
    return f"person{grievance_id}@example.mn"


def raw_connection():
    return psycopg2.connect(**connection.get_connection_params())


def seed_contacts(count):
    """Give complainants the search keys of what they left: an e-mail (one in four) and a name (one in two).

    Only the blind indexes are written (COPY, then UPDATE): the list never shows the encrypted values, and
    a search finds them by their keys. Names are drawn at random (seeded) from 40 given names and 40
    fathers' names, so they do not follow the seeded states, which follow the id.
    """
    rng = random.Random(2026)
    rows = io.StringIO()
    for grievance_id in range(1, count + 1):
        email = email_search_key(email_of(grievance_id)) if grievance_id % EMAIL_EVERY == 1 else ""
        named = rng.random() < 0.5
        given, father = rng.choice(GIVEN_NAMES), rng.choice(FATHERS_NAMES)
        name = name_search_key(f"{given} {father}") if named else ""
        if email or name:
            rows.write(f"{grievance_id}\t{email}\t{name}\n")
    rows.seek(0)
    raw = raw_connection()
    with raw.cursor() as cursor:
        cursor.execute("CREATE TEMPORARY TABLE bench_keys (grievance_id bigint PRIMARY KEY, email text, name text)")
        cursor.copy_from(rows, "bench_keys", columns=("grievance_id", "email", "name"))
        cursor.execute(
            "UPDATE grievances_complainant c SET email_index = k.email, name_index = k.name FROM bench_keys k "
            "WHERE c.grievance_id = k.grievance_id"
        )
    raw.commit()
    raw.close()


GIVEN_NAMES = [
    "Батболд",
    "Сарангэрэл",
    "Энхтуяа",
    "Ганбаатар",
    "Оюунчимэг",
    "Мөнхбат",
    "Нарантуяа",
    "Бат-Эрдэнэ",
    "Солонго",
    "Төмөрбаатар",
    "Алтанцэцэг",
    "Эрдэнэбат",
    "Цэцэгмаа",
    "Ариунболд",
    "Болормаа",
    "Ганзориг",
    "Отгонбаяр",
    "Урангоо",
    "Баярмаа",
    "Дашдорж",
    "Хулан",
    "Тэмүүлэн",
    "Анударь",
    "Билгүүн",
    "Номин",
    "Хонгор",
    "Мишээл",
    "Тэмүүжин",
    "Энхжин",
    "Амарсайхан",
    "Уянга",
    "Цолмон",
    "Одгэрэл",
    "Золбоо",
    "Гэрэлмаа",
    "Ган-Очир",
    "Сүрэн",
    "Мягмар",
    "Пүрэвсүрэн",
    "Ичинхорлоо",
]
FATHERS_NAMES = [
    "Дорж",
    "Гантулга",
    "Сүхбаатар",
    "Нямдорж",
    "Лхагва",
    "Пүрэв",
    "Даваа",
    "Баатар",
    "Жаргал",
    "Эрдэнэ",
    "Очир",
    "Цэрэн",
    "Мөнх",
    "Төгс",
    "Ганболд",
    "Норов",
    "Самдан",
    "Шагдар",
    "Хүрэл",
    "Батсайхан",
    "Цогт",
    "Дамдин",
    "Нацаг",
    "Содном",
    "Гомбо",
    "Лувсан",
    "Чулуун",
    "Баяр",
    "Мэндбаяр",
    "Болд",
    "Энхбаяр",
    "Түмэн",
    "Сайнбаяр",
    "Ганхуяг",
    "Оюун",
    "Дэлгэр",
    "Бямба",
    "Цэдэн",
    "Намжил",
    "Жамц",
]


def officer_get():
    """The signed-in officer; on a new database the open cases are assigned to them."""
    user, created = get_user_model().objects.get_or_create(username=OFFICER, defaults={"is_staff": True})
    user.groups.add(Group.objects.get(name=roles.PIU_OFFICER))
    if created:
        Grievance.objects.filter(state__in=["in_progress", "awaiting_complainant"]).update(assigned_to=user)
    return user


def vacuum():
    raw = raw_connection()
    raw.autocommit = True  # VACUUM cannot run in a transaction
    with raw.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE grievances_grievance")
        cursor.execute("VACUUM ANALYZE grievances_complainant")
    raw.close()


def prepare(count):
    """Seed the database unless it already holds the cases; return the officer."""
    existing = Grievance.objects.count()
    if existing == count:
        print(f"reusing {ARGS.database}: {existing:,} cases")
        return officer_get()
    started = time.monotonic()
    raw = raw_connection()
    seed.seed(raw, count=count, prefix=settings.GRM_REGISTRATION_PREFIX)
    raw.close()
    seed_contacts(count)
    officer = officer_get()
    vacuum()
    print(f"seeded in {time.monotonic() - started:.0f} s")
    return officer


def changelist_get(client, url, params=None):
    """The response with the changelist (`cl`) it rendered; the template instrumentation is on for this call only."""
    setup_test_environment(debug=False)
    try:
        response = client.get(url, params or {})
    finally:
        teardown_test_environment()
    return response, response.context["cl"]


def due_column(client, url):
    """The `o` value that sorts the list by due date, whatever the columns are."""
    _response, changelist = changelist_get(client, url)
    for index, name in enumerate(changelist.list_display):
        attribute = getattr(changelist.model_admin, name, None)
        order = getattr(attribute, "admin_order_field", name)
        if "due_on" in str(order):
            return str(index)
    raise SystemExit("no column of the list sorts by due date")


def rows(client, url):
    """(label, query parameters) of what is timed."""
    middle = Grievance.objects.only("registered_no").get(pk=ARGS.cases // 2).registered_no
    due = due_column(client, url)
    return [
        ("first page", {}),
        ("desk: overdue", {"queue": "overdue"}),
        ("desk: due within 3 working days", {"queue": "due_soon"}),
        ("desk: awaiting the complainant", {"queue": "awaiting_complainant"}),
        ("desk: new, not acknowledged", {"queue": "new"}),
        ("desk: new replies", {"queue": "replies"}),
        ("desk: open, unassigned", {"queue": "unassigned"}),
        ("search: number (upper case)", {"q": middle.upper()}),
        ("search: common word (en, 4.8 %)", {"q": "Dornod"}),
        ("search: common word (mn, 4.2 %)", {"q": "интернэтийн"}),
        ("search: rare word (mn, 0.1 %)", {"q": "цэцэрлэг"}),
        ("search: two words (en)", {"q": "kindergarten Khovd"}),
        ("search: a complainant's whole name", {"q": f"{GIVEN_NAMES[0]} {FATHERS_NAMES[1]}"}),
        ("search: no match", {"q": "earthquake"}),
        ("search: exact e-mail", {"q": email_of(ARGS.cases // 3 // EMAIL_EVERY * EMAIL_EVERY + 1)}),
        ("sort: due date", {"o": due}),
        ("sort: due date, descending", {"o": "-" + due}),
        ("page 500", {"p": "500"}),
        ("page 10,000", {"p": "10000"}),
    ]


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(client, url, params):
    for _ in range(2):
        response = client.get(url, params)
        assert response.status_code == 200, (params, response.status_code, response.get("Location"))
    times = []
    for _ in range(ARGS.runs):
        started = time.perf_counter()
        client.get(url, params)
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        _response, changelist = changelist_get(client, url, params)
    return {
        "median": statistics.median(times),
        "p95": percentile(times, 0.95),
        "queries": queries.captured_queries,
        "shown": len(changelist.result_list),
        "count": changelist.result_count,
    }


def main():
    old_name = connection.settings_dict["NAME"]
    if connection.vendor != "postgresql":
        raise SystemExit("DATABASE_URL must name a PostgreSQL database")
    connection.settings_dict["TEST"]["NAME"] = ARGS.database
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False, keepdb=ARGS.keep)
    try:
        client = Client()
        client.force_login(prepare(ARGS.cases))
        url = reverse("admin:grievances_grievance_changelist")
        print(f"{'':<34} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'db ms':>7} {'rows':>5} {'count':>8}")
        worst = 0.0
        for label, params in rows(client, url):
            if ARGS.only and ARGS.only not in label:
                continue
            result = measure(client, url, params)
            database_ms = sum(float(query["time"]) for query in result["queries"]) * 1000
            worst = max(worst, result["p95"])
            print(
                f"{label:<34} {result['median']:>10.1f} {result['p95']:>8.1f} {len(result['queries']):>8} "
                f"{database_ms:>7.1f} {result['shown']:>5} {result['count']:>8}",
                flush=True,
            )
            if ARGS.sql:
                for query in result["queries"]:
                    print(f"    {float(query['time']) * 1000:7.1f} ms  {query['sql'][:400]}")
        print(f"slowest p95: {worst:.0f} ms (target: under 300 ms)")
        print(f"load average (1, 5, 15 min): {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
    finally:
        if not ARGS.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
