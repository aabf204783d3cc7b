"""bench/report.py's comparison: the headline ratio and the floor line say what the rounds measured."""

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import report  # noqa: E402


def side_rounds(side, *, completed, requests, cpu_ms, rate):
    """Two rounds of one side; `cpu_ms` gives each process's CPU per submission."""
    return [
        {
            "round": number,
            "side": side,
            "rate": rate,
            "p50": 0.1,
            "p95": 0.2 if side == report.SMARTGOV else 0.3,
            "errors": 0,
            "samples": [],
            "completed": completed,
            # After the warm-up the client counted 40 % of the flows, and their requests.
            "requests": requests * 2 // 5,
            "counted": completed * 2 // 5,
            "cpu": {role: ms / 1000 * completed for role, ms in cpu_ms.items()},
            "busy": 100.0,
            "seconds": 20.0,
            "load": (1.0, 1.5),
            "acks": [],
        }
        for number in (1, 2)
    ]


def test_the_floor_line_gives_what_a_third_of_helpdesk_leaves_each_request(capsys):
    rounds = [
        *side_rounds(
            report.SMARTGOV,
            completed=100,
            requests=400,
            cpu_ms={"web workers": 14.0, "PostgreSQL": 2.3, "load client": 5.0, "Celery worker": 1.0},
            rate=80.0,
        ),
        *side_rounds(report.HELPDESK, completed=50, requests=150, cpu_ms={"web workers": 30.0}, rate=50.0),
        *side_rounds(
            report.BARE, completed=400, requests=1200, cpu_ms={"web workers": 2.4, "load client": 1.6}, rate=450.0
        ),
    ]

    report.print_comparison(rounds)
    out = capsys.readouterr().out

    assert "HEADLINE: CPU per submission smartgov / django-helpdesk = 0.74 (22.3 / 30.0 ms" in out
    # Outside the web workers: 2.3 + 5 + 1 = 8.3 ms, 0.28 of 30; 0.33 of 30 is 9.9 ms, 1.6 left for 4 requests.
    floor = re.search(r"outside its web workers smartgov takes .*", out).group(0)
    assert floor.startswith("outside its web workers smartgov takes 8.3 ms a submission (0.28 of django-helpdesk's)")
    assert "leaves its web workers 1.6 ms for 4.0 requests (0.40 ms each)" in floor
    assert floor.endswith("where the bare view's spend 0.80 ms on each of its 3.0")


def test_without_the_bare_view_there_is_no_floor_line(capsys):
    rounds = [
        *side_rounds(report.SMARTGOV, completed=10, requests=40, cpu_ms={"web workers": 9.0}, rate=8.0),
        *side_rounds(report.HELPDESK, completed=10, requests=30, cpu_ms={"web workers": 30.0}, rate=5.0),
    ]
    report.print_comparison(rounds)
    out = capsys.readouterr().out
    assert "HEADLINE: CPU per submission smartgov / django-helpdesk = 0.30 (9.0 / 30.0 ms; target ≤ 0.33: met)" in out
    assert "outside its web workers" not in out
