import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection

pytestmark = pytest.mark.django_db


def _row_counts():
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def test_loading_the_demo_twice_creates_no_duplicates(settings, capsys):
    settings.DEBUG = True
    call_command("load_demo")
    first = _row_counts()
    call_command("load_demo")
    assert _row_counts() == first
    assert "smartgov-demo-2026" in capsys.readouterr().out


def test_demo_admin_can_log_in(client, settings):
    settings.DEBUG = True
    call_command("load_demo")
    assert get_user_model().objects.get(username="admin").is_superuser
    assert client.login(username="admin", password="smartgov-demo-2026")
    assert client.get("/admin/").status_code == 200
