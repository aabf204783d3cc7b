"""Project-level checks that belong in the suite: deploy settings, migrations, translations."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "x7#kq2!m9Vr@L4pZ1sWc8yN0fTbG6hJdE3uA5oRiXwKvYlQnMjHgFtDsCaBzPe",
    "ALLOWED_HOSTS": "grm.example.mn",
    "FIELD_ENCRYPTION_KEYS": "kJ0cOJ2Zp5Y1b7y8oJpQmW0mFqQ1n0V6oT3o2bq3c0Y=",
    "BLIND_INDEX_KEY": "a-separate-secret-for-blind-indexes",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "SMS_BACKEND": "smartgov.sms.backends.HttpBackend",
    "SMS_GATEWAY_URL": "https://sms.example.mn/send",
}


def _production_env(**overrides):
    # The browser fixture relaxes Django's async guard for the test process only.
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**env, **PRODUCTION_ENV, **overrides}


def _deploy_check(env):
    """Run `manage.py check --deploy`, failing on warnings, in a process with `env`."""
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def test_deploy_check_is_clean_with_production_settings():
    env = _production_env()
    result = _deploy_check(env)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = _production_env(SECRET_KEY="")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.django_db
def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_every_message_has_a_mongolian_translation():
    """Every Mongolian .po file (locale/ and apps) is fully translated, nothing fuzzy."""
    po_files = [
        p for p in ROOT.rglob("mn/LC_MESSAGES/*.po") if ".venv" not in p.parts and "node_modules" not in p.parts
    ]
    assert any(p.match("locale/mn/LC_MESSAGES/django.po") for p in po_files)
    for po in po_files:
        result = subprocess.run(
            ["msgfmt", "--statistics", "-o", os.devnull, str(po)], capture_output=True, text=True, check=True
        )
        assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, f"{po}: {result.stderr}"


def test_the_deploy_check_warns_when_messages_would_only_be_printed():
    env = _production_env(EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend", SMS_BACKEND="")
    env.pop("SMS_BACKEND")
    result = _deploy_check(env)
    assert result.returncode != 0
    assert "EMAIL_BACKEND" in result.stderr + result.stdout and "SMS_BACKEND" in result.stderr + result.stdout
    assert "smartgov.W001" in result.stderr + result.stdout
