"""Celery application.

With no CELERY_BROKER_URL the settings turn on eager mode, so tasks run
in-process and a newcomer needs neither Redis nor a worker.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartgov.settings")

app = Celery("smartgov")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
