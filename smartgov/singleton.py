"""Work that one process at a time may do, whichever process asks: a PostgreSQL advisory lock.

Two beats started by mistake send each periodic task twice, and two workers
may then run the same task at the same moment. Most beat tasks are safe so
(row locks: the outbox's SKIP LOCKED, the reminder's SELECT ... FOR UPDATE
and re-check, the digest's transaction lock); a task that checks "is it
done?" and then does long work outside a transaction, such as rendering the
half-yearly report, takes this lock so the second caller finds it held and
does nothing. A session lock, not a transaction one: the work must not hold
a transaction open. SQLite (the embedded default) has one process: there
the lock is always granted.
"""

import hashlib
from contextlib import contextmanager

from django.db import connection


def lock_key(name: str) -> int:
    """A signed 64-bit key for `name`, the same in every process."""
    return int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)


@contextmanager
def only_one(name: str):
    """Yield True to the one caller holding the lock `name`, False to any other caller meanwhile."""
    if connection.vendor != "postgresql":
        yield True
        return
    key = lock_key(name)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
