import pytest
from django.contrib.auth.models import Group

from smartgov import roles

pytestmark = pytest.mark.django_db


def test_every_role_exists_as_a_group_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLE_NAMES)


def test_world_bank_viewer_can_only_view_reports():
    group = Group.objects.get(name=roles.WORLD_BANK_VIEWER)
    codes = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}
    assert all(code.startswith("reporting.view_") for code in codes)


def test_piu_officer_manages_the_calendar():
    group = Group.objects.get(name=roles.PIU_OFFICER)
    codenames = set(group.permissions.filter(content_type__app_label="smartgov").values_list("codename", flat=True))
    assert {"add_calendarday", "change_calendarday", "delete_calendarday"} <= codenames


def test_sync_resets_a_permission_added_by_hand():
    from django.contrib.auth.models import Permission

    group = Group.objects.get(name=roles.WORLD_BANK_VIEWER)
    group.permissions.add(Permission.objects.get(codename="delete_calendarday"))
    roles.sync_role_permissions()
    assert not group.permissions.filter(codename="delete_calendarday").exists()


def test_only_the_safeguards_specialist_approves_reports_for_publication():
    """Four eyes: the officer generates the GRM report; the safeguards specialist approves and publishes it."""
    holders = set(
        Group.objects.filter(
            permissions__codename="approve_report", permissions__content_type__app_label="reporting"
        ).values_list("name", flat=True)
    )
    assert holders == {roles.SAFEGUARDS_SPECIALIST}
    officer = set(Group.objects.get(name=roles.PIU_OFFICER).permissions.values_list("codename", flat=True))
    assert {"generate_report", "view_reportrecord", "view_sep_dashboard", "add_pressmaterial"} <= officer
