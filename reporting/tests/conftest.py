from io import StringIO

import pytest
from django.core.management import call_command

from grievances.demo import DEMO_LOG
from reporting.tests import factories


@pytest.fixture
def log_2020h2(db):
    """The PIU's grievance log behind the 2020 H2 GRM report (29 cases), imported through the workflow."""
    call_command("import_grievance_log", str(DEMO_LOG), "--language", "en", stdout=StringIO())


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
