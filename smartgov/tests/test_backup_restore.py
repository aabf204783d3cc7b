"""The documented backup and restore procedure brings back every case and its files."""

import os
import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.core.files.base import ContentFile
from django.db import connection

from grievances.models import Attachment, Grievance
from grievances.tests.factories import register_grievance

ROOT = Path(__file__).resolve().parents[2]
RESTORE_DB = "smartgov_restore_check"


def _url(name):
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{name}"


def _admin_execute(sql):
    db = connection.settings_dict
    conn = psycopg2.connect(dbname="postgres", user=db["USER"], host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432)
    conn.autocommit = True
    with conn.cursor() as cursor:
        cursor.execute(sql)
    conn.close()


@pytest.mark.django_db(transaction=True)
def test_backup_restores_into_an_empty_database_with_every_case(tmp_path, settings):
    if connection.vendor != "postgresql":
        pytest.skip("backup and restore use pg_dump; run with PostgreSQL")
    settings.MEDIA_ROOT = tmp_path / "media"
    cases = [register_grievance(summary=f"case {n}") for n in range(5)]
    Attachment.objects.create(
        grievance=cases[0],
        file=ContentFile(b"%PDF-1.4 evidence", name="evidence.pdf"),
        original_name="evidence.pdf",
        content_type="application/pdf",
        size=17,
    )
    env = {**os.environ, "DATABASE_URL": _url(connection.settings_dict["NAME"]), "MEDIA_ROOT": str(tmp_path / "media")}
    subprocess.run([ROOT / "scripts" / "backup", tmp_path / "backup"], env=env, check=True, capture_output=True)

    _admin_execute(f"DROP DATABASE IF EXISTS {RESTORE_DB}")
    _admin_execute(f"CREATE DATABASE {RESTORE_DB}")
    try:
        restore_env = {**env, "DATABASE_URL": _url(RESTORE_DB), "MEDIA_ROOT": str(tmp_path / "restored-media")}
        subprocess.run(
            [ROOT / "scripts" / "restore", tmp_path / "backup"], env=restore_env, check=True, capture_output=True
        )
        db = connection.settings_dict
        restored = psycopg2.connect(
            dbname=RESTORE_DB, user=db["USER"], host=db["HOST"] or "127.0.0.1", port=db["PORT"] or 5432
        )
        with restored.cursor() as cursor:
            cursor.execute(f"SELECT registered_no FROM {Grievance._meta.db_table} ORDER BY registered_no")  # noqa: S608
            numbers = [row[0] for row in cursor.fetchall()]
        restored.close()
        assert numbers == sorted(case.registered_no for case in cases)
        attachment = Attachment.objects.get()
        assert (tmp_path / "restored-media" / attachment.file.name).read_bytes() == b"%PDF-1.4 evidence"
    finally:
        _admin_execute(f"DROP DATABASE IF EXISTS {RESTORE_DB}")
