"""The demo log has exactly the figures of the 2020 H2 report; loading it twice adds nothing."""

import re
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


def test_every_demo_case_has_its_texts_in_mongolian_and_english_and_the_open_ones_a_message():
    demo.load(StringIO())
    for grievance in Grievance.objects.all():
        assert grievance.summary_mn and grievance.summary_en, grievance.registered_no
        assert not re.search("[A-Za-z]{4,}", grievance.summary_mn.replace("www.opendata.gov.mn", ""))
        assert not re.search("[А-Яа-яӨөҮү]", grievance.summary_en)
        if grievance.status == Status.RESOLVED:
            assert grievance.actions_taken_mn and grievance.actions_taken_en, grievance.registered_no
    open_cases = Grievance.objects.filter(received_at__gte=PERIOD_END)
    assert all(grievance.message and grievance.message_language for grievance in open_cases)
    assert open_cases.filter(channel="website", message_language="kk").exists()


def test_demo_cases_loaded_before_the_mongolian_texts_get_them_on_the_next_load():
    demo.load(StringIO())
    Grievance.objects.update(summary_mn="", actions_taken_mn="")
    out = StringIO()
    demo.load(out)
    assert "34 demo cases given their Mongolian texts" in out.getvalue()
    assert not Grievance.objects.filter(summary_mn="").exists()
    assert not Grievance.objects.filter(status=Status.RESOLVED, actions_taken_mn="").exists()
    demo.load(out)  # nothing left to give
    assert out.getvalue().count("given their Mongolian texts") == 1


def test_the_open_demo_cases_say_where_they_come_from_and_who_sent_them():
    demo.load(StringIO())
    open_cases = Grievance.objects.filter(received_at__gte=PERIOD_END)
    assert all(open_cases.values_list("aimag", flat=True))  # the figures by place have the current half year
    assert set(open_cases.values_list("gender", flat=True)) == {"female", "male", ""}
    assert open_cases.exclude(age_group="").count() == 3
