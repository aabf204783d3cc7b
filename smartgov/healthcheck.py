"""Container health checks (docker-compose.yml runs them; scripts/prod-smoke runs the same commands).

    python -m smartgov.healthcheck web http://127.0.0.1:8000/healthz
    python -m smartgov.healthcheck beat

Standard library only, so a check costs a fraction of a second and never
loads Django. `web` asks gunicorn's /healthz (exempt from the HTTPS
redirect) with a Host header the portal allows, the first of ALLOWED_HOSTS,
because a bare 127.0.0.1 is refused with a 400. `beat` says whether beat wrote
its schedule file lately: beat rewrites it after each task it sends
(CELERY_BEAT_SYNC_EVERY = 1) and the outbox flush is sent every
OUTBOX_FLUSH_SECONDS, so a file older than BEAT_STALE_SECONDS means beat
hangs or stopped sending.
"""

import glob
import os
import sys
import time
import urllib.error
import urllib.request

BEAT_STALE_SECONDS = 120


def _host():
    hosts = [host.strip().lstrip(".") for host in os.environ.get("ALLOWED_HOSTS", "").split(",")]
    return next((host for host in hosts if host and host != "*"), "localhost")


def web(url: str) -> str:
    request = urllib.request.Request(url, headers={"Host": _host()})  # noqa: S310 - a URL the compose file gives
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
            return "" if response.status == 200 else f"{url} answered {response.status}"
    except urllib.error.HTTPError as error:
        return f"{url} answered {error.code}: {error.read(300).decode(errors='replace').strip()}"
    except OSError as error:
        return f"{url}: {error}"


def beat() -> str:
    schedule = os.environ.get("CELERY_BEAT_SCHEDULE_FILE", "celerybeat-schedule")
    # The shelve module may add a suffix (.db, .dat) depending on the dbm it finds.
    files = glob.glob(glob.escape(schedule) + "*")
    if not files:
        return f"no schedule file at {schedule}"
    age = time.time() - max(os.path.getmtime(name) for name in files)
    return f"{schedule} last written {age:.0f} s ago" if age > BEAT_STALE_SECONDS else ""


def main(argv: list[str]) -> int:
    if argv[:1] == ["web"] and len(argv) == 2:
        problem = web(argv[1])
    elif argv == ["beat"]:
        problem = beat()
    else:
        print("usage: python -m smartgov.healthcheck web URL | beat", file=sys.stderr)
        return 2
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
