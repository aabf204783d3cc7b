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
