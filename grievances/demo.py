"""Demo data: the PIU's log of 2015-2020 (as in the 2020 H2 report) and a few open cases. Idempotent."""

from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone, translation

from . import services
from .importer import import_log
from .models import Channel, Grievance, Kind, Stage

DEMO_LOG = Path(__file__).resolve().parent / "demo_data" / "grm-log-2015-2020.csv"

# (summary, kind, channel, days since receipt, [(step, days ago)], assignee username); only the last is overdue.
OPEN_CASES = [
    ("Asks when the e-Mongolia application will support the Kazakh language", Kind.REQUEST, Channel.WEBSITE, 1, [], ""),
    (
        "Cannot sign documents with the digital signature issued at the soum service centre",
        Kind.COMPLAINT,
        Channel.HOTLINE,
        6,
        [("acknowledge", 6)],
        "officer",
    ),
    (
        "Asks how personal data collected by the 11-11 centre is protected",
        Kind.CLARIFICATION,
        Channel.EMAIL,
        12,
        [("acknowledge", 12), ("escalate_2", 5)],
        "officer",
    ),
    (
        "Herders in a remote bag cannot reach the online services because of poor mobile coverage",
        Kind.COMPLAINT,
        Channel.WRITTEN,
        20,
        [("acknowledge", 20), ("escalate_2", 15), ("escalate_3", 2)],
        "psc",
    ),
    (
        "Complaint that a service kiosk in the district office has been out of order for weeks",
        Kind.COMPLAINT,
        Channel.IN_PERSON,
        80,
        [("acknowledge", 79)],
        "officer",
    ),
]


def load(stdout):
    """Import the demo log and create the open cases that are not there yet."""
    result = import_log(DEMO_LOG, language="en")
    stdout.write(f"grievances: {result.created} logged cases imported, {result.skipped} already there")
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["officer", "psc"])}
    created = 0
    with translation.override("en"):
        # Oldest first, so the running numbers follow the dates of receipt.
        for summary, kind, channel, days_ago, steps, assignee in sorted(OPEN_CASES, key=lambda case: -case[3]):
            if Grievance.objects.filter(summary_en=summary).exists():
                continue
            _open_case(summary, kind, channel, days_ago, steps, users.get(assignee))
            created += 1
    stdout.write(f"grievances: {created} open demo cases created")


def _open_case(summary, kind, channel, days_ago, steps, assignee):
    received_at = timezone.now() - timedelta(days=days_ago)
    grievance = services.grievance_register(
        kind=kind,
        channel=channel,
        summary=summary,
        received_at=received_at,
        complainant={"name": "Demo citizen", "phone": "+976 9900 0000", "preferred_contact": "phone"},
    )
    if assignee is not None:
        grievance = services.grievance_assign(grievance=grievance, actor=None, assignee=assignee)
    for step, days_ago in steps:
        at = max(received_at, timezone.now() - timedelta(days=days_ago))
        if step == "acknowledge":
            grievance = services.grievance_acknowledge(grievance=grievance, actor=None, at=at)
        else:
            stage = {"escalate_2": Stage.PIU, "escalate_3": Stage.STEERING_COMMITTEE}[step]
            grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=stage, at=at)
    return grievance
