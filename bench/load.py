"""Load and fault benchmark of the portal, and the same submission load on django-helpdesk.

Run from the repository root: `bench/load` (see bench/README.md). Everything
listens on 127.0.0.1 only: the portal under gunicorn on its own PostgreSQL
database with a Celery worker on its own Redis, then django-helpdesk in its
own virtualenv on its own database. The load client is a second process
(bench/loadclient.py). During the mixed run one gunicorn worker is killed and
Redis is killed and started again; afterwards every submission a client saw
acknowledged is looked up in the database.
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

import peer  # noqa: E402
import portal  # noqa: E402
import processes  # noqa: E402
import report  # noqa: E402

SCENARIOS = "submission,tracking,documents,admin_list"


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def parse_args():
    parser = argparse.ArgumentParser(description="Load, fault and peer benchmark (loopback only).")
    parser.add_argument("--root", type=Path, default=HERE.parent, help="the checkout to run (default: this one)")
    parser.add_argument("--cases", type=int, default=1_000_000, help="grievance cases in the database")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers, the same for both servers")
    parser.add_argument("--concurrency", type=int, default=16, help="virtual users")
    parser.add_argument("--mixed-seconds", type=float, default=60, help="the mixed run with the faults")
    parser.add_argument("--submit-seconds", type=float, default=30, help="each submission-only run")
    parser.add_argument("--port", type=int, default=8391, help="the portal; the peer gets port+1")
    parser.add_argument("--redis-port", type=int, default=6391)
    parser.add_argument("--pg", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server (loopback)")
    parser.add_argument("--database", default="smartgov_bench")
    parser.add_argument("--fresh", action="store_true", help="rebuild the seeded template database")
    parser.add_argument("--skip-peer", action="store_true")
    parser.add_argument("--clean", action="store_true", help="drop the benchmark's databases and exit")
    return parser.parse_args()


class Bench:
    def __init__(self, args):
        self.args = args
        self.root = args.root.resolve()
        self.var = self.root / "var" / "bench"
        self.procs = processes.Processes(self.var)
        self.admin_dsn = f"{args.pg}/postgres"
        self.secret = secrets.token_urlsafe(32)
        self.password = secrets.token_urlsafe(16)
        self.peer_db = f"{args.database}_helpdesk"
        self.faults = []

    def dsn_of(self, name):
        return f"{self.args.pg}/{name}"

    def portal_env(self):
        redis = f"redis://127.0.0.1:{self.args.redis_port}"
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
            "DATABASE_URL": self.dsn_of(self.args.database),
            "CELERY_BROKER_URL": f"{redis}/0",
            "CACHE_URL": f"{redis}/1",
            "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
            "LOG_LEVEL": "WARNING",
            "MEDIA_ROOT": str(self.var / "media"),
            # Per-address limits would stop one client machine after a few forms: lift them for the run.
            "GRM_SUBMISSION_RATE_LIMIT": "1000000/s",
            "GRM_TRACKING_FAILURE_RATE_LIMIT": "1000000/s",
            "RATELIMIT_ENABLE": "0",
            "AXES_FAILURE_LIMIT": "1000",
            # The outbox flush (periodic task) retries confirmations whose task was lost with Redis.
            "OUTBOX_FLUSH_SECONDS": "5",
        }

    # --- the portal --------------------------------------------------------

    def start_redis(self):
        argv = processes.redis_argv(self.args.redis_port, self.var)
        self.procs.start("redis", argv)
        processes.wait_for(lambda: processes.redis_ping(self.args.redis_port), timeout=10, what="redis")

    def start_portal(self, env):
        root, venv = self.root, self.root / ".venv/bin"
        self.start_redis()
        self.procs.start(
            "celery",
            [
                str(venv / "celery"),
                "-A",
                "smartgov",
                "worker",
                "-B",
                "-s",
                str(self.var / "celerybeat-schedule"),
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
        self.gunicorn("portal", str(venv / "gunicorn"), "smartgov.wsgi:application", self.args.port, env, root)

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
        started = time.monotonic()
        self.procs.stop("redis", signal.SIGKILL, timeout=5)
        self.start_redis()
        downtime = time.monotonic() - started
        self.faults.append(
            f"Redis killed (SIGKILL, nothing persisted) and started again: {downtime * 1000:.0f} ms down"
        )
        log(f"fault: restarted Redis ({downtime * 1000:.0f} ms down)")

    # --- the client --------------------------------------------------------

    def drive(self, name, base, seconds, extra, faults=()):
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
            client.wait(timeout=seconds + 120)
        finally:
            for timer in timers:
                timer.cancel()
            self.procs.running.pop(f"client-{name}", None)
        if client.returncode != 0 or not out.exists():
            tail = (self.var / "logs" / f"client-{name}.log").read_text()[-2000:]
            raise SystemExit(f"load client failed ({client.returncode}):\n{tail}")
        return json.loads(out.read_text())

    # --- the run -----------------------------------------------------------

    def run(self):
        args = self.args
        self.procs.stop_leftovers()
        env = self.portal_env()
        (self.var / "media").mkdir(parents=True, exist_ok=True)
        portal.manage(self.root, env, "compilemessages", "--ignore=.venv", "--ignore=node_modules", "-v", "0")
        cases = portal.prepare_database(
            root=self.root,
            env=env,
            admin_dsn=self.admin_dsn,
            dsn_of=self.dsn_of,
            database=args.database,
            count=args.cases,
            prefix=env.get("GRM_REGISTRATION_PREFIX", "f"),
            password=self.password,
            fresh=args.fresh,
            log=log,
        )
        cases_file = self.var / "cases.json"
        cases_file.write_text(json.dumps(cases))
        base = f"http://127.0.0.1:{args.port}"
        self.start_portal(env)
        processes.wait_for(lambda: processes.http_ok(f"{base}/healthz"), timeout=60, what="the portal")
        common = ["--cases", str(cases_file), "--password", self.password]
        # Submissions only first, on freshly started processes like the peer's, so that the comparison is
        # not charged with the mixed run's aftermath (mail re-sent after the Redis restart, a respawned worker).
        log(f"submissions only for {args.submit_seconds:.0f} s")
        ours = self.drive("submit", base, args.submit_seconds, ["--scenarios", "submission", *common])
        log(f"mixed load for {args.mixed_seconds:.0f} s: {SCENARIOS} (a worker kill and a Redis restart on the way)")
        faults = [
            (3 + args.mixed_seconds / 3, self.kill_one_worker),
            (3 + args.mixed_seconds * 0.6, self.restart_redis),
        ]
        mixed = self.drive("mixed", base, args.mixed_seconds, ["--scenarios", SCENARIOS, *common], faults)
        checks = portal.check_submissions(
            self.dsn_of(args.database), mixed["acks"] + ours["acks"], seeded_max_id=args.cases
        )
        notifications = None
        if portal.outbox_table_exists(self.dsn_of(args.database)):
            notifications = portal.check_notifications(
                self.dsn_of(args.database), list(checks["notify_ids"].values()), wait_seconds=45, log=log
            )
        self.procs.stop_all()
        theirs = None if args.skip_peer else self.run_peer()
        report.print_all(
            mixed=mixed,
            ours=ours,
            theirs=theirs,
            checks=checks,
            notifications=notifications,
            faults=self.faults,
            args=args,
        )

    def run_peer(self):
        log("preparing django-helpdesk 2.6.1 (the peer)")
        gunicorn, env, project = peer.prepare(
            var_dir=self.var, database=self.peer_db, admin_dsn=self.admin_dsn, secret_key=self.secret, log=log
        )
        port = self.args.port + 1
        self.gunicorn("helpdesk", str(gunicorn), "helpdesk_bench.wsgi:application", port, env, project)
        base = f"http://127.0.0.1:{port}"
        processes.wait_for(lambda: processes.http_ok(f"{base}/"), timeout=60, what="django-helpdesk")
        log(f"django-helpdesk: submissions only for {self.args.submit_seconds:.0f} s")
        extra = ["--scenarios", "submission", "--flavour", "helpdesk", "--form-url", "/"]
        theirs = self.drive("helpdesk", base, self.args.submit_seconds, extra)
        theirs["stored"] = peer.count_tickets(self.dsn_of(self.peer_db))
        self.procs.stop_all()
        return theirs

    def cleanup(self):
        self.procs.stop_all()
        for name in (self.args.database, self.peer_db):
            try:
                peer.drop_database(self.admin_dsn, name)
            except Exception as problem:  # noqa: BLE001 - cleanup reports and goes on
                log(f"could not drop {name}: {problem}")


def main():
    args = parse_args()
    bench = Bench(args)
    if args.clean:
        bench.procs.stop_leftovers()
        for name in (args.database, bench.peer_db, f"{args.database}_seed"):
            peer.drop_database(bench.admin_dsn, name)
        log("dropped the benchmark databases")
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
