"""Suite-wide fixtures: which services the run uses, a real Celery worker, a real browser."""

import gc
import os
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parent
IN_CI = os.environ.get("CI") == "true"
CHROMIUM = Path("/usr/bin/chromium")
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _database_label():
    db = settings.DATABASES["default"]
    return f"{db['ENGINE'].rsplit('.', 1)[-1]} ({db.get('HOST') or 'local file'})"


def _uses_redis():
    return settings.CELERY_BROKER_URL.startswith("redis://")


def pytest_report_header(config):
    broker = settings.CELERY_BROKER_URL if _uses_redis() else "none (tasks run in-process)"
    return [f"smartgov database: {_database_label()}", f"smartgov broker: {broker}"]


def pytest_sessionstart(session):
    if not IN_CI:
        return
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        pytest.exit("CI=true but the suite is not running on PostgreSQL", returncode=3)
    if not _uses_redis():
        pytest.exit("CI=true but the suite has no Redis broker", returncode=3)


def pytest_sessionfinish(session, exitstatus):
    """In CI a skipped test is a failure: every service the suite needs is there."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if IN_CI and skipped and exitstatus == 0:
        reporter.write_line(f"CI=true: {len(skipped)} test(s) skipped; failing the run.", red=True)
        session.exitstatus = 1


@pytest.fixture(autouse=True)
def _uploads_go_to_a_temporary_folder(settings, tmp_path_factory):
    """No test writes into the project's media folder."""
    settings.MEDIA_ROOT = tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def _sms_kept_in_memory(settings):
    """Text messages go to smartgov.sms.outbox, emptied for each test, as pytest-django does for e-mail."""
    from smartgov import sms

    settings.SMS_BACKEND = "smartgov.sms.backends.LocmemBackend"
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def _celery_tasks_run_eagerly():
    """Run tasks in-process unless a test asks for the real worker."""
    from smartgov.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture(autouse=True)
def _login_lockout_only_where_tested(request, settings):
    """django-axes counts every failed login; only tests marked `axes` exercise it.

    Other tests log in through the test client, which calls authenticate()
    without a request, and axes refuses that.
    """
    settings.AXES_ENABLED = request.node.get_closest_marker("axes") is not None


@pytest.fixture
def redis_celery_worker(transactional_db):
    """Start a real Celery worker thread consuming from Redis; tasks are sent, not run eagerly."""
    from celery.contrib.testing.worker import start_worker

    from smartgov.celery import app

    if not _uses_redis():
        pytest.skip("needs Redis: run through scripts/test with Redis on 127.0.0.1:6379")
    app.conf.task_always_eager = False
    with start_worker(app, pool="solo", perform_ping_check=False, loglevel="WARNING", shutdown_timeout=30):
        yield app
    # The worker keeps its database connection from task to task (CELERY_DB_REUSE_MAX) and this test
    # worker stops without Celery's shutdown signal: free its connection, so the test database can go.
    gc.collect()


@pytest.fixture(scope="session")
def browser():
    """Headless Debian Chromium driven by Playwright (never `playwright install`)."""
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's chromium (installed by scripts/test)")
    # Playwright's sync API runs an event loop; Django's ORM calls in the test body are still synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server, transactional_db):
    """A fresh browser tab; `page.base_url` is the live server's address."""
    context = browser.new_context(base_url=live_server.url)
    tab = context.new_page()
    tab.base_url = live_server.url
    yield tab
    context.close()


@pytest.fixture
def page_without_javascript(browser, live_server, transactional_db):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def axe_source():
    if not AXE_SCRIPT.exists():
        pytest.skip("needs the npm package axe-core (installed by scripts/test)")
    return AXE_SCRIPT.read_text()


@pytest.fixture
def axe_violations(axe_source):
    """Return a function that runs axe-core (WCAG 2.1 A and AA) on a page and lists the violations."""

    def run(tab):
        tab.evaluate(axe_source)
        result = tab.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
            WCAG_TAGS,
        )
        return [
            {"id": item["id"], "help": item["help"], "targets": [node["target"] for node in item["nodes"]]}
            for item in result["violations"]
        ]

    return run
