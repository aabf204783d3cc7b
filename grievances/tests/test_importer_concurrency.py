"""A long import never holds the numbering lock: the public form registers while one is running (PostgreSQL).

The import runs in a thread (its own connection) and is paused after its
first case, inside its transaction. The test's connection then asks for the
year's counter row with NOWAIT, which fails at once if the import holds its
lock, and sends the public form. No timing is measured: the speed of a
10,000-row import beside the form is in bench/import_beside_form.py.
"""

import csv
import threading

import pytest
from django.db import connection, connections, transaction
from django.utils import timezone, translation

from grievances import importer
from grievances.importer import COLUMNS, import_log
from grievances.models import Grievance, RegistrationCounter
from grievances.tests.public_helpers import form_data, public_setup  # noqa: F401

# Only a safety net, so that a broken run ends instead of hanging; nothing is timed.
SAFETY_SECONDS = 60


def _log(path, year, today):
    rows = [
        {**dict.fromkeys(COLUMNS, ""), "registered_no": f"f-{year}/{number:02d}", "summary": f"Old case {number}"}
        for number in range(1, 4)
    ]
    rows.append({**dict.fromkeys(COLUMNS, ""), "summary": "Without a number"})
    for row in rows:
        row.update(received_date=today.isoformat(), kind="request", channel="hotline", status="resolving")
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("public_setup")
def test_the_public_form_registers_while_an_import_of_this_year_s_cases_is_running(client, tmp_path, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    today = timezone.localdate()
    path = _log(tmp_path / "log.csv", today.year, today)
    mid_import, go_on = threading.Event(), threading.Event()
    real_create = importer._create

    def create_then_wait(row, language):
        grievance = real_create(row, language)
        if not mid_import.is_set():
            mid_import.set()
            go_on.wait(SAFETY_SECONDS)
        return grievance

    monkeypatch.setattr(importer, "_create", create_then_wait)
    outcome = {}

    def run_import():
        try:
            with translation.override("en"):
                outcome["result"] = import_log(path)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run_import)
    thread.start()
    try:
        assert mid_import.wait(SAFETY_SECONDS)
        assert Grievance.objects.count() == 0  # the import's first case is not committed yet
        with transaction.atomic():
            # Raises LockNotAvailable at once if the import's transaction holds the counter row.
            RegistrationCounter.objects.select_for_update(nowait=True).get(year=today.year)
        response = client.post("/en/grievances/new/", form_data())
    finally:
        go_on.set()
        thread.join(SAFETY_SECONDS)
    assert response.status_code == 302
    assert "error" not in outcome, outcome.get("error")
    assert outcome["result"].created == 4
    numbers = sorted(Grievance.objects.values_list("registration_sequence", flat=True))
    assert numbers == [1, 2, 3, 4, 5]  # the three given, the row without one, then the form's
    web = Grievance.objects.get(channel="website")
    assert web.registration_sequence == 5
