"""The audit log in the admin: read only, for the superuser or whoever is given audit.view_auditentry."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from audit.admin import BoundedCountPaginator
from audit.models import AuditAction, AuditEntry
from audit.services import audit_record
from grievances.tests.factories import UserFactory, user_with_role
from smartgov import roles

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:audit_auditentry_changelist")
# session, user, the count (bounded: BoundedCountPaginator), the page's rows
CHANGELIST_QUERIES = 4


@pytest.fixture(autouse=True)
def _no_code(settings):
    settings.STAFF_REQUIRE_2FA = False


def _write(count):
    for number in range(count):
        audit_record(action=AuditAction.CHANGED, object_type="stakeholders.stakeholder", object_id=number)


@pytest.mark.parametrize("count", [3, 30])
def test_the_superuser_reads_the_log_in_a_fixed_number_of_queries(client, django_assert_num_queries, count):
    client.force_login(UserFactory(is_superuser=True))
    _write(count)
    with django_assert_num_queries(CHANGELIST_QUERIES):
        response = client.get(CHANGELIST)
    assert response.status_code == 200
    assert "stakeholders.stakeholder" in response.content.decode()


def test_nobody_can_add_change_or_delete_an_entry_even_the_superuser(client):
    client.force_login(UserFactory(is_superuser=True))
    _write(1)
    entry = AuditEntry.objects.get(action=AuditAction.CHANGED)
    page = client.get(reverse("admin:audit_auditentry_change", args=[entry.pk])).content.decode()
    assert entry.hash in page and 'name="_save"' not in page
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    assert client.post(reverse("admin:audit_auditentry_delete", args=[entry.pk]), {"post": "yes"}).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_the_count_stops_at_its_bound():
    _write(3)
    paginator = BoundedCountPaginator(AuditEntry.objects.order_by("-id"), 2)
    paginator.MAX_COUNTED = 2
    assert (paginator.count, paginator.num_pages) == (2, 1)


def test_the_view_permission_opens_the_log_to_someone_chosen(client):
    auditor = user_with_role(roles.SAFEGUARDS_SPECIALIST)
    client.force_login(auditor)
    assert client.get(CHANGELIST).status_code == 403
    auditor.user_permissions.add(Permission.objects.get(codename="view_auditentry"))
    auditor = type(auditor).objects.get(pk=auditor.pk)  # permissions are cached on the user object
    client.force_login(auditor)
    assert client.get(CHANGELIST).status_code == 200
