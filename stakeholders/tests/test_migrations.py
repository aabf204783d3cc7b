"""Migrations 0004 and 0005: comments already published stay published; contacts already stored get encrypted."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from smartgov.crypto import PREFIX
from smartgov.search_keys import email_search_key, phone_search_key
from stakeholders.models import FeedbackItem, ModerationState, Representative


def test_existing_comments_stay_published_and_existing_contacts_are_encrypted(transactional_db):
    before = [("stakeholders", "0003_seed_vulnerable_groups")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old_apps = executor.loader.project_state(before).apps
    OldFeedbackItem = old_apps.get_model("stakeholders", "FeedbackItem")
    OldStakeholder = old_apps.get_model("stakeholders", "Stakeholder")
    OldRepresentative = old_apps.get_model("stakeholders", "Representative")
    comment = OldFeedbackItem.objects.create(
        source="document_comment",
        text="Publish the draft in Kazakh",
        received_at=timezone.now(),
        author_name="Айгүл",
        author_contact="aigul@example.mn",
    )
    stakeholder = OldStakeholder.objects.create(
        name="Herders' association",
        stakeholder_type="ngo_cso",
        interest="high",
        influence="low",
        category="vulnerable_group",
    )
    person = OldRepresentative.objects.create(
        stakeholder=stakeholder, name="Ганболд", email="ganbold@ngo.mn", phone="8811 2233"
    )
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes("stakeholders"))

    item = FeedbackItem.objects.get(pk=comment.pk)
    assert item.moderation_state == ModerationState.PUBLISHED
    assert (item.author_name, item.author_contact) == ("Айгүл", "aigul@example.mn")
    assert item.author_contact_index == email_search_key("aigul@example.mn")
    representative = Representative.objects.get(pk=person.pk)
    assert representative.phone_index == phone_search_key("88112233")
    with connection.cursor() as cursor:
        cursor.execute("SELECT author_name, author_contact FROM stakeholders_feedbackitem WHERE id = %s", [item.pk])
        stored = cursor.fetchone()
        cursor.execute("SELECT email, phone FROM stakeholders_representative WHERE id = %s", [person.pk])
        stored += cursor.fetchone()
    assert all(value.startswith(PREFIX) for value in stored)
