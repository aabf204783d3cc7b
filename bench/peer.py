"""django-helpdesk, the peer: its own virtualenv, a generated project, its own database."""

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import psycopg2

HERE = Path(__file__).resolve().parent
REQUIREMENTS = HERE / "helpdesk-requirements.txt"
TEMPLATE = HERE / "helpdesk_project"
QUEUE_SCRIPT = (
    "from helpdesk.models import Queue; "
    "Queue.objects.get_or_create(slug='support', defaults={'title': 'Support', 'allow_public_submission': True})"
)


def python311():
    for candidate in ("python3.11", "python3"):
        found = shutil.which(candidate)
        if (
            found
            and subprocess.run([found, "-c", "import sys; sys.exit(sys.version_info[:2] != (3, 11))"]).returncode == 0
        ):
            return found
    return sys.executable


def ensure_venv(venv: Path, log) -> Path:
    """Create the virtualenv and install the pinned peer once; reinstall only when the pins change."""
    python = venv / "bin" / "python"
    stamp = venv / ".installed"
    digest = hashlib.sha256(REQUIREMENTS.read_bytes()).hexdigest()
    if python.exists() and stamp.exists() and stamp.read_text() == digest:
        return venv
    if not python.exists():
        log(f"creating the peer's virtualenv in {venv}")
        subprocess.run([python311(), "-m", "venv", str(venv)], check=True)
    log("installing django-helpdesk 2.6.1 into it (once)")
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", str(REQUIREMENTS)],
        check=True,
        stderr=subprocess.DEVNULL,
    )
    stamp.write_text(digest)
    return venv


def prepare(*, var_dir: Path, database: str, admin_dsn: str, secret_key: str, log):
    """Install, generate the project, create and migrate its database; return (argv prefix, env, cwd)."""
    # The virtualenv directory is named .venv so that the project's scans (translations, ruff) skip it.
    venv = ensure_venv(var_dir / "helpdesk-peer" / ".venv", log)
    project = var_dir / "helpdesk-peer" / "project"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(TEMPLATE, project, ignore=shutil.ignore_patterns("__pycache__"))
    recreate_database(admin_dsn, database)
    env = {
        **minimal_env(),
        "DJANGO_SETTINGS_MODULE": "helpdesk_bench.settings",
        "PYTHONPATH": str(project),
        "SECRET_KEY": secret_key,
        "PEER_DATABASE_NAME": database,
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    }
    django_admin = [str(venv / "bin" / "python"), "-m", "django"]
    log("migrating the peer's database")
    subprocess.run([*django_admin, "migrate", "--noinput", "-v", "0"], env=env, cwd=project, check=True)
    subprocess.run([*django_admin, "shell", "-v", "0", "-c", QUEUE_SCRIPT], env=env, cwd=project, check=True)
    return venv / "bin" / "gunicorn", env, project


def minimal_env():
    """PATH, HOME and locale only: nothing of the caller's Django or database settings leaks in."""
    keep = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")
    return {key: os.environ[key] for key in keep if key in os.environ}


def admin_query(admin_dsn, *statements, params=None):
    """Run statements outside a transaction (CREATE/DROP DATABASE need that); return the last one's rows."""
    connection = psycopg2.connect(admin_dsn)
    connection.autocommit = True
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement, params)
            return cursor.fetchall() if cursor.description else []
    finally:
        connection.close()


def recreate_database(admin_dsn, name, template=None):
    create = f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")
    admin_query(admin_dsn, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', create)


def drop_database(admin_dsn, name):
    admin_query(admin_dsn, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def count_tickets(dsn) -> int:
    connection = psycopg2.connect(dsn)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM helpdesk_ticket")
        count = cursor.fetchone()[0]
    connection.close()
    return count
