"""Portal-wide Celery tasks."""

from celery import shared_task
from django.db import connection


@shared_task
def database_vendor_task():
    """Return the database vendor the worker talks to; proves a worker reaches the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor
