import pytest

from smartgov.tasks import database_vendor_task


@pytest.mark.worker
def test_a_real_worker_on_redis_runs_a_task_against_the_database(redis_celery_worker, settings):
    result = database_vendor_task.delay()
    vendor = result.get(timeout=20)
    expected = "postgresql" if "postgresql" in settings.DATABASES["default"]["ENGINE"] else "sqlite"
    assert vendor == expected


@pytest.mark.django_db
def test_without_a_broker_tasks_run_in_process():
    assert database_vendor_task.delay().get(timeout=5) in {"postgresql", "sqlite"}


def test_a_worker_keeps_its_database_connection_from_one_task_to_the_next(transactional_db):
    """Celery's Django fix-up would close it around every task: a new PostgreSQL connection per e-mail."""
    from types import SimpleNamespace

    from celery.fixups.django import DjangoWorkerFixup
    from django.db import connection

    from smartgov.celery import app, close_old_database_connections

    fixup, task = DjangoWorkerFixup(app), SimpleNamespace(request=SimpleNamespace(is_eager=False))
    connection.ensure_connection()
    opened = connection.connection
    for _ in range(3):
        fixup.on_task_prerun(sender=task)
        close_old_database_connections(task=task)
        database_vendor_task()
        fixup.on_task_postrun(sender=task)
        close_old_database_connections(task=task)
    assert connection.connection is opened


def test_a_worker_drops_a_connection_older_than_conn_max_age(transactional_db):
    from types import SimpleNamespace

    from django.db import connection

    from smartgov.celery import close_old_database_connections

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("Django never closes an in-memory SQLite database (it would lose it); PostgreSQL runs this")
    connection.ensure_connection()
    connection.close_at = 0  # long past
    close_old_database_connections(task=SimpleNamespace(request=SimpleNamespace(is_eager=False)))
    assert connection.connection is None
