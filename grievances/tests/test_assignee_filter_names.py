"""The "assigned to" filter names only staff the reader may know of: a PSC member sees their own name alone."""

import pytest

from grievances import services
from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles

pytestmark = pytest.mark.django_db
URL = "/admin/grievances/grievance/"


@pytest.fixture
def staff():
    officer = user_with_role(roles.PIU_OFFICER, username="officer", is_staff=True)
    member = user_with_role(roles.PSC_MEMBER, username="psc-member", is_staff=True)
    other = user_with_role(roles.PSC_MEMBER, username="other-member", is_staff=True)
    case = register_grievance()
    services.grievance_assign(grievance=case, actor=officer, assignee=member)
    return officer, member, other


def assignee_choices(client):
    spec = next(
        spec for spec in client.get(URL).context["cl"].filter_specs if getattr(spec, "parameter_name", "") == "assignee"
    )
    return [title for value, title in spec.lookup_choices if value != "none"]


def test_a_psc_member_sees_only_their_own_name_in_the_assigned_to_filter(client, staff):
    _officer, member, _other = staff
    client.force_login(member)
    assert assignee_choices(client) == ["psc-member"]


def test_an_officer_still_sees_every_handler(client, staff):
    officer, _member, _other = staff
    client.force_login(officer)
    assert {"officer", "psc-member", "other-member"} <= set(assignee_choices(client))
