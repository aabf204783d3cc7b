"""Settings of the production shape, each read in a fresh process from the environment (no network)."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "a-long-random-secret-key-for-the-settings-test-only-0123456789",
    "FIELD_ENCRYPTION_KEYS": "kJ0cOJ2Zp5Y1b7y8oJpQmW0mFqQ1n0V6oT3o2bq3c0Y=",
    "BLIND_INDEX_KEY": "a-separate-secret-for-blind-indexes",
}
SHOW = """
import json, django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
facts = {
    "default": type(storages["default"]).__name__,
    "static": type(storages["staticfiles"]).__name__,
    "password": settings.DATABASES["default"]["PASSWORD"],
    "user": settings.DATABASES["default"]["USER"],
}
if facts["default"] == "S3Storage":
    url = storages["default"].url("grievances/2026/photo.jpg")
    facts |= {"bucket": storages["default"].bucket_name, "url": url.split("?")[0], "signed": "Signature=" in url}
print(json.dumps(facts))
"""


def _settings(**env):
    base = {key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    for name in ("MEDIA_STORAGE", "S3_BUCKET", "DATABASE_PASSWORD", "DEBUG"):
        base.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "smartgov.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )
    return result.returncode, (json.loads(result.stdout) if result.returncode == 0 else result.stderr)


def test_uploads_stay_on_the_file_system_by_default_and_static_files_are_hashed_in_production():
    code, facts = _settings(**PRODUCTION)
    assert code == 0, facts
    assert facts["default"] == "FileSystemStorage"
    assert facts["static"] == "CompressedManifestStaticFilesStorage"
    code, facts = _settings(DEBUG="1")
    assert (facts["default"], facts["static"]) == ("FileSystemStorage", "CompressedStaticFilesStorage")


def test_uploads_go_to_an_s3_bucket_when_asked_with_signed_urls_and_no_network():
    code, facts = _settings(
        **PRODUCTION,
        MEDIA_STORAGE="s3",
        S3_BUCKET="smartgov-media",
        S3_ENDPOINT_URL="https://objects.example.mn",
        S3_REGION="ub-1",
        S3_ACCESS_KEY_ID="access",
        S3_SECRET_ACCESS_KEY="secret",
    )
    assert code == 0, facts
    assert facts["default"] == "S3Storage" and facts["bucket"] == "smartgov-media"
    assert facts["url"] == "https://objects.example.mn/smartgov-media/grievances/2026/photo.jpg"
    assert facts["signed"] is True


def test_a_storage_without_its_bucket_or_an_unknown_one_stops_the_portal():
    code, error = _settings(**PRODUCTION, MEDIA_STORAGE="s3")
    assert code != 0 and "S3_BUCKET" in error
    code, error = _settings(**PRODUCTION, MEDIA_STORAGE="ftp")
    assert code != 0 and "MEDIA_STORAGE" in error


def test_the_database_password_comes_apart_from_the_url_unquoted():
    code, facts = _settings(
        **PRODUCTION, DATABASE_URL="postgres://smartgov@db:5432/smartgov", DATABASE_PASSWORD="p@ss/w%rd:1"
    )
    assert code == 0, facts
    assert (facts["user"], facts["password"]) == ("smartgov", "p@ss/w%rd:1")
