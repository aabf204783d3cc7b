from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from grievances import services
from grievances.demo import DEMO_LOG
from grievances.models import Status
from reporting.tests import factories


@pytest.fixture
def log_2020h2(db):
    """The PIU's grievance log behind the 2020 H2 GRM report (29 cases), imported through the workflow."""
    call_command("import_grievance_log", str(DEMO_LOG), "--language", "en", stdout=StringIO())


@pytest.fixture
def clock(monkeypatch):
    """Set the day the services live in (timezone.now, 11:00 in Ulaanbaatar), to write a case's history in the past.

    History entries take their time from timezone.now, and the services refuse
    dates after today, so a story set in 2020 needs 2020's clock.
    """

    def set_day(day: date):
        moment = factories.local_datetime(day.year, day.month, day.day, hour=11)
        monkeypatch.setattr(timezone, "now", lambda: moment)

    return set_day


@pytest.fixture
def complainant_answers_2020h2(db, clock):
    """Seven cases whose complainants waited, answered "was it resolved?" and appealed, around 2020 H2.

    New period (2020-06-25 – 2020-12-31), cases received in it:
      slow: asked for information on 4 Aug, answered on 18 Aug (10 working days waited); resolved on 18 Sep,
            35 working days after receipt, 25 without the wait; the complainant said "resolved".
      appealed: resolved on 3 Sep; the complainant said "not resolved" on 7 Sep; at stage 2 since.
      unanswered: resolved on 6 Oct; closed without an answer on 30 Oct.
      open_question: resolved on 3 Nov; the question is still open.
      same_day: asked for information on 13 Oct and answered the same day (0 working days waited).
      unrelated: marked unrelated, never asked.
    Previous period, cases received in it:
      early: asked on 5 May, answered on 7 May (2 working days); resolved on 8 May; appealed on 11 May;
             resolved again on 15 May; the complainant said "resolved" on 18 May.
      late_appeal: resolved on 16 Jun; appealed on 1 Jul, in the new period.
    """
    officer = None

    def received(day, **kwargs):
        clock(day)
        grievance = factories.register_grievance(
            received_at=factories.local_datetime(day.year, day.month, day.day), **kwargs
        )
        return services.grievance_acknowledge(grievance=grievance, actor=officer)

    def wait(grievance, asked_on, answered_on):
        clock(asked_on)
        grievance = services.grievance_request_information(grievance=grievance, actor=officer, message="Which road?")
        clock(answered_on)
        return services.grievance_information_receive(grievance=grievance, actor=officer)

    def resolve(grievance, day):
        clock(day)
        return factories.resolve(grievance, actor=officer)

    def confirm(grievance, day):
        clock(day)
        return services.grievance_resolution_confirm(grievance=grievance)

    def appeal(grievance, day):
        clock(day)
        return services.grievance_appeal(grievance=grievance, reason="The road is still closed.")

    cases = {}
    slow = wait(received(date(2020, 8, 3)), date(2020, 8, 4), date(2020, 8, 18))
    cases["slow"] = confirm(resolve(slow, date(2020, 9, 18)), date(2020, 9, 21))
    cases["appealed"] = appeal(resolve(received(date(2020, 9, 1)), date(2020, 9, 3)), date(2020, 9, 7))
    unanswered = resolve(received(date(2020, 10, 5)), date(2020, 10, 6))
    clock(date(2020, 10, 30))
    cases["unanswered"] = services.grievance_close_unanswered(grievance=unanswered)
    cases["open_question"] = resolve(received(date(2020, 11, 2)), date(2020, 11, 3))
    cases["same_day"] = wait(received(date(2020, 10, 12)), date(2020, 10, 13), date(2020, 10, 13))
    cases["unrelated"] = services.grievance_mark_unrelated(
        grievance=received(date(2020, 10, 14)), actor=officer, referred_to="11-11 centre"
    )
    early = resolve(wait(received(date(2020, 5, 4)), date(2020, 5, 5), date(2020, 5, 7)), date(2020, 5, 8))
    early = resolve(appeal(early, date(2020, 5, 11)), date(2020, 5, 15))
    cases["early"] = confirm(early, date(2020, 5, 18))
    cases["late_appeal"] = appeal(resolve(received(date(2020, 6, 15)), date(2020, 6, 16)), date(2020, 7, 1))
    assert cases["slow"].status == Status.RESOLVED and cases["appealed"].status == Status.RESOLVING
    return cases


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Keep generated report files out of the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


def user_in_role(role, username):
    from django.contrib.auth.models import Group

    user = factories.UserFactory(username=username, is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def world_bank_viewer(db):
    from smartgov.roles import WORLD_BANK_VIEWER

    return user_in_role(WORLD_BANK_VIEWER, "worldbank")


@pytest.fixture
def piu_officer(db):
    from smartgov.roles import PIU_OFFICER

    return user_in_role(PIU_OFFICER, "officer")


@pytest.fixture
def safeguards_specialist(db):
    from smartgov.roles import SAFEGUARDS_SPECIALIST

    return user_in_role(SAFEGUARDS_SPECIALIST, "safeguards")
