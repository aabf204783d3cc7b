"""The portal under test: its database (a million cases, cached as a template), settings and checks.

Seeding a million cases takes a minute or two, so the seeded database is kept
as a template (bench_smartgov_seed) marked with a digest of the migrations,
the demo modules and the seed code; each run clones it in seconds and drops
the clone at the end. A change to any of those rebuilds the template.
"""

import hashlib
import subprocess
import time
from pathlib import Path

import cpu
import peer
import psycopg2
import seed

OFFICER_SCRIPT = """
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from smartgov import roles
user, _ = get_user_model().objects.get_or_create(username="bench-officer", defaults={"is_staff": True})
user.is_staff = True
user.set_password(PASSWORD)
user.save()
user.groups.add(Group.objects.get(name=roles.PIU_OFFICER))
"""
# Documents to search: the disclosure app's demo data when that app has a demo module.
DEMO_SCRIPT = """
import importlib, sys
try:
    demo = importlib.import_module("disclosure.demo")
except ModuleNotFoundError:
    print("no disclosure demo data on this branch")
else:
    demo.load(sys.stdout)
"""


def digest(root: Path, count: int) -> str:
    parts = [(path.relative_to(root), path) for path in sorted(root.glob("*/migrations/*.py"))]
    parts += [(path.relative_to(root), path) for path in sorted(root.glob("*/demo.py"))]
    # The seed code is this script's (also when --root runs another checkout): named alike either way.
    parts.append(("bench/seed.py", Path(seed.__file__)))
    sha = hashlib.sha256(str(count).encode())
    for label, path in parts:
        sha.update(str(label).encode())
        sha.update(path.read_bytes())
    return sha.hexdigest()[:16]


def template_digest(admin_dsn, name):
    query = "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s"
    rows = peer.admin_query(admin_dsn, query, params=[name])
    return rows[0][0] if rows else None


def manage(root, env, *args, check=True):
    return subprocess.run([str(root / ".venv/bin/python"), "manage.py", *args], cwd=root, env=env, check=check)


def build_template(*, root, env, admin_dsn, dsn_of, name, count, prefix, key, log):
    peer.recreate_database(admin_dsn, name)
    started = time.monotonic()
    build_env = {**env, "DATABASE_URL": dsn_of(name)}
    manage(root, build_env, "migrate", "--noinput", "-v", "0")
    log(f"migrated in {time.monotonic() - started:.0f} s")
    # Demo documents load with DEBUG on and no broker: their extraction tasks run in-process.
    demo_env = {**build_env, "DEBUG": "1"}
    demo_env.pop("CELERY_BROKER_URL", None)
    demo_env.pop("CACHE_URL", None)
    manage(root, demo_env, "shell", "-v", "0", "-c", DEMO_SCRIPT, check=False)
    connection = psycopg2.connect(dsn_of(name))
    seed.seed(connection, count=count, prefix=prefix, log=log)
    connection.close()
    peer.admin_query(admin_dsn, f"COMMENT ON DATABASE \"{name}\" IS '{key}'")


def prepare_database(*, root, env, admin_dsn, dsn_of, database, template, count, prefix, password, fresh, log):
    """Clone the seeded template into `database` (building the template first if needed)."""
    key = digest(root, count)
    if fresh or template_digest(admin_dsn, template) != key:
        log(f"building the seeded template database {template} ({count:,} cases; once per schema change)")
        build_template(
            root=root,
            env=env,
            admin_dsn=admin_dsn,
            dsn_of=dsn_of,
            name=template,
            count=count,
            prefix=prefix,
            key=key,
            log=log,
        )
    else:
        log(f"reusing the seeded template database {template}")
    started = time.monotonic()
    peer.recreate_database(admin_dsn, database, template=template)
    log(f"cloned it into {database} in {time.monotonic() - started:.0f} s")
    run_env = {**env, "DATABASE_URL": dsn_of(database)}
    manage(root, run_env, "migrate", "--noinput", "-v", "0")
    manage(root, run_env, "shell", "-v", "0", "-c", OFFICER_SCRIPT.replace("PASSWORD", repr(password)))
    connection = psycopg2.connect(dsn_of(database))
    cases = seed.sample_cases(connection, size=2000)
    connection.close()
    return cases


def check_submissions(dsn, acks, *, seeded_max_id, marker_prefix="bench-"):
    """Compare what clients were told with what the database holds."""
    connection = psycopg2.connect(dsn)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, registered_no, substring(message from 'bench-[0-9a-f]+-[0-9]+') FROM grievances_grievance "
            "WHERE id > %s AND message LIKE %s",
            [seeded_max_id, f"%{marker_prefix}%"],
        )
        rows = cursor.fetchall()
    connection.close()
    by_marker = {}
    for pk, number, marker in rows:
        by_marker.setdefault(marker, []).append((pk, number))
    acknowledged = {ack["marker"]: ack for ack in acks}
    lost = [m for m in acknowledged if m not in by_marker]
    duplicated = [m for m in acknowledged if len(by_marker.get(m, [])) > 1]
    wrong_number = [
        m for m, ack in acknowledged.items() if len(by_marker.get(m, [])) == 1 and by_marker[m][0][1] != ack["number"]
    ]
    unacknowledged = [m for m in by_marker if m not in acknowledged]
    ids = {m: by_marker[m][0][0] for m, ack in acknowledged.items() if ack["email"] and len(by_marker.get(m, [])) == 1}
    return {
        "acknowledged": len(acknowledged),
        "lost": len(lost),
        "duplicated": len(duplicated),
        "wrong_number": len(wrong_number),
        "stored_unacknowledged": len(unacknowledged),
        "notify_ids": ids,
        "examples": (lost + duplicated + wrong_number)[:5],
    }


def wait_for_outbox(dsn, *, wait_seconds):
    """Wait until the outbox holds no pending message (the worker sent this round's mail), at most `wait_seconds`."""
    if not outbox_table_exists(dsn):
        return
    deadline = time.monotonic() + wait_seconds
    connection = psycopg2.connect(dsn, application_name=cpu.PROBE)  # not counted as the portal's
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            while time.monotonic() < deadline:
                cursor.execute("SELECT EXISTS (SELECT 1 FROM smartgov_outboxmessage WHERE status = 'pending')")
                if not cursor.fetchone()[0]:
                    return
                time.sleep(0.25)
    finally:
        connection.close()


def outbox_table_exists(dsn):
    connection = psycopg2.connect(dsn)
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('smartgov_outboxmessage') IS NOT NULL")
        exists = cursor.fetchone()[0]
    connection.close()
    return exists


def check_notifications(dsn, grievance_ids, *, wait_seconds, log):
    """Every acknowledged submission that gave an e-mail has one outbox message; wait for them to be sent."""
    references = [f"grievance:{pk}" for pk in grievance_ids]
    deadline = time.monotonic() + wait_seconds
    while True:
        connection = psycopg2.connect(dsn)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reference, count(*), count(*) FILTER (WHERE status = 'sent') FROM smartgov_outboxmessage "
                "WHERE reference = ANY(%s) GROUP BY reference",
                [references],
            )
            found = {reference: (total, sent) for reference, total, sent in cursor.fetchall()}
        connection.close()
        pending = sum(total - sent for total, sent in found.values())
        if not pending or time.monotonic() > deadline:
            break
        log(f"waiting for the worker: {pending} confirmation e-mails still pending")
        time.sleep(3)
    return {
        "expected": len(references),
        "missing": sum(1 for reference in references if reference not in found),
        "duplicated": sum(1 for total, _sent in found.values() if total > 1),
        "sent": sum(sent for _total, sent in found.values()),
        "pending": pending,
    }
