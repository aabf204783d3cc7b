"""Benchmark: GRM report figures and both PDFs for one half year out of 100,000 cases over five years.

Each case gets a history as the workflow writes it (registered, acknowledged,
resolved or marked unrelated, a notification), with some waits for the
complainant, appeals and answers to "was it resolved?", so that the figures'
second query reads a history table of realistic size (about 4.5 entries a case).

Runs in a throw-away database `bench_report_<pid>` created next to the one DATABASE_URL names
(Django's test-database machinery, destroyed at the end), so it never touches
real data nor another run's database; with --keep, `bench_report_kept_<name>`.
Prints the times; targets: figures < 2 s, both PDFs < 30 s.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/smartgov .venv/bin/python bench/report_bench.py [--cases N]

--keep keeps the database (and reuses it when it already holds the cases) for
repeated runs; --no-pdf stops after the figures; --profile FILE renders the English PDF once more under cProfile,
saves the statistics to FILE and prints the 25 most expensive calls.
"""

import argparse
import cProfile
import os
import pstats
import random
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "smartgov.settings")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402

from grievances.models import (  # noqa: E402
    Channel,
    EventType,
    Grievance,
    GrievanceEvent,
    Kind,
    ResponseWay,
    Satisfaction,
    State,
    Status,
)
from reporting.pdf import render_grm_report_pdf, render_grm_report_pdfs  # noqa: E402
from reporting.selectors import grm_period_figures, grm_report_data  # noqa: E402
from smartgov.workdays import is_working_day  # noqa: E402

FIRST_DAY, YEARS = date(2021, 1, 1), 5
HALF_YEAR = (date(2025, 1, 1), date(2025, 6, 30))
ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")
SUMMARIES = [
    ("Нээлттэй өгөгдлийн хуулийн төслийг хүсэв", "Request a draft law on open data"),
    ("ДАН системд нэвтэрч чадахгүй байна", "Cannot sign in to the DAN system"),
    ("11-11 төвийн хариу удаашралтай байна", "The 11-11 centre answers slowly"),
    ("Цахим үйлчилгээний талаар тодруулга хүсэв", "Clarification about an e-service"),
]


def working_day_index(days):
    """Cumulative working-day count per date, so each case's period costs one subtraction."""
    index, total = {FIRST_DAY - timedelta(days=1): 0}, 0
    for offset in range(days):
        day = FIRST_DAY + timedelta(days=offset)
        total += is_working_day(day)
        index[day] = total
    return index


# The stored workflow state of an unclosed case of each status.
STATE_OF_STATUS = {
    Status.UNRELATED: State.UNRELATED,
    Status.RESOLVING: State.IN_PROGRESS,
    Status.RESOLVED: State.RESOLVED,
}


def generate(count, seed=2025):
    rng = random.Random(seed)
    span = YEARS * 365 + 40
    cumulative = working_day_index(span)
    received = sorted(FIRST_DAY + timedelta(days=rng.randrange(YEARS * 365)) for _ in range(count))
    sequence, cases = {}, []
    for day in received:
        sequence[day.year] = sequence.get(day.year, 0) + 1
        roll = rng.random()
        status = Status.UNRELATED if roll < 0.4 else Status.RESOLVING if roll < 0.45 else Status.RESOLVED
        summary_mn, summary_en = rng.choice(SUMMARIES)
        resolved_on = day + timedelta(days=rng.randrange(0, 25)) if status == Status.RESOLVED else None
        cases.append(
            Grievance(
                registered_no=f"f-{day.year}/{sequence[day.year]:02d}",
                registration_year=day.year,
                registration_sequence=sequence[day.year],
                kind=rng.choice(Kind.values),
                channel=rng.choice(Channel.values),
                received_at=datetime(day.year, day.month, day.day, rng.randrange(8, 18), tzinfo=ULAANBAATAR),
                summary=summary_mn,
                summary_mn=summary_mn,
                summary_en=summary_en,
                status=status,
                # The stored workflow state and the dates the database constraints tie to it.
                state={Status.UNRELATED: State.UNRELATED, Status.RESOLVING: State.IN_PROGRESS}.get(
                    status, State.RESOLVED
                ),
                acknowledged_at=datetime(day.year, day.month, day.day, 18, tzinfo=ULAANBAATAR),
                due_on=day + timedelta(days=40) if status == Status.RESOLVING else None,
                resolved_on=resolved_on,
                working_days_to_resolve=(
                    cumulative[resolved_on] - cumulative[day - timedelta(days=1)] if resolved_on else None
                ),
                actions_taken_mn="Хариу илгээв." if resolved_on else "",
                actions_taken_en="Answer sent." if resolved_on else "",
                response_way=rng.choice(ResponseWay.values) if resolved_on else "",
            )
        )
    for grievance in cases:
        if grievance.status == Status.RESOLVED:
            grievance.satisfaction = rng.choice(
                ["", Satisfaction.RESOLVED, Satisfaction.RESOLVED, Satisfaction.NO_ANSWER]
            )
            grievance.satisfaction_due_on = (
                grievance.resolved_on + timedelta(days=14) if not grievance.satisfaction else None
            )
        elif grievance.status == Status.RESOLVING and rng.random() < 0.2:
            grievance.satisfaction = Satisfaction.NOT_RESOLVED
    Grievance.objects.bulk_create(cases, batch_size=5000)
    generate_history(cases, rng)


def _event(grievance, event_type, moment, **data):
    return GrievanceEvent(
        grievance=grievance, event_type=event_type, created_at=moment, to_status=grievance.status, data=data
    )


def generate_history(cases, rng):
    """Write each case's history entries, dated as they would have happened."""
    events = []
    for grievance in cases:
        received = grievance.received_at
        events += [
            _event(grievance, EventType.REGISTERED, received),
            _event(grievance, EventType.ACKNOWLEDGED, grievance.acknowledged_at),
            _event(grievance, EventType.NOTIFIED, grievance.acknowledged_at),
        ]
        if grievance.status == Status.UNRELATED:
            events.append(_event(grievance, EventType.MARKED_UNRELATED, grievance.acknowledged_at))
            continue
        if rng.random() < 0.15:
            waited = rng.randrange(0, 12)
            events += [
                _event(grievance, EventType.INFORMATION_REQUESTED, received + timedelta(days=1)),
                _event(
                    grievance,
                    EventType.INFORMATION_RECEIVED,
                    received + timedelta(days=2 + waited),
                    waited_working_days=waited,
                ),
            ]
        if grievance.resolved_on:
            resolved_at = datetime.combine(grievance.resolved_on, received.timetz())
            events.append(_event(grievance, EventType.RESOLVED, resolved_at))
        if grievance.satisfaction == Satisfaction.NOT_RESOLVED:
            events.append(_event(grievance, EventType.APPEALED, received + timedelta(days=rng.randrange(3, 40))))
    # Dated as they happened: created_at is auto_now_add, which bulk_create would set to now.
    created_at = GrievanceEvent._meta.get_field("created_at")
    created_at.auto_now_add = False
    try:
        GrievanceEvent.objects.bulk_create(events, batch_size=5000)
    finally:
        created_at.auto_now_add = True


def timed(label, function):
    started = time.perf_counter()
    result = function()
    print(f"{label:<42} {time.perf_counter() - started:7.2f} s", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--keep", action="store_true", help="keep the database and reuse it on the next run")
    parser.add_argument("--profile", metavar="FILE", help="profile one English rendering into FILE")
    parser.add_argument("--no-pdf", action="store_true", help="time the figures only, not the PDFs")
    options = parser.parse_args()
    old_name = connection.settings_dict["NAME"]
    # Not test_<name>: the test suite may be using that one at the same time; not bench_<name> either, which
    # another run (or the load benchmark) may own: a name with this run's pid, or the kept one this script made.
    own = f"bench_report_kept_{old_name}" if options.keep else f"bench_report_{os.getpid()}"
    connection.settings_dict["TEST"]["NAME"] = own
    connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=options.keep)
    try:
        if Grievance.objects.count() != options.cases:
            Grievance.objects.all().delete()
            timed(f"generate {options.cases:,} cases (bulk_create)", lambda: generate(options.cases))
            with connection.cursor() as cursor:
                if connection.vendor == "postgresql":
                    cursor.execute("ANALYZE grievances_grievance")
                    cursor.execute("ANALYZE grievances_grievanceevent")
        start, end = HALF_YEAR
        figures = timed("figures (two aggregate queries)", lambda: grm_period_figures(start=start, end=end))
        data = timed("figures + addressed-cases table", lambda: grm_report_data(start=start, end=end))
        new = figures["new_period"]
        print(
            f"half year {start} – {end}: {new['received']:,} received, "
            f"{len(data['addressed_cases']):,} addressed cases in the table; {new['appealed']:,} appeals, "
            f"satisfaction {new['satisfaction']}, median wait {new['median_working_days_waiting']} working days; "
            f"{GrievanceEvent.objects.count():,} history entries in all"
        )
        if options.no_pdf:
            return
        print(f"load average before the PDFs: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")
        for language in ("mn", "en"):
            timed(
                f"PDF ({language}) alone, in this process",
                lambda language=language: render_grm_report_pdf(start=start, end=end, language=language),
            )
        started = time.perf_counter()
        pdfs = render_grm_report_pdfs(start=start, end=end, languages=["mn", "en"])
        print(
            f"{'both PDFs in parallel (as the report task)':<42} {time.perf_counter() - started:7.2f} s  "
            f"({len(pdfs['mn']):,} and {len(pdfs['en']):,} bytes)"
        )
        if options.profile:
            profile(options.profile, lambda: render_grm_report_pdf(start=start, end=end, language="en"))
    finally:
        if not options.keep:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    print(f"load average (1, 5, 15 min): {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


def profile(path, function):
    profiler = cProfile.Profile()
    profiler.runcall(function)
    profiler.dump_stats(path)
    pstats.Stats(path).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
