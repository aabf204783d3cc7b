"""CPU time of the benchmark's processes, read from /proc, by side and by role.

A side (smartgov, django-helpdesk, the bare view) is a set of roles (web
workers, PostgreSQL, the load client, the Celery worker, Redis), each a set of
processes found afresh at every sample: a process tree under a recorded pid,
or PostgreSQL's backends serving the side's database (pg_stat_activity). The
sampler reads utime + stime of each process twice a second; a process's CPU
in the window is its last reading minus its reading when the window opened (0
for a process started inside the window, e.g. a respawned worker or a new
database connection). A backend that ends between two samples loses at most
half a second of its time: the servers keep their connections open
(CONN_MAX_AGE), so that is rare. The machine's busy time (/proc/stat) is read
too, so a report can say what share of it the measured processes held.
"""

import os
import threading
import time
from pathlib import Path

import psycopg2

TICK = os.sysconf("SC_CLK_TCK")
# The benchmark's own look-ups into a side's database name themselves so, and are not counted as the side's.
PROBE = "bench-probe"


def process_cpu(pid):
    """(utime + stime, start time), both in clock ticks, or None when the process is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    # After the command: state is field 3, so utime (14), stime (15) and starttime (22) sit at 11, 12 and 19.
    return int(fields[11]) + int(fields[12]), int(fields[19])


def tree(pid):
    """`pid` and all its descendants (gunicorn's master and workers, Celery and its pool)."""
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def machine_busy():
    """Busy clock ticks of the whole machine (all cores): everything but idle and iowait."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(values) - values[3] - values[4]


def boot_ticks_now():
    return float(Path("/proc/uptime").read_text().split()[0]) * TICK


class PostgresBackends:
    """Pids of PostgreSQL's backends connected to given databases (the sampler's own excluded)."""

    def __init__(self, admin_dsn):
        self.connection = psycopg2.connect(admin_dsn, application_name=PROBE)
        self.connection.autocommit = True

    def pids(self, databases):
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT datname, pid FROM pg_stat_activity WHERE datname = ANY(%s) AND pid <> pg_backend_pid() "
                "AND application_name <> %s",
                [list(databases), PROBE],
            )
            return cursor.fetchall()

    def close(self):
        self.connection.close()


class Window:
    """CPU of every role of the watched sides between start() and stop(), sampled in a thread.

    `roles` maps (side, role) to a callable returning the pids to watch now;
    `databases` maps a database name to its side (its backends are that side's
    "PostgreSQL" role).
    """

    def __init__(self, *, roles, databases, admin_dsn, interval=0.5):
        self.roles, self.databases, self.interval = roles, databases, interval
        self.backends = PostgresBackends(admin_dsn)
        self.first, self.last, self.owner = {}, {}, {}
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self):
        found = []
        for key, pids_of in self.roles.items():
            try:
                pids = pids_of()
            except Exception:  # noqa: BLE001 - a process between restarts: sampled next time
                pids = []
            found.extend((key, pid) for pid in pids)
        for database, pid in self.backends.pids(self.databases):
            found.append(((self.databases[database], "PostgreSQL"), pid))
        for key, pid in found:
            reading = process_cpu(pid)
            if reading is None:
                continue
            cpu, started = reading
            if pid not in self.first:
                # Started inside the window: all of its CPU is the window's.
                self.first[pid] = 0 if started > self.opened_ticks else cpu
                self.owner[pid] = key
            self.last[pid] = cpu

    def _run(self):
        while not self.stopping.wait(self.interval):
            self._sample()

    def start(self):
        self.opened_ticks = boot_ticks_now()
        self.busy_start = machine_busy()
        self.started = time.monotonic()
        self._sample()
        self.thread.start()
        return self

    def stop(self):
        self.stopping.set()
        self.thread.join()
        self._sample()
        self.busy = (machine_busy() - self.busy_start) / TICK
        self.seconds = time.monotonic() - self.started
        self.backends.close()
        spent = {}
        for pid, key in self.owner.items():
            spent[key] = spent.get(key, 0.0) + (self.last[pid] - self.first[pid]) / TICK
        return spent
