"""Registration numbers under concurrent registrations, on PostgreSQL."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections

from grievances.models import Grievance
from grievances.tests.factories import local_datetime, register_grievance

THREADS = 8
REGISTRATIONS = 200


def _register_many(count):
    try:
        return [register_grievance(received_at=local_datetime(2021, 3, 1)).registered_no for _ in range(count)]
    finally:
        connections.close_all()  # each thread has its own connection; give it back


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_get_distinct_consecutive_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; SQLite serialises writers and proves nothing here")
    per_thread = REGISTRATIONS // THREADS
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        numbers = [number for batch in pool.map(_register_many, [per_thread] * THREADS) for number in batch]
    assert len(set(numbers)) == REGISTRATIONS
    sequences = sorted(Grievance.objects.values_list("registration_sequence", flat=True))
    assert sequences == list(range(1, REGISTRATIONS + 1))
