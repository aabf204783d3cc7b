import pytest

from reporting.tests import factories
from reporting.tests.datasets import grm_2020h2


@pytest.fixture
def log_2020h2(db):
    """The grievance log behind the 2020 H2 GRM report."""
    return grm_2020h2.load(factories.case)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Keep generated report files out of the working tree."""
    settings.MEDIA_ROOT = tmp_path / "media"


def user_in_role(role, username):
    from django.contrib.auth.models import Group

    from smartgov.roles import sync_role_permissions

    # On this branch the roles are synced before reporting's permissions exist
    # (post_migrate of the smartgov app only); sync again so the groups are complete.
    sync_role_permissions()
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
