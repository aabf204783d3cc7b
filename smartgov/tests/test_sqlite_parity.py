"""The embedded default (SQLite) searches Mongolian and Kazakh without regard to case, as PostgreSQL does."""

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.db.backends.sqlite3.base import DatabaseWrapper

from smartgov.sqlite_like import like

ROOT = Path(__file__).resolve().parents[2]

SEARCH_ON_SQLITE = textwrap.dedent(
    """
    import django
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    call_command("migrate", verbosity=0)
    from disclosure.tests.factories import DocumentFactory, make_version
    document = DocumentFactory(title_mn="Иргэдийн гомдол шийдвэрлэх журам", title_en="Grievance procedure")
    make_version(document)
    make_version(DocumentFactory(title_mn="Усан хангамжийн зураг төсөл", title_en="Water supply design"))
    for query in ("Гомдол", "ГОМДОЛ", "гомдол", "Шийдвэрлэх Журам"):
        page = Client().get("/mn/documents/", {"q": query}).content.decode()
        print(query, "Иргэдийн гомдол шийдвэрлэх журам" in page, "Усан хангамжийн" in page)
    """
)


def _sqlite_memory():
    settings = {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": ":memory:",
        **dict.fromkeys(["USER", "PASSWORD", "HOST", "PORT"], ""),
        "OPTIONS": {},
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "TEST": {},
    }
    return DatabaseWrapper(settings, alias="sqlite_like")


def test_a_capitalised_mongolian_word_finds_a_published_document_on_sqlite(tmp_path):
    env = {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DATABASE_URL": f"sqlite:///{tmp_path / 'embedded.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_SETTINGS_MODULE": "smartgov.settings",
        "DEBUG": "1",
    }
    for name in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "-c", SEARCH_ON_SQLITE], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "Гомдол True False",
        "ГОМДОЛ True False",
        "гомдол True False",
        "Шийдвэрлэх Журам True False",
    ]


@pytest.mark.parametrize(
    ("pattern", "value", "matches"),
    [
        ("%гомдол%", "Иргэдийн ГОМДОЛ", True),
        ("%Өргөдөл%", "өргөдөл гаргах", True),  # Mongolian Ө/ө
        ("%Үйлчилгээ%", "ҮЙЛЧИЛГЭЭ", True),  # Mongolian Ү/ү
        ("%Қазақ%", "ҚАЗАҚ тілі", True),  # Kazakh Қ/қ
        ("гомдол", "гомдолгүй", False),
        ("%50\\%%", "50% хөнгөлөлт", True),  # an escaped % is a percent sign
        ("%50\\%%", "500 төгрөг", False),
        ("г_мдол", "Гомдол", True),
    ],
)
def test_like_folds_case_in_every_alphabet(pattern, value, matches):
    assert like(pattern, value, "\\") is matches


@pytest.mark.django_db
def test_every_new_sqlite_connection_gets_the_case_folding_like():
    wrapper = _sqlite_memory()
    try:
        with wrapper.cursor() as cursor:
            cursor.execute("CREATE TABLE words (text varchar(50))")
            cursor.executemany("INSERT INTO words VALUES (%s)", [("Гомдол",), ("Санал",), (None,)])
            cursor.execute("SELECT text FROM words WHERE text LIKE %s ESCAPE '\\'", ["%гомдол%"])
            assert cursor.fetchall() == [("Гомдол",)]
    finally:
        wrapper.close()
