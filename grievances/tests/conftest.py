"""Fixtures shared by the grievance tests."""

import pytest

from grievances.tests.factories import user_with_role
from smartgov import roles


@pytest.fixture
def officer_client(client):
    """The test client signed in as a PIU communication officer (`client.user`)."""
    officer = user_with_role(roles.PIU_OFFICER)
    client.force_login(officer)
    client.user = officer
    return client
