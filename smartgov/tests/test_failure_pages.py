"""When something fails: NUL in a URL is a 400, the 500 page needs no database, /healthz names what is down."""

import pytest
from django.db import OperationalError
from django.test import Client

from grievances import views as grievance_views
from smartgov import health

HOTLINE = "+976-11-51-264870"


# --- NUL -------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/grievances/grievance/?status__exact=%00",
        "/admin/grievances/grievance/?q=a%00b",
        "/admin/grievances/grievance/?%00=1",
        "/en/grievances/track/?registered_no=%00",
    ],
)
def test_a_nul_in_the_query_string_is_a_400_not_a_500(admin_client, url):
    admin_client.raise_request_exception = False
    assert admin_client.get(url).status_code == 400


# --- the 500 page ----------------------------------------------------------------------------


def _database_down(*args, **kwargs):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


@pytest.fixture
def broken_page(monkeypatch):
    """The easy-read page fails as it would with the database refusing connections."""
    monkeypatch.setattr(grievance_views.EasyReadView, "get_context_data", _database_down)
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("mn", "Манай талд алдаа гарлаа"),
        ("en", "Something went wrong on our side"),
        ("kk", "Біз тарапта қате орын алды"),
    ],
)
def test_the_500_page_is_in_the_url_s_language_with_the_hotline_and_reads_no_database(broken_page, language, words):
    # No django_db mark: any query while the page is made would fail this test.
    response = broken_page.get(f"/{language}/grievances/how-it-works/")
    html = response.content.decode()
    assert response.status_code == 500
    assert f'<html lang="{language}">' in html
    assert words in html
    assert HOTLINE in html
    assert "Server Error (500)" not in html


def test_the_500_page_says_the_feedback_was_not_saved(broken_page):
    html = broken_page.get("/en/grievances/how-it-works/").content.decode()
    assert "If you were sending feedback, it was not saved" in html


def test_the_500_page_outside_the_language_prefix_follows_the_language_cookie(broken_page, monkeypatch):
    from smartgov import views

    monkeypatch.setattr(views.HomeView, "get_context_data", _database_down)
    broken_page.cookies["django_language"] = "en"
    html = broken_page.get("/en/").content.decode()
    assert "Something went wrong on our side" in html


# --- /healthz ------------------------------------------------------------------------------


@pytest.fixture
def tasks_on_redis(monkeypatch, settings):
    """Tasks go to the suite's Redis broker (not run in-process), so /healthz asks the broker and a worker."""
    from smartgov.celery import app

    if not settings.CELERY_BROKER_URL.startswith("redis://"):
        pytest.skip("needs Redis: run through scripts/test with Redis on 127.0.0.1:6379")
    monkeypatch.setitem(app.conf, "task_always_eager", False)
    monkeypatch.setattr(health, "_broker_url", lambda: settings.CELERY_BROKER_URL)
    return app


def a_worker_answers(timeout, limit):
    return [{"celery@worker": {"ok": "pong"}}]


@pytest.mark.django_db
def test_healthz_is_200_when_everything_answers(client, tasks_on_redis, monkeypatch):
    monkeypatch.setattr(tasks_on_redis.control, "ping", a_worker_answers)
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content.decode().splitlines() == ["ok", "database: ok", "broker: ok", "worker: ok"]


@pytest.mark.django_db
def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    monkeypatch.setattr(health, "database_check", _database_down)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "database: failed (OperationalError)" in response.content.decode()


@pytest.mark.django_db
def test_healthz_is_503_when_redis_is_down(client, tasks_on_redis, monkeypatch):
    monkeypatch.setattr(health, "_broker_url", lambda: "redis://127.0.0.1:1/0")  # nothing listens there
    monkeypatch.setattr(tasks_on_redis.control, "ping", a_worker_answers)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "broker: failed (ConnectionError)" in response.content.decode()


@pytest.mark.django_db
def test_healthz_is_503_when_no_worker_answers(client, tasks_on_redis, monkeypatch):
    def nobody(timeout, limit):
        return []

    monkeypatch.setattr(tasks_on_redis.control, "ping", nobody)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "worker: failed (RuntimeError)" in response.content.decode()
