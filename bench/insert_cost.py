"""What the ORM's INSERT costs the registration, against an INSERT whose SQL is built once per model.

The registration writes six rows a submission through `Model.save()`. This
measures, for the case (`Grievance`, about 60 columns) and a history entry
(`GrievanceEvent`), the CPU of this process per row both ways, in alternated
rounds (the order flips every round) inside a rolled-back transaction, on a
throw-away database created next to the one DATABASE_URL names and dropped at
the end. The precompiled way still takes each value through its field's
`pre_save` and `get_db_prep_save`; it skips Django's SQL compiler, and with it
`save()` overrides and the pre/post-save signals, which is why the portal does
not use it (bench/README.md, "Sixth pass"):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/smartgov_h8 .venv/bin/python bench/insert_cost.py
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import submission_profile  # noqa: E402, F401  (importing it sets Django up with bench/load's settings)
from django.db import connection, transaction  # noqa: E402

from grievances.models import Channel, EventType, Grievance, GrievanceEvent, Kind  # noqa: E402
from grievances.services import grievance_register  # noqa: E402


class PrecompiledInsert:
    """INSERT ... RETURNING id for one model, its SQL written once."""

    def __init__(self, model):
        meta = model._meta
        self.fields = [field for field in meta.local_concrete_fields if field is not meta.pk and not field.generated]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in self.fields)
        marks = ", ".join(["%s"] * len(self.fields))
        self.sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({marks}) RETURNING {quote(meta.pk.column)}"  # noqa: S608

    def __call__(self, instance):
        values = [field.get_db_prep_save(field.pre_save(instance, True), connection) for field in self.fields]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, values)
            instance.pk = cursor.fetchone()[0]
        instance._state.adding, instance._state.db = False, connection.alias


def row_makers(case):
    """A new unsaved row of each measured model, each call another one (the case's number is unique)."""
    copied = {field.attname: getattr(case, field.attname) for field in Grievance._meta.concrete_fields}
    del copied["id"]
    numbers = iter(range(1_000_000, 10_000_000))

    def new_case():
        number = next(numbers)
        return Grievance(
            **{**copied, "registered_no": f"b-{number}", "registration_sequence": number, "submission_token": None}
        )

    def new_event():
        return GrievanceEvent(grievance=case, event_type=EventType.REGISTERED, data={"channel": Channel.WEBSITE})

    return {"the case (Grievance)": new_case, "a history entry (GrievanceEvent)": new_event}


def measure(rows, rounds):
    """CPU ms per row, per (model, way), one figure per round."""
    case = grievance_register(kind=Kind.COMPLAINT, channel=Channel.WEBSITE, message="bench", confirm=False)
    ways = {"save()": lambda instance: instance.save(force_insert=True)}
    figures = {}
    for name, make in row_makers(case).items():
        ways["precompiled"] = PrecompiledInsert(type(make()))
        for number in range(rounds):
            order = ["save()", "precompiled"] if number % 2 == 0 else ["precompiled", "save()"]
            for way in order:
                instances = [make() for _ in range(rows)]  # built before the clock starts
                with transaction.atomic():
                    started = time.process_time()
                    for instance in instances:
                        ways[way](instance)
                    figures.setdefault((name, way), []).append((time.process_time() - started) * 1000 / rows)
                    transaction.set_rollback(True)
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=400, help="rows a round (default 400)")
    parser.add_argument("--rounds", type=int, default=5, help="alternated rounds (default 5)")
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        print(f"note: running on {connection.vendor}; bench/load uses PostgreSQL", file=sys.stderr)
    old_name = connection.settings_dict["NAME"]
    connection.settings_dict["TEST"]["NAME"] = f"bench_inserts_{os.getpid()}"
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        figures = measure(options.rows, options.rounds)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"CPU per row, {options.rounds} alternated rounds of {options.rows}: median (each round)")
    for (name, way), values in figures.items():
        rounds = " ".join(f"{value:.3f}" for value in values)
        print(f"{name:<34} {way:<12} {statistics.median(values):.3f} ms  ({rounds})")


if __name__ == "__main__":
    main()
