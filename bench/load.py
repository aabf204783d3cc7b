"""Load and fault benchmark of the portal, alternated with django-helpdesk and a bare view.

Run from the repository root: `bench/load` (see bench/README.md). Everything
listens on 127.0.0.1 only. Three sides run side by side under the same
gunicorn on the same PostgreSQL, each on a database of its own named after
this run's pid: the portal (with its Celery worker on a Redis of its own, on
a spare port, never the machine's 6379), django-helpdesk in its own
virtualenv, and a bare one-INSERT Django view (bench/bare_project). The load
client (bench/loadclient.py, a second process) drives their submission flows
in alternated rounds (A B C, C B A, ...), so that whatever else the machine
does falls on every side alike; each process's CPU is read from /proc
(bench/cpu.py) and reported per submission. Then a mixed run on the portal
kills a gunicorn worker and restarts Redis, and every submission a client saw
acknowledged is looked up in the database, with its confirmation e-mail.
With --compare DIR another checkout of the portal is a fourth side of the same
rounds: a before/after measurement under the same noise.
"""

import argparse
import base64
import json
import os
import secrets
import signal
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bare  # noqa: E402
import cpu  # noqa: E402
import peer  # noqa: E402
import portal  # noqa: E402
import processes  # noqa: E402
import report  # noqa: E402

SCENARIOS = "submission,tracking,documents,admin_list"
SMARTGOV, HELPDESK, BARE = "smartgov", "django-helpdesk", "bare view"
# Databases this benchmark makes: bench_<side>_<pid of the run>, so two runs (or engineers) never share one.
OWN_PREFIXES = ("bench_smartgov_", "bench_helpdesk_", "bench_bare_", "bench_compare_")
TEMPLATE = "bench_smartgov_seed"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description="Load, fault and peer benchmark (loopback only).")
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the checkout to run (default: this one)")
    parser.add_argument("--cases", type=int, default=1_000_000, help="grievance cases in the database")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers, the same for every side")
    parser.add_argument("--concurrency", type=int, default=16, help="virtual users")
    parser.add_argument("--rounds", type=int, default=4, help="alternated rounds of submissions (at least 4)")
    parser.add_argument("--submit-seconds", type=float, default=20, help="each side's submissions in a round")
    parser.add_argument("--mixed-seconds", type=float, default=60, help="the mixed run with the faults")
    parser.add_argument("--port", type=int, default=8391, help="the portal; helpdesk port+1, the bare view port+2")
    parser.add_argument("--redis-port", type=int, default=6391, help="the portal's own Redis (next free one)")
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server (loopback)")
    parser.add_argument("--database", default=f"bench_smartgov_{os.getpid()}", help="the portal's database")
    parser.add_argument("--template", default=TEMPLATE, help="the seeded database kept between runs")
    parser.add_argument("--fresh", action="store_true", help="rebuild the seeded template database")
    parser.add_argument("--skip-peer", action="store_true", help="no django-helpdesk side")
    parser.add_argument("--skip-bare", action="store_true", help="no bare-view side")
    parser.add_argument("--skip-mixed", action="store_true", help="no mixed run (and so no fault checks)")
    parser.add_argument(
        "--compare", type=Path, metavar="DIR", help="another checkout of the portal as a fourth side (before/after)"
    )
    parser.add_argument("--compare-label", default="before", help="its name in the tables (smartgov <label>)")
    parser.add_argument("--quick", action="store_true", help="a short try: 10,000 cases, 8 s rounds, 20 s mixed")
    parser.add_argument("--clean", action="store_true", help="drop the benchmark's databases and exit")
    args = parser.parse_args(argv)
    if args.quick:
        args.cases, args.submit_seconds, args.mixed_seconds = 10_000, 8, 20
        if args.template == TEMPLATE:
            args.template = f"{TEMPLATE}_quick"
    return args


def free_port(port):
    """`port` or the next one nothing listens on; never Redis's usual 6379, which others use."""
    while port == 6379 or processes.port_open(port):
        port += 1
    return port


class Bench:
    def __init__(self, args):
        self.args = args
        self.root = args.root.resolve()
        self.var = self.root / "var" / "bench"
        self.procs = processes.Processes(self.var)
        self.admin_dsn = f"{args.pg}/postgres"
        self.secret = secrets.token_urlsafe(32)
        self.password = secrets.token_urlsafe(16)
        self.peer_db = f"bench_helpdesk_{os.getpid()}"
        self.bare_db = f"bench_bare_{os.getpid()}"
        self.redis_port = free_port(args.redis_port)
        self.compare_db = f"bench_compare_{os.getpid()}"
        self.compare_redis_port = free_port(self.redis_port + 1) if args.compare else None
        self.compare_name = f"{SMARTGOV} {args.compare_label}"
        self.faults = []
        self.made = []  # databases this run created, the only ones it drops

    def dsn_of(self, name):
        return f"{self.args.pg}/{name}"

    def portal_env(self, database=None, redis_port=None):
        redis = f"redis://127.0.0.1:{redis_port or self.redis_port}"
        return {
            **peer.minimal_env(),
            "DJANGO_SETTINGS_MODULE": "smartgov.settings",
            "DEBUG": "0",
            "SECRET_KEY": self.secret,
            "ALLOWED_HOSTS": "127.0.0.1",
            # Plain HTTP on loopback: no redirect to HTTPS, no HSTS; cookies stay Secure (the client ignores it).
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_HSTS_SECONDS": "0",
            "STAFF_REQUIRE_2FA": "0",
            # Keys for complainants' encrypted contact fields, new for each run (seeded cases have none).
            "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
            "BLIND_INDEX_KEY": secrets.token_urlsafe(32),
            "DATABASE_URL": self.dsn_of(database or self.args.database),
            "CELERY_BROKER_URL": f"{redis}/0",
            "CACHE_URL": f"{redis}/1",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(self.var / "media"),
            # Per-address limits would stop one client machine after a few forms: lifted, still counted.
            "GRM_SUBMISSION_RATE_LIMIT": "1000000/s",
            "GRM_TRACKING_FAILURE_RATE_LIMIT": "1000000/s",
            "AXES_FAILURE_LIMIT": "1000",
            # The outbox flush (periodic task) retries confirmations whose task was lost with Redis.
            "OUTBOX_FLUSH_SECONDS": "5",
        }

    # --- the servers ---------------------------------------------------------

    def start_redis(self, name="redis", port=None):
        port = port or self.redis_port
        workdir = self.var / name
        workdir.mkdir(parents=True, exist_ok=True)
        self.procs.start(name, processes.redis_argv(port, workdir))
        processes.wait_for(lambda: processes.redis_ping(port), timeout=10, what=name)

    def start_portal(self, env, *, suffix="", root=None, port=None, redis_port=None):
        """Redis, the Celery worker and gunicorn of one checkout (this one, or --compare's with a suffix)."""
        root = root or self.root
        venv = root / ".venv/bin"
        self.start_redis(f"redis{suffix}", redis_port)
        self.procs.start(
            f"celery{suffix}",
            [
                str(venv / "celery"),
                "-A",
                "smartgov",
                "worker",
                "-B",
                "-s",
                str(self.var / f"celerybeat-schedule{suffix}"),
                "--concurrency",
                "1",
                "--loglevel",
                "WARNING",
                "--without-gossip",
                "--without-mingle",
            ],
            env=env,
            cwd=root,
        )
        port = port or self.args.port
        self.gunicorn(f"portal{suffix}", str(venv / "gunicorn"), "smartgov.wsgi:application", port, env, root)

    def gunicorn(self, name, binary, app, port, env, cwd):
        if processes.port_open(port):
            raise SystemExit(f"port {port} is already in use on 127.0.0.1")
        self.procs.start(
            name,
            [
                binary,
                app,
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(self.args.workers),
                "--timeout",
                "30",
                "--graceful-timeout",
                "5",
                "--log-level",
                "warning",
            ],
            env=env,
            cwd=cwd,
        )

    def start_peer(self):
        log("preparing django-helpdesk 2.6.1 (the peer)")
        gunicorn, env, project = peer.prepare(
            var_dir=self.var, database=self.peer_db, admin_dsn=self.admin_dsn, secret_key=self.secret, log=log
        )
        self.made.append(self.peer_db)
        self.gunicorn("helpdesk", str(gunicorn), "helpdesk_bench.wsgi:application", self.args.port + 1, env, project)

    def start_bare(self):
        gunicorn, env, project = bare.prepare(
            root=self.root,
            var_dir=self.var,
            database=self.bare_db,
            admin_dsn=self.admin_dsn,
            secret_key=self.secret,
            log=log,
        )
        self.made.append(self.bare_db)
        self.gunicorn("bare", str(gunicorn), "bare_bench.wsgi:application", self.args.port + 2, env, project)

    def kill_one_worker(self):
        master = self.procs.running["portal"].pid
        workers = processes.children_of(master)
        if not workers:
            self.faults.append("no gunicorn worker found to kill")
            return
        os.kill(workers[0], signal.SIGKILL)
        self.faults.append(f"SIGKILL to gunicorn worker {workers[0]} (master {master} keeps running)")
        log(f"fault: killed gunicorn worker {workers[0]}")

    def restart_redis(self):
        """Kill the benchmark's own Redis (its recorded pid, on its own port) and start it again."""
        started = time.monotonic()
        self.procs.stop("redis", signal.SIGKILL, timeout=5)
        self.start_redis()
        downtime = time.monotonic() - started
        self.faults.append(
            f"Redis on port {self.redis_port} killed (SIGKILL, nothing persisted) and started again: "
            f"{downtime * 1000:.0f} ms down"
        )
        log(f"fault: restarted Redis ({downtime * 1000:.0f} ms down)")

    # --- the sides -----------------------------------------------------------

    def sides(self):
        """Each side: its base URL, the client's options, and its processes by role (bench/cpu.py)."""

        def tree_of(name):
            return lambda: cpu.tree(self.procs.running[name].pid) if name in self.procs.running else []

        found = {
            SMARTGOV: {
                "base": f"http://127.0.0.1:{self.args.port}",
                "extra": [],
                "database": self.args.database,
                "outbox": True,
                "roles": {
                    "web workers": tree_of("portal"),
                    "Celery worker": tree_of("celery"),
                    "Redis": tree_of("redis"),
                },
            }
        }
        if self.args.compare:
            found[self.compare_name] = {
                "base": f"http://127.0.0.1:{self.args.port + 3}",
                "extra": [],
                "database": self.compare_db,
                "outbox": True,
                "roles": {
                    "web workers": tree_of("portal-compare"),
                    "Celery worker": tree_of("celery-compare"),
                    "Redis": tree_of("redis-compare"),
                },
            }
        if not self.args.skip_peer:
            found[HELPDESK] = {
                "base": f"http://127.0.0.1:{self.args.port + 1}",
                "extra": ["--flavour", "helpdesk", "--form-url", "/"],
                "database": self.peer_db,
                "roles": {"web workers": tree_of("helpdesk")},
            }
        if not self.args.skip_bare:
            found[BARE] = {
                "base": f"http://127.0.0.1:{self.args.port + 2}",
                "extra": ["--flavour", "bare", "--form-url", "/"],
                "database": self.bare_db,
                "roles": {"web workers": tree_of("bare")},
            }
        return found

    # --- the client ----------------------------------------------------------

    def drive(self, name, base, seconds, extra, faults=(), warmup=3.0):
        """Run the load client as a second process; fire the faults at their times; return its results."""
        out = self.var / f"result-{name}.json"
        out.unlink(missing_ok=True)
        argv = [
            str(self.root / ".venv/bin/python"),
            str(HERE / "loadclient.py"),
            "--base",
            base,
            "--duration",
            str(seconds),
            "--warmup",
            str(warmup),
            "--concurrency",
            str(self.args.concurrency),
            "--out",
            str(out),
            *extra,
        ]
        client = self.procs.start(f"client-{name}", argv, env=peer.minimal_env())
        timers = [threading.Timer(at, fault) for at, fault in faults]
        for timer in timers:
            timer.start()
        try:
            client.wait(timeout=seconds + warmup + 120)
        finally:
            for timer in timers:
                timer.cancel()
            self.procs.running.pop(f"client-{name}", None)
        if client.returncode != 0 or not out.exists():
            tail = (self.var / "logs" / f"client-{name}.log").read_text()[-2000:]
            raise SystemExit(f"load client failed ({client.returncode}):\n{tail}")
        return json.loads(out.read_text())

    def measured_round(self, number, name, side):
        """One side's submissions with its processes' CPU read from /proc; the portal's mail is waited for."""
        roles = {(name, role): pids for role, pids in side["roles"].items()}
        window = cpu.Window(roles=roles, databases={side["database"]: name}, admin_dsn=self.admin_dsn).start()
        load_before = os.getloadavg()[0]
        result = self.drive(
            f"round{number}-{name.replace(' ', '-')}",
            side["base"],
            self.args.submit_seconds,
            ["--scenarios", "submission"] + side["extra"] + self.common,
        )
        if side.get("outbox"):
            # The worker's share of these submissions: the confirmations they queued, sent before the window closes.
            portal.wait_for_outbox(self.dsn_of(side["database"]), wait_seconds=30)
        spent = window.stop()
        spent[(name, "load client")] = result["cpu_seconds"]
        row = report.figures(result, "submission") or {}
        submissions = result["scenarios"]["submission"]
        return {
            "round": number,
            "side": name,
            "rate": row.get("rate", 0.0),
            "p50": row.get("p50"),
            "p95": row.get("p95"),
            "errors": row.get("errors", 0),
            "samples": row.get("samples", []),
            "completed": submissions["completed"],
            # The client counts requests of the flows started after the warm-up, those that failed too.
            "requests": submissions["requests"],
            "counted": len(submissions["latencies"]) + submissions["errors"],
            "cpu": {role: seconds for (_side, role), seconds in spent.items()},
            "busy": window.busy,
            "seconds": window.seconds,
            "load": (load_before, os.getloadavg()[0]),
            "acks": result["acks"],
        }

    # --- the run -------------------------------------------------------------

    def run(self):
        args = self.args
        self.procs.stop_leftovers()
        env = self.portal_env()
        (self.var / "media").mkdir(parents=True, exist_ok=True)
        portal.manage(self.root, env, "compilemessages", "--ignore=.venv", "--ignore=node_modules", "-v", "0")
        # As a deployment does: WhiteNoise serves the collected files and the manifest names them.
        portal.manage(self.root, env, "collectstatic", "--noinput", "-v", "0")
        self.made.append(args.database)
        cases = portal.prepare_database(
            root=self.root,
            env=env,
            admin_dsn=self.admin_dsn,
            dsn_of=self.dsn_of,
            database=args.database,
            template=args.template,
            count=args.cases,
            prefix=env.get("GRM_REGISTRATION_PREFIX", "f"),
            password=self.password,
            fresh=args.fresh,
            log=log,
        )
        cases_file = self.var / f"cases-{os.getpid()}.json"
        cases_file.write_text(json.dumps(cases))
        self.common = ["--cases", str(cases_file), "--password", self.password]
        self.start_portal(env)
        if args.compare:
            self.start_compare(cases)
        if not args.skip_peer:
            self.start_peer()
        if not args.skip_bare:
            self.start_bare()
        sides = self.sides()
        for name, side in sides.items():
            url = side["base"] + ("/healthz" if side.get("outbox") else "/")
            processes.wait_for(lambda url=url: processes.http_ok(url), timeout=60, what=name)
        for name, side in sides.items():
            log(f"warming up {name} (5 s, not measured)")
            self.drive(
                f"warmup-{name.replace(' ', '-')}",
                side["base"],
                5,
                ["--scenarios", "submission"] + side["extra"] + self.common,
                warmup=0,
            )
        rounds = []
        order = list(sides)
        for number in range(1, args.rounds + 1):
            for name in order if number % 2 else reversed(order):
                log(f"round {number}: {name}, submissions for {args.submit_seconds:.0f} s")
                rounds.append(self.measured_round(number, name, sides[name]))
                last = rounds[-1]
                log(
                    f"  {last['rate']:.1f}/s, p95 {report.ms(last['p95'])} ms, "
                    f"{report.cpu_per_submission(last) * 1000:.1f} ms CPU a submission, load {last['load'][1]:.2f}"
                )
        mixed = checks = notifications = None
        if not args.skip_mixed:
            mixed, checks, notifications = self.mixed_run(sides[SMARTGOV]["base"], rounds, cases)
        report.print_all(
            rounds=rounds, mixed=mixed, checks=checks, notifications=notifications, faults=self.faults, args=args
        )

    def start_compare(self, cases):
        """The --compare checkout on a clone of the same template, its own Redis, worker and port."""
        root = self.args.compare.resolve()
        env = self.portal_env(database=self.compare_db, redis_port=self.compare_redis_port)
        env["MEDIA_ROOT"] = str(self.var / "media-compare")
        portal.manage(root, env, "compilemessages", "--ignore=.venv", "--ignore=node_modules", "-v", "0")
        portal.manage(root, env, "collectstatic", "--noinput", "-v", "0")
        self.made.append(self.compare_db)
        log(f"cloning the template into {self.compare_db} for {root}")
        peer.recreate_database(self.admin_dsn, self.compare_db, template=self.args.template)
        portal.manage(root, env, "migrate", "--noinput", "-v", "0")
        self.start_portal(
            env, suffix="-compare", root=root, port=self.args.port + 3, redis_port=self.compare_redis_port
        )

    def mixed_run(self, base, rounds, cases):
        args = self.args
        log(f"mixed load for {args.mixed_seconds:.0f} s: {SCENARIOS} (a worker kill and a Redis restart on the way)")
        faults = [
            (3 + args.mixed_seconds / 3, self.kill_one_worker),
            (3 + args.mixed_seconds * 0.6, self.restart_redis),
        ]
        mixed = self.drive("mixed", base, args.mixed_seconds, ["--scenarios", SCENARIOS, *self.common], faults)
        acks = mixed["acks"] + [ack for row in rounds if row["side"] == SMARTGOV for ack in row["acks"]]
        checks = portal.check_submissions(self.dsn_of(args.database), acks, seeded_max_id=args.cases)
        notifications = None
        if portal.outbox_table_exists(self.dsn_of(args.database)):
            notifications = portal.check_notifications(
                self.dsn_of(args.database), list(checks["notify_ids"].values()), wait_seconds=45, log=log
            )
        return mixed, checks, notifications

    def cleanup(self):
        self.procs.stop_all()
        for name in self.made:
            try:
                peer.drop_database(self.admin_dsn, name)
            except Exception as problem:  # noqa: BLE001 - cleanup reports and goes on
                log(f"could not drop {name}: {problem}")


def leftover_databases(admin_dsn):
    """This benchmark's databases whose run (the pid in the name) no longer runs."""
    names = [row[0] for row in peer.admin_query(admin_dsn, "SELECT datname FROM pg_database")]
    left = []
    for name in names:
        prefix = next((p for p in OWN_PREFIXES if name.startswith(p)), None)
        pid = name[len(prefix) :] if prefix else ""
        if pid.isdigit() and not Path(f"/proc/{pid}").exists():
            left.append(name)
    return left


def main():
    args = parse_args()
    if args.rounds < 1:
        raise SystemExit("--rounds must be at least 1 (4 or more for a measurement)")
    bench = Bench(args)
    if args.clean:
        bench.procs.stop_leftovers()
        for name in [*leftover_databases(bench.admin_dsn), TEMPLATE, f"{TEMPLATE}_quick"]:
            peer.drop_database(bench.admin_dsn, name)
            log(f"dropped {name} (if it existed)")
        return
    started = time.monotonic()

    def interrupted(signum, _frame):
        raise SystemExit(f"stopped by signal {signum}")

    signal.signal(signal.SIGTERM, interrupted)
    signal.signal(signal.SIGHUP, interrupted)
    try:
        bench.run()
    finally:
        bench.cleanup()
        log(f"done in {time.monotonic() - started:.0f} s; logs in {bench.var / 'logs'}")


if __name__ == "__main__":
    main()
