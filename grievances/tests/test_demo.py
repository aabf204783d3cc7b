"""The demo log has exactly the figures of the 2020 H2 report; loading it twice adds nothing."""

from collections import Counter
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from grievances import demo
from grievances.models import Grievance, Status

pytestmark = pytest.mark.django_db
PERIOD_START = datetime(2020, 6, 25, tzinfo=ZoneInfo("Asia/Ulaanbaatar"))
PERIOD_END = datetime(2021, 1, 1, tzinfo=ZoneInfo("Asia/Ulaanbaatar"))


def _figures(cases):
    unrelated = cases.filter(status=Status.UNRELATED)
    resolved = cases.filter(status=Status.RESOLVED)
    return {
        "total": cases.count(),
        "unrelated": Counter(unrelated.values_list("channel", flat=True)),
        "resolved": Counter(resolved.values_list("channel", flat=True)),
        "resolved kinds": Counter(resolved.values_list("kind", flat=True)),
    }


def test_the_demo_log_matches_the_2020_h2_report_and_loads_once():
    demo.load(StringIO())
    demo.load(StringIO())
    logged = Grievance.objects.filter(received_at__lt=PERIOD_END)
    assert _figures(logged.filter(received_at__gte=PERIOD_START)) == {
        "total": 9,
        "unrelated": Counter(facebook=1, website=1, email=1),
        "resolved": Counter(facebook=4, website=1, in_person=1),
        "resolved kinds": Counter(request=3, clarification=3),
    }
    assert _figures(logged.filter(received_at__lt=PERIOD_START)) == {
        "total": 20,
        "unrelated": Counter(facebook=6, website=4, email=2),
        "resolved": Counter(facebook=1, website=1, written=6),
        "resolved kinds": Counter(comment=1, request=3, clarification=1, complaint=3),
    }
    assert Grievance.objects.filter(received_at__gte=PERIOD_END).count() == len(demo.OPEN_CASES)
    assert Grievance.objects.overdue(timezone.localdate()).count() == 1
