"""docker-compose.yml, deploy/ and the container health checks, without Docker.

The compose file is validated against the Compose specification's JSON schema
(deploy/compose-spec.json), so a misspelt key or a wrong type fails the suite;
the parts scripts/prod-smoke reads from it (deploy/smoke/compose.py) are tested
here too, and the smoke run itself in test_prod_smoke.py.
"""

import copy
import json
import os
import time
from pathlib import Path

import jsonschema
import pytest
import yaml

from deploy.smoke import compose
from smartgov import healthcheck

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
APP_SERVICES = ("migrate", "web", "worker", "beat")


def _schema_errors(document):
    schema = json.loads((ROOT / "deploy" / "compose-spec.json").read_text())
    validator = jsonschema.Draft201909Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in validator.iter_errors(document)]


@pytest.fixture
def compose_document():
    return yaml.safe_load(COMPOSE_FILE.read_text())


@pytest.fixture
def interpolated():
    return compose.load(COMPOSE_FILE, {"POSTGRES_PASSWORD": "p@ss/w%rd"})


def test_the_compose_file_follows_the_compose_specification(compose_document):
    assert _schema_errors(compose_document) == []


@pytest.mark.parametrize(
    "break_it",
    [
        lambda doc: doc["services"]["web"].update(helthcheck=doc["services"]["web"].pop("healthcheck")),
        lambda doc: doc["services"]["worker"]["depends_on"]["migrate"].update(condition="service_completed"),
        lambda doc: doc["services"]["web"]["healthcheck"].update(retries="three"),
        lambda doc: doc["services"]["beat"].update(restart_policy="always"),
    ],
    ids=["misspelt key", "unknown condition", "wrong type", "key at the wrong level"],
)
def test_a_broken_copy_of_the_compose_file_fails_the_schema(compose_document, break_it):
    broken = copy.deepcopy(compose_document)
    break_it(broken)
    assert _schema_errors(broken)


def test_one_image_built_once_and_run_by_every_app_service_as_a_user_not_root(interpolated):
    services = interpolated["services"]
    assert [name for name, service in services.items() if "build" in service] == ["migrate"]
    images = {services[name]["image"] for name in APP_SERVICES}
    assert images == {"smartgov:latest"}
    for name in APP_SERVICES:
        assert services[name]["user"] not in ("", "root", "0")


def test_the_app_waits_for_a_completed_migration_and_migrate_runs_once(interpolated):
    services = interpolated["services"]
    assert services["migrate"]["command"][-2:] == ["migrate", "--noinput"]
    assert services["migrate"]["restart"] == "no"
    for name in ("web", "worker", "beat"):
        assert services[name]["depends_on"]["migrate"] == {"condition": "service_completed_successfully"}
        assert "migrate" not in " ".join(compose.service_command(interpolated, name))


def test_web_runs_gunicorn_as_the_main_process_and_every_app_service_has_a_health_check(interpolated):
    assert compose.service_command(interpolated, "web")[0] == "gunicorn"
    for name in ("web", "worker", "beat", "db", "redis"):
        assert compose.healthcheck_argv(interpolated, name), name
    worker_check = " ".join(compose.healthcheck_argv(interpolated, "worker"))
    assert "inspect ping" in worker_check and "celery@$HOSTNAME" in worker_check


def test_behind_nginx_the_portal_trusts_exactly_one_proxy_and_passes_the_password_apart(interpolated):
    env = compose.service_environment(interpolated, "web", {})
    assert env["TRUSTED_PROXY_COUNT"] == "1" and env["BEHIND_TLS_PROXY"] == "1"
    assert env["DATABASE_PASSWORD"] == "p@ss/w%rd" and "p@ss" not in env["DATABASE_URL"]
    assert not env["CELERY_BEAT_SCHEDULE_FILE"].startswith(env["MEDIA_ROOT"])
    nginx = interpolated["services"]["nginx"]
    assert "./deploy/nginx.conf:/etc/nginx/conf.d/default.conf:ro" in nginx["volumes"]
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in conf and "listen 443 ssl" in conf


def test_the_image_holds_no_secrets_and_no_test_tools():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in (".env", ".git/", ".venv/", "node_modules/", "media/", "*.sqlite3"):
        assert entry in ignored
    dockerfile = (ROOT / "deploy" / "Dockerfile").read_text()
    assert "poppler-utils" not in dockerfile and "\nUSER smartgov" in dockerfile


def test_compose_interpolation_follows_compose_rules():
    variables = {"SET": "value", "EMPTY": ""}
    assert compose.interpolate("${SET}-${UNSET:-fallback}-${EMPTY:-fallback}-${EMPTY-kept}", variables) == (
        "value-fallback-fallback-"
    )
    assert compose.interpolate("celery@$$HOSTNAME", variables) == "celery@$HOSTNAME"
    with pytest.raises(compose.InterpolationError, match="set it"):
        compose.interpolate("${UNSET:?set it}", variables)


def test_relocating_a_service_address_leaves_other_text_alone():
    addresses = {("redis", 6379): ("127.0.0.1", 6402), ("0.0.0.0", 8000): ("127.0.0.1", 8101)}  # noqa: S104
    assert compose.relocate("redis://redis:6379/0", addresses, {}) == "redis://127.0.0.1:6402/0"
    assert compose.relocate("0.0.0.0:8000", addresses, {}) == "127.0.0.1:8101"
    assert compose.relocate("myredis:6379 redis:63790", addresses, {}) == "myredis:6379 redis:63790"


# --- the health check commands ------------------------------------------------------------------


def test_the_beat_check_passes_on_a_fresh_schedule_file_and_fails_on_a_stale_or_missing_one(tmp_path, monkeypatch):
    schedule = tmp_path / "schedule"
    monkeypatch.setenv("CELERY_BEAT_SCHEDULE_FILE", str(schedule))
    assert healthcheck.main(["beat"]) == 1
    schedule.with_suffix(".db").write_bytes(b"")
    assert healthcheck.main(["beat"]) == 0
    old = time.time() - healthcheck.BEAT_STALE_SECONDS - 10
    os.utime(schedule.with_suffix(".db"), (old, old))
    assert healthcheck.main(["beat"]) == 1


def test_the_web_check_asks_healthz_with_an_allowed_host_and_passes(live_server, monkeypatch, settings):
    settings.ALLOWED_HOSTS = ["grm.example.mn"]
    monkeypatch.setenv("ALLOWED_HOSTS", ".grm.example.mn,other.example.mn")
    assert healthcheck.main(["web", f"{live_server.url}/healthz"]) == 0
    assert healthcheck.main(["web", f"{live_server.url}/no-such-page"]) == 1


def test_healthz_is_not_redirected_to_https_while_pages_are(client, settings, db):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/mn/").status_code == 301
