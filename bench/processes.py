"""Child processes of the benchmark: started in their own process groups, all stopped on exit.

Each child's pid is written under var/bench/pids, so that a run killed with
SIGKILL leaves a record and the next run stops those leftovers (and only
those: the recorded pid must still run the recorded command).
"""

import contextlib
import os
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path


def port_open(port, host="127.0.0.1"):
    with socket.socket() as sock:
        sock.settimeout(0.3)
        return sock.connect_ex((host, port)) == 0


def wait_for(check, *, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit(f"timed out after {timeout:.0f} s waiting for {what}")


def http_ok(url):
    with urllib.request.urlopen(url, timeout=3) as response:  # noqa: S310 - loopback URL built by the script
        return response.status == 200


def children_of(pid):
    """Pids whose parent is `pid` (gunicorn's workers under its master)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


class Processes:
    def __init__(self, var_dir: Path):
        self.logs = var_dir / "logs"
        self.pids = var_dir / "pids"
        self.logs.mkdir(parents=True, exist_ok=True)
        self.pids.mkdir(parents=True, exist_ok=True)
        self.running = {}

    def stop_leftovers(self):
        """Stop children a previous, killed run left behind (recorded pid and command must both match)."""
        for record in self.pids.glob("*.pid"):
            pid_text, _, command = record.read_text().partition("\n")
            try:
                current = Path(f"/proc/{int(pid_text)}/cmdline").read_bytes().replace(b"\0", b" ").decode()
            except (OSError, ValueError):
                current = ""
            if current and current.strip() == command.strip():
                print(f"stopping {record.stem} left by an earlier run (pid {pid_text})")
                self._kill_group(int(pid_text))
            record.unlink()

    def start(self, name, argv, *, env=None, cwd=None):
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - kept open while the child runs
        process = subprocess.Popen(
            argv,
            env=env,
            cwd=cwd,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
        self.running[name] = process
        time.sleep(0.05)
        try:
            command = Path(f"/proc/{process.pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            command = ""
        (self.pids / f"{name}.pid").write_text(f"{process.pid}\n{command}")
        return process

    def stop(self, name, sig=signal.SIGTERM, timeout=10):
        process = self.running.pop(name, None)
        if process is None:
            return
        self._kill_group(process.pid, sig, timeout, process)
        (self.pids / f"{name}.pid").unlink(missing_ok=True)

    def stop_all(self):
        for name in reversed(list(self.running)):
            self.stop(name)

    @staticmethod
    def _kill_group(pid, sig=signal.SIGTERM, timeout=10, process=None):
        """Signal the process group, wait for its leader (reaping our own child), then SIGKILL what is left."""
        try:
            os.killpg(pid, sig)
        except ProcessLookupError:
            return
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process is not None:
                if process.poll() is not None:
                    break
            else:
                try:
                    os.kill(pid, 0)
                except ProcessLookupError:
                    break
            time.sleep(0.05)
        # Whatever of the group still runs (a worker whose leader is gone) goes too.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGKILL)
        if process is not None:
            process.wait()


def redis_argv(port, workdir):
    return [
        "redis-server",
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--daemonize",
        "no",
        "--dir",
        str(workdir),
    ]


def redis_ping(port):
    with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")
