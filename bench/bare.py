"""The bare view, the benchmark's floor: a minimal Django project run from the portal's own virtualenv."""

import shutil
import subprocess
from pathlib import Path

import peer

TEMPLATE = Path(__file__).resolve().parent / "bare_project"


def prepare(*, root: Path, var_dir: Path, database: str, admin_dsn: str, secret_key: str, log):
    """Copy the project, create its database and its one table; return (gunicorn, env, cwd)."""
    project = var_dir / "bare" / "project"
    shutil.rmtree(project, ignore_errors=True)
    shutil.copytree(TEMPLATE, project, ignore=shutil.ignore_patterns("__pycache__"))
    peer.recreate_database(admin_dsn, database)
    env = {
        **peer.minimal_env(),
        "DJANGO_SETTINGS_MODULE": "bare_bench.settings",
        "PYTHONPATH": str(project),
        "SECRET_KEY": secret_key,
        "BARE_DATABASE_NAME": database,
    }
    log("creating the bare view's table")
    python = root / ".venv" / "bin" / "python"
    argv = [str(python), "-m", "django", "migrate", "--run-syncdb", "--noinput", "-v", "0"]
    subprocess.run(argv, env=env, cwd=project, check=True)
    return root / ".venv" / "bin" / "gunicorn", env, project
