"""Celery application.

With no CELERY_BROKER_URL the settings turn on eager mode, so tasks run
in-process and a newcomer needs neither Redis nor a worker.
"""

import os

from celery import Celery
from celery.signals import task_postrun, task_prerun, worker_process_shutdown, worker_shutdown

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartgov.settings")

app = Celery("smartgov")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@task_prerun.connect
@task_postrun.connect
def close_old_database_connections(task=None, **kwargs):
    """Drop a worker's database connection around a task when it is broken or older than CONN_MAX_AGE.

    What Django does around each web request; CELERY_DB_REUSE_MAX keeps Celery
    from closing it after every task. Eager tasks run inside a request (and
    perhaps its transaction), so they are left alone.
    """
    if task is not None and not task.request.is_eager:
        from django.db import close_old_connections

        close_old_connections()


@worker_shutdown.connect
@worker_process_shutdown.connect
def close_database_connections(**kwargs):
    """Close the connections a worker kept open from task to task when it stops."""
    from django.db import connections

    connections.close_all()
