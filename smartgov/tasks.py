"""Portal-wide Celery tasks."""

from celery import shared_task
from django.db import connection

from . import outbox


@shared_task
def database_vendor_task():
    """Return the database vendor the worker talks to; proves a worker reaches the database."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return connection.vendor


@shared_task(ignore_result=True)
def outbox_message_send_task(message_id):
    """Send one outbox message; safe to run twice (a sent message is not sent again)."""
    return outbox.outbox_message_send(message_id=message_id)


@shared_task(ignore_result=True)
def outbox_flush_task():
    """Send pending outbox messages: queued after new messages (outbox_message_enqueue) and by beat,
    which catches up after the broker or the mail server was down."""
    return outbox.outbox_flush()
