"""scripts/prod-smoke: the processes of docker-compose.yml on this machine, driven and checked.

Started exactly as compose starts them, with compose's commands and
environment read from the file (deploy/smoke/compose.py), the differences
being those between containers and processes on one machine: service names
become 127.0.0.1 and a free port, container folders become temporary ones,
each web replica binds its own port, and each process of an app service
runs in its own UTS namespace (`unshare --uts`) with the host name a
container would have, so the two workers are two Celery nodes. A supervisor
thread per process restarts it when it exits (compose's `restart:
unless-stopped`). PostgreSQL is the machine's (a database of the run's own,
dropped at the end); Redis is a redis-server of the run's own on a free port
(never the machine's 6379). nginx is Debian's, with the repository's
deploy/nginx.conf, a throw-away certificate, and two upstream servers.

Then: `check --deploy`, every health check, a bounded load of submissions
and look-ups through nginx during which one gunicorn instance and one worker
are killed (SIGKILL) and Redis is restarted, then the figures, the health
checks again and the rate-limit buckets. Exits 1 when an acceptance figure fails.
"""

import argparse
import base64
import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psycopg2

from . import compose
from .client import Citizen, Stats
from .sinks import SmsSink, SmtpSink

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
SITE = "grm.example.mn"
# The image's processes run as the user smartgov (compose's `user:`). Here they keep the caller's user: on the
# development machines and CI the interpreter lives under /root, which no other user may enter.
AS_APP_USER: list[str] = []


def log(text):
    print(f"[prod-smoke {time.strftime('%H:%M:%S')}] {text}", flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, *, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return True
        time.sleep(0.3)
    raise RuntimeError(f"timed out after {timeout} s waiting for {what}")


class Supervised:
    """One process kept running like a container with `restart: unless-stopped`."""

    def __init__(self, name, argv, *, env, logs, restart=True):
        self.name, self.argv, self.env, self.restart = name, argv, env, restart
        self.log = open(logs / f"{name}.log", "ab")  # noqa: SIM115 - open while the process runs
        self.stopping = False
        self.starts = 0
        self.process = None
        self._lock = threading.Lock()
        self._start()
        if restart:
            threading.Thread(target=self._watch, daemon=True).start()

    def _start(self):
        with self._lock:
            self.starts += 1
            self.process = subprocess.Popen(
                self.argv,
                env=self.env,
                cwd=ROOT,
                stdout=self.log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def _watch(self):
        while not self.stopping:
            if self.process.poll() is not None and not self.stopping:
                time.sleep(1)  # Docker waits a moment too before restarting a container
                if not self.stopping:
                    self._start()
            time.sleep(0.2)

    @property
    def pid(self):
        return self.process.pid

    def kill(self):
        """SIGKILL the whole process group, as `docker kill` ends a container; the supervisor restarts it."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)

    def stop(self, timeout=20):
        self.stopping = True
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        self.log.close()


class Smoke:
    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="smartgov-prodsmoke-"))
        self.tmp.chmod(0o755)
        self.logs = self.tmp / "logs"
        self.logs.mkdir()
        self.running: list[Supervised] = []
        self.failures: list[str] = []
        self.database = args.database
        self.admin_dsn = f"{args.pg}/postgres"
        self.dsn = f"{args.pg}/{self.database}"
        self.redis_port = free_port()
        self.https_port, self.http_port = free_port(), free_port()
        self.web_ports = [free_port() for _ in range(2)]
        self.smtp, self.sms = SmtpSink(), SmsSink()
        self.database_created = False

    # --- what compose would read: the .env file and the shell's variables ------------------

    def write_env_file(self):
        values = {
            "SECRET_KEY": secrets.token_urlsafe(48),
            "FIELD_ENCRYPTION_KEYS": base64.urlsafe_b64encode(os.urandom(32)).decode(),
            "BLIND_INDEX_KEY": secrets.token_urlsafe(32),
            "POSTGRES_USER": "postgres",
            "POSTGRES_DB": self.database,
            "POSTGRES_PASSWORD": secrets.token_urlsafe(12) + "@/%",  # characters a URL would need quoted
            "ALLOWED_HOSTS": SITE,
            "PUBLIC_BASE_URL": f"https://{SITE}",
            "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(self.smtp.port),
            "SMS_BACKEND": "smartgov.sms.backends.HttpBackend",
            "SMS_GATEWAY_URL": f"http://127.0.0.1:{self.sms.port}/send",
            "WEB_WORKERS": "2",
            "LOG_LEVEL": "INFO",
        }
        path = self.tmp / ".env"
        path.write_text("".join(f"{key}={value}\n" for key, value in values.items()))
        return path

    def load_compose(self):
        env_file = compose.read_env_file(self.write_env_file())
        self.compose = compose.load(ROOT / "docker-compose.yml", env_file)
        self.env_file = env_file
        self.paths = {
            "/data/media": self.tmp / "media",
            "/var/lib/smartgov/beat": self.tmp / "beat",
        }
        for folder in self.paths.values():
            folder.mkdir()
        self.base_addresses = {("db", 5432): ("127.0.0.1", 5432), ("redis", 6379): ("127.0.0.1", self.redis_port)}

    def service_env(self, service, hostname, addresses=None):
        """The container's environment for a process here: compose's values, relocated, plus PATH and HOME."""
        addresses = {**self.base_addresses, **(addresses or {})}
        values = compose.service_environment(self.compose, service, self.env_file)
        env = {key: compose.relocate(value, addresses, self.paths) for key, value in values.items()}
        return {
            **env,
            # What the image has that this machine's process needs said: its PATH, a home, a locale, a host name,
            # and where the image keeps its collected static files.
            "PATH": f"{VENV_BIN}:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin",
            "HOME": str(self.tmp),
            "LANG": "C.UTF-8",
            "HOSTNAME": hostname,
            "STATIC_ROOT": str(self.tmp / "static"),
        }

    def command(self, service, addresses=None):
        addresses = {**self.base_addresses, **(addresses or {})}
        argv = compose.service_command(self.compose, service)
        return [compose.relocate(part, addresses, self.paths) for part in argv]

    @staticmethod
    def in_container(hostname, argv):
        """Run argv in a UTS namespace of its own whose host name is `hostname`, as a container's process."""
        return ["unshare", "--uts", "sh", "-c", 'hostname "$0" && exec "$@"', hostname, *AS_APP_USER, *argv]

    # --- starting ------------------------------------------------------------------------------

    def start(self, name, argv, env, restart=True):
        process = Supervised(name, argv, env=env, logs=self.logs, restart=restart)
        self.running.append(process)
        return process

    def create_database(self):
        connection = psycopg2.connect(self.admin_dsn)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{self.database}"')
        connection.close()
        self.database_created = True

    def drop_database(self):
        if not self.database_created:
            return
        connection = psycopg2.connect(self.admin_dsn)
        connection.autocommit = True
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        connection.close()

    def redis_argv(self):
        argv = compose.service_command(self.compose, "redis")
        return [*argv, "--port", str(self.redis_port), "--bind", "127.0.0.1", "--dir", str(self.tmp), "--save", ""]

    def start_redis(self):
        self.redis = self.start("redis", self.redis_argv(), {"PATH": "/usr/bin:/bin"}, restart=False)
        wait_for(lambda: self.run_health("redis")[0], timeout=15, what="redis")

    def restart_redis(self):
        """Stop the run's Redis (SIGTERM: it writes its append-only file) and start it again on the same port."""
        self.redis.stop()
        self.running.remove(self.redis)
        time.sleep(1)
        self.start_redis()

    def make_certificate(self):
        subprocess.run(
            [
                "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", f"/CN={SITE}",
                "-keyout", str(self.tmp / "privkey.pem"), "-out", str(self.tmp / "fullchain.pem"),
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip

    def nginx_config(self):
        """deploy/nginx.conf with this machine's addresses, inside a main configuration of the run's own."""
        site = (ROOT / "deploy" / "nginx.conf").read_text()
        upstreams = "".join(f"server 127.0.0.1:{port};\n    " for port in self.web_ports).rstrip()
        replacements = {
            "server web:8000;": upstreams,
            "listen 80;": f"listen 127.0.0.1:{self.http_port};",
            "listen 443 ssl;": f"listen 127.0.0.1:{self.https_port} ssl;",
            "/etc/nginx/tls/": f"{self.tmp}/",
        }
        for old, new in replacements.items():
            if old not in site:
                raise RuntimeError(f"deploy/nginx.conf no longer contains {old!r}: update scripts/prod-smoke")
            site = site.replace(old, new)
        (self.tmp / "site.conf").write_text(site)
        main = f"""
daemon off;
worker_processes 2;
pid {self.tmp}/nginx.pid;
error_log {self.logs}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    access_log {self.logs}/nginx-access.log;
    client_body_temp_path {self.tmp}/nginx-body;
    proxy_temp_path {self.tmp}/nginx-proxy;
    fastcgi_temp_path {self.tmp}/nginx-fastcgi;
    uwsgi_temp_path {self.tmp}/nginx-uwsgi;
    scgi_temp_path {self.tmp}/nginx-scgi;
    include {self.tmp}/site.conf;
}}
"""
        (self.tmp / "nginx.conf").write_text(main)
        subprocess.run(["nginx", "-t", "-q", "-c", str(self.tmp / "nginx.conf")], check=True)

    def run_build_steps(self, env):
        """What deploy/Dockerfile runs after copying the code: compile translations, collect static files."""
        manage = [str(VENV_BIN / "python"), "manage.py"]
        subprocess.run([*manage, "compilemessages", "--ignore=.venv", "--ignore=node_modules", "-v", "0"],
                       cwd=ROOT, env=env, check=True)  # fmt: skip
        subprocess.run([*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)

    def start_all(self):
        self.create_database()
        self.start_redis()
        migrate_env = self.service_env("migrate", "migrate")
        log("build steps of the image: compilemessages, collectstatic (manifest storage)")
        self.run_build_steps(migrate_env)
        log("migrate service: " + " ".join(self.command("migrate")))
        done = subprocess.run(self.command("migrate"), cwd=ROOT, env=migrate_env, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"migrate failed:\n{done.stdout}\n{done.stderr}")
        self.web = []
        for index, port in enumerate(self.web_ports, start=1):
            # gunicorn's --bind 0.0.0.0:8000 and the health check's 127.0.0.1:8000 become this instance's port.
            addresses = {("0.0.0.0", 8000): ("127.0.0.1", port), ("127.0.0.1", 8000): ("127.0.0.1", port)}  # noqa: S104
            name = f"web-{index}"
            argv = self.command("web", addresses)
            self.web.append(self.start(name, self.in_container(name, argv), self.service_env("web", name, addresses)))
            self.web[-1].addresses = addresses
        log("web: " + " ".join(self.command("web")) + f" (x2, ports {self.web_ports})")
        self.workers = []
        for index in (1, 2):
            name = f"worker-{index}"
            argv = self.in_container(name, self.command("worker"))
            self.workers.append(self.start(name, argv, self.service_env("worker", name)))
        log("worker: " + " ".join(self.command("worker")) + " (x2)")
        beat_argv = self.in_container("beat", self.command("beat"))
        self.beat = self.start("beat", beat_argv, self.service_env("beat", "beat"))
        log("beat: " + " ".join(self.command("beat")))
        self.make_certificate()
        self.nginx_config()
        self.start("nginx", ["nginx", "-c", str(self.tmp / "nginx.conf")], {"PATH": "/usr/sbin:/usr/bin:/bin"})
        log(f"nginx: https://127.0.0.1:{self.https_port}/ -> gunicorn on {self.web_ports}")

    # --- health checks -----------------------------------------------------------------------

    def run_health(self, service, process=None):
        """Run the compose health check of `service` as it would run in that process's container."""
        argv = compose.healthcheck_argv(self.compose, service)
        if service == "redis":
            argv, env = [*argv, "-p", str(self.redis_port)], {"PATH": "/usr/bin:/bin"}
        elif service == "db":
            env = {**compose.service_environment(self.compose, "db", {}), "PATH": "/usr/bin:/bin"}
            env |= {"PGHOST": "127.0.0.1", "PGPORT": "5432"}
        else:
            addresses = getattr(process, "addresses", None)
            argv = [compose.relocate(part, {**self.base_addresses, **(addresses or {})}, self.paths) for part in argv]
            argv = [*AS_APP_USER, *argv]  # as the container's user
            env = self.service_env(service, process.name, addresses)
        done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
        return done.returncode == 0, (done.stdout + done.stderr).strip()[-300:]

    def all_health_checks(self, when):
        targets = [("db", None), ("redis", None)]
        targets += [("web", p) for p in self.web] + [("worker", p) for p in self.workers] + [("beat", self.beat)]
        for service, process in targets:
            label = process.name if process else service
            try:
                wait_for(lambda s=service, p=process: self.run_health(s, p)[0], timeout=60, what=f"{label} healthy")
                log(f"health check {label} ({when}): ok")
            except RuntimeError:
                ok, output = self.run_health(service, process)
                self.fail(f"health check {label} ({when}) failed: {output}")

    def check_deploy(self):
        env = self.service_env("web", "web-1", self.web[0].addresses)
        done = subprocess.run(
            [str(VENV_BIN / "python"), "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        if done.returncode:
            self.fail(f"check --deploy: {done.stdout}{done.stderr}")
        else:
            log("check --deploy: " + done.stdout.strip().splitlines()[-1])

    def fail(self, text):
        self.failures.append(text)
        log("FAIL " + text)

    # --- the load and the faults ---------------------------------------------------------------

    def citizen(self, source, stats, **kwargs):
        return Citizen(port=self.https_port, host=SITE, source=source, stats=stats, **kwargs)

    def load(self):
        stats, run = Stats(), uuid.uuid4().hex[:6]
        total = self.args.clients * self.args.submissions
        confirmed, tracked = [], Counter()
        lock, progress = threading.Lock(), [0]
        faults = {
            int(total * 0.25): ("kill gunicorn web-1", self.web[0].kill),
            int(total * 0.45): ("kill worker worker-1", self.workers[0].kill),
            int(total * 0.65): ("restart redis", self.restart_redis),
        }
        fault_threads = []

        def one_client(index):
            citizen = self.citizen(f"127.0.1.{index + 1}", stats)
            for n in range(self.args.submissions):
                marker = f"smoke-{run}-{index}-{n}"
                ack = citizen.submit(marker)
                with lock:
                    progress[0] += 1
                    fault = faults.pop(progress[0], None)
                if fault:
                    log(f"fault at submission {progress[0]} of {total}: {fault[0]}")
                    thread = threading.Thread(target=fault[1])
                    thread.start()
                    fault_threads.append(thread)
                if ack is None:
                    continue
                with lock:
                    confirmed.append((marker, *ack))
                status, body = citizen.track(*ack)
                tracked["found" if status == 200 and ack[0] in body else f"not found ({status})"] += 1

        started = time.monotonic()
        with ThreadPoolExecutor(self.args.clients) as pool:
            list(pool.map(one_client, range(self.args.clients)))
        for thread in fault_threads:
            thread.join()
        return {"stats": stats, "confirmed": confirmed, "tracked": tracked, "seconds": time.monotonic() - started,
                "total": total, "run": run}  # fmt: skip

    def query(self, sql, params=()):
        connection = psycopg2.connect(self.dsn)
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
                return cursor.fetchall()
        finally:
            connection.close()

    def wait_for_outbox(self, timeout=120):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pending = self.query("SELECT count(*) FROM smartgov_outboxmessage WHERE status = 'pending'")[0][0]
            if pending == 0:
                return 0
            time.sleep(1)
        return pending

    def rate_limit_buckets(self):
        """Tracking failures (GRM_TRACKING_FAILURE_RATE_LIMIT, 10 an hour) from two addresses and a spoofer."""
        stats = Stats()
        first, second = self.citizen("127.0.2.1", stats), self.citizen("127.0.2.2", stats)
        spoofer = self.citizen("127.0.2.1", stats, forwarded_for="203.0.113.77")
        statuses = [first.track("f-2000/999", "AAAA-AAAA-AAAA")[0] for _ in range(11)]
        other = second.track("f-2000/999", "AAAA-AAAA-AAAA")[0]
        spoofed = spoofer.track("f-2000/999", "AAAA-AAAA-AAAA")[0]
        return statuses, other, spoofed

    # --- the run -------------------------------------------------------------------------------

    def run(self):
        self.load_compose()
        self.start_all()
        self.check_deploy()
        self.all_health_checks("before the load")
        log(f"load: {self.args.clients} clients x {self.args.submissions} submissions, each looked up after")
        result = self.load()
        log(f"load finished in {result['seconds']:.0f} s; waiting for the outbox to empty")
        pending = self.wait_for_outbox()
        self.all_health_checks("after the faults")
        statuses, other, spoofed = self.rate_limit_buckets()
        self.report(result, pending, statuses, other, spoofed)

    def report(self, result, pending, statuses, other, spoofed):
        stats, confirmed = result["stats"], result["confirmed"]
        rows = self.query(
            "SELECT registered_no, registration_year, registration_sequence, message FROM grievances_grievance"
        )
        markers = Counter()
        for _no, _year, _seq, message in rows:
            for word in (message or "").split():
                if word.startswith(f"smoke-{result['run']}-"):
                    markers[word.rstrip(":")] += 1
        by_year = {}
        for _no, year, sequence, _message in rows:
            by_year.setdefault(year, []).append(sequence)
        consecutive = all(sorted(seqs) == list(range(1, len(seqs) + 1)) for seqs in by_year.values())
        numbers = [row[0] for row in rows]
        confirmed_numbers = {number for _marker, number, _code in confirmed}
        lost = [m for m, number, _c in confirmed if markers[m] == 0 or number not in numbers]
        unconfirmed = result["total"] - len(confirmed)
        duplicated = sum(count - 1 for count in markers.values() if count > 1)
        sent = self.query("SELECT status, count(*) FROM smartgov_outboxmessage GROUP BY status")
        mail = self.smtp.by_recipient
        expected = {f"{marker}@example.org".lower() for marker, _n, _c in confirmed}
        not_once = {address: mail.get(address, 0) for address in expected if mail.get(address, 0) != 1}
        restarts = {p.name: p.starts - 1 for p in self.running if p.starts > 1}
        figures = {
            "requests": stats.requests,
            "answers by status": dict(sorted(stats.statuses.items())),
            "resent after a gateway error or dropped connection": stats.retries,
            "submissions": result["total"],
            "confirmed to the citizen": len(confirmed),
            "cases stored": len(markers),
            "lost (confirmed but not stored, or never confirmed)": len(lost) + unconfirmed,
            "duplicated": duplicated,
            "numbers distinct": len(numbers) == len(set(numbers)),
            "numbers consecutive": consecutive,
            "look-ups finding the case": dict(result["tracked"]),
            "outbox by status": dict(sent),
            "outbox still pending": pending,
            "confirmation e-mails received": sum(mail[a] for a in expected),
            "messages not sent exactly once": len(not_once),
            "processes restarted by their supervisor": restarts,
            "seconds of load": round(result["seconds"]),
            "rate limit: 11 failed look-ups from one address": " ".join(map(str, statuses)),
            "rate limit: another address then": other,
            "rate limit: the first address with a spoofed X-Forwarded-For": spoofed,
        }
        print(json.dumps(figures, indent=2, ensure_ascii=False), flush=True)
        checks = [
            (len(lost) + unconfirmed == 0, "a submission was lost"),
            (duplicated == 0, "a case was stored twice"),
            (len(markers) == result["total"], "not every submission is stored"),
            (len(numbers) == len(set(numbers)) and consecutive, "numbers not distinct and consecutive"),
            (result["tracked"].get("found", 0) == len(confirmed), "a look-up did not find its case"),
            (pending == 0 and not not_once, "a message was not sent exactly once"),
            (confirmed_numbers <= set(numbers), "a confirmed number is not in the database"),
            (statuses[-1] == 429 and all(s == 200 for s in statuses[:10]), "one address's bucket did not fill at 10"),
            (other == 200, "another address shared the first one's bucket"),
            (spoofed == 429, "a spoofed X-Forwarded-For got a new bucket"),
            (stats.statuses.get("500", 0) == 0, "the portal answered 500"),
            (self.web[0].starts > 1 and self.workers[0].starts > 1, "the kills did not happen"),
        ]
        for ok, problem in checks:
            if not ok:
                self.fail(problem)

    def stop_all(self):
        for process in reversed(self.running):
            process.stop()
        self.running.clear()
        with contextlib.suppress(Exception):
            self.drop_database()
        self.smtp.shutdown()
        self.sms.shutdown()
        if self.failures or self.args.keep_logs:
            log(f"logs kept in {self.logs}")
        else:
            shutil.rmtree(self.tmp, ignore_errors=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run docker-compose.yml's processes here and check them.")
    parser.add_argument("--pg", default=os.environ.get("PRODSMOKE_PG", "postgres://postgres@127.0.0.1:5432"))
    parser.add_argument("--database", default="smartgov_prodsmoke")
    parser.add_argument("--clients", type=int, default=8, help="citizens, each from its own address")
    parser.add_argument("--submissions", type=int, default=15, help="per client (the limit is 20 an hour)")
    parser.add_argument("--keep-logs", action="store_true")
    args = parser.parse_args(argv)
    for tool in ("nginx", "redis-server", "redis-cli", "openssl", "unshare", "pg_isready"):
        if not shutil.which(tool, path="/usr/sbin:/usr/bin:/bin"):
            raise SystemExit(f"prod-smoke needs {tool} (Debian packages: nginx redis-server openssl postgresql-client)")
    smoke = Smoke(args)

    def stop(signum, _frame):
        raise SystemExit(128 + signum)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    started = time.monotonic()
    try:
        smoke.run()
    except Exception as error:  # noqa: BLE001 - report, stop everything, fail
        smoke.fail(f"{type(error).__name__}: {error}")
    finally:
        smoke.stop_all()
    log(f"{'FAILED' if smoke.failures else 'passed'} in {time.monotonic() - started:.0f} s")
    for problem in smoke.failures:
        log("  " + problem)
    return 1 if smoke.failures else 0


if __name__ == "__main__":
    sys.exit(main())
