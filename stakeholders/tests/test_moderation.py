"""Public comments wait for a moderator, who publishes them or removes them with a reason the public can read."""

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError, transaction
from django.utils import translation
from rest_framework.test import APIClient

from disclosure.tests.factories import make_version
from grievances.tests.factories import user_with_role
from smartgov import roles
from smartgov.exceptions import ApplicationError
from stakeholders.models import FeedbackItem, ModerationState, RemovalReason
from stakeholders.moderation import feedback_item_approve, feedback_item_remove
from stakeholders.selectors import feedback_for_subject, feedback_public_list

from .factories import ConsultationEventFactory, UserFactory, feedback_on, moderator, public_comment

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _messages_in_english():
    with translation.override("en"):
        yield


# What a removed comment says on a public page, in each language (stakeholders/_removed_feedback.html).
REMOVED = {
    "en": ("This comment was removed by the moderator on", "Reason: Abusive or offensive language"),
    "mn": ("Энэ саналыг модератор хассан", "Шалтгаан: Доромжилсон, бүдүүлэг үг хэллэг"),
    "kk": ("Бұл пікірді модератор алып тастады", "Себебі: Қорлайтын немесе дөрекі сөздер"),
}


def _document_page(client, version, language):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    return client.get(f"/{language}/documents/{version.document_id}/").content.decode()


# --- Waiting, publishing ------------------------------------------------------


def test_a_public_comment_waits_for_moderation_by_default_and_is_not_shown():
    version = make_version(comment_days=(-1, 3))
    item = public_comment(version, text="Not yet public")
    assert item.moderation_state == ModerationState.PENDING
    assert list(feedback_for_subject(version)) == []
    assert list(feedback_public_list()) == []


def test_with_premoderation_off_a_public_comment_is_published_at_once(settings):
    settings.PUBLIC_COMMENTS_PREMODERATED = False
    version = make_version(comment_days=(-1, 3))
    item = public_comment(version)
    assert item.moderation_state == ModerationState.PUBLISHED
    assert list(feedback_for_subject(version)) == [item]


def test_feedback_staff_record_is_published_without_moderation():
    item = feedback_on(ConsultationEventFactory())
    assert item.moderation_state == ModerationState.PUBLISHED


def test_a_moderator_publishes_a_waiting_comment_and_is_recorded():
    version = make_version(comment_days=(-1, 3))
    item = public_comment(version)
    who = moderator()
    feedback_item_approve(item=item, actor=who)
    item.refresh_from_db()
    assert (item.moderation_state, item.moderated_by) == (ModerationState.PUBLISHED, who)
    assert item.moderated_at is not None
    assert list(feedback_for_subject(version)) == [item]
    with pytest.raises(ApplicationError, match="already published"):
        feedback_item_approve(item=item, actor=who)


@pytest.mark.parametrize("role", [roles.PIU_OFFICER, roles.PSC_MEMBER, roles.WORLD_BANK_VIEWER])
def test_only_moderators_publish_or_remove(role):
    item = public_comment(make_version(comment_days=(-1, 3)))
    someone = user_with_role(role)
    with pytest.raises(ApplicationError, match="Only moderators"):
        feedback_item_approve(item=item, actor=someone)
    with pytest.raises(ApplicationError, match="Only moderators"):
        feedback_item_remove(item=item, actor=someone, reason=RemovalReason.SPAM)
    assert FeedbackItem.objects.get(pk=item.pk).moderation_state == ModerationState.PENDING


# --- Removing -----------------------------------------------------------------


def test_a_removal_needs_a_reason_and_another_reason_needs_a_note():
    item = public_comment(make_version(comment_days=(-1, 3)))
    who = moderator()
    with pytest.raises(ApplicationError, match="Choose why"):
        feedback_item_remove(item=item, actor=who, reason="")
    with pytest.raises(ApplicationError, match="Write the reason in the note"):
        feedback_item_remove(item=item, actor=who, reason=RemovalReason.OTHER, note="  ")
    feedback_item_remove(item=item, actor=who, reason=RemovalReason.OTHER, note="A duplicate of an earlier comment")
    assert FeedbackItem.objects.get(pk=item.pk).removal_note == "A duplicate of an earlier comment"


def test_the_database_refuses_a_removed_item_without_a_reason_and_a_reason_on_a_shown_one():
    item = feedback_on(ConsultationEventFactory())
    for state, reason in [(ModerationState.REMOVED, ""), (ModerationState.PUBLISHED, RemovalReason.SPAM)]:
        with pytest.raises(IntegrityError), transaction.atomic():
            FeedbackItem.objects.filter(pk=item.pk).update(moderation_state=state, removal_reason=reason)


def test_a_removed_comment_can_be_put_back():
    version = make_version(comment_days=(-1, 3))
    item = public_comment(version)
    who = moderator()
    feedback_item_remove(item=item, actor=who, reason=RemovalReason.SPAM)
    feedback_item_approve(item=item, actor=who)
    item.refresh_from_db()
    assert (item.moderation_state, item.removal_reason) == (ModerationState.PUBLISHED, "")


@pytest.mark.parametrize("language", ["en", "mn", "kk"])
def test_a_removed_comment_shows_as_removed_by_the_moderator_with_the_reason(client, language):
    version = make_version(comment_days=(-1, 3))
    item = public_comment(version, text="Something abusive", author_name="Rude Person", name_consent=True)
    feedback_item_remove(item=item, actor=moderator(), reason=RemovalReason.ABUSIVE, note="See the rules")
    page = _document_page(client, version, language)
    removed, reason = REMOVED[language]
    assert removed in page and reason in page and "See the rules" in page
    assert "Something abusive" not in page and "Rude Person" not in page


def test_another_reason_is_shown_as_the_moderators_own_words(client):
    version = make_version(comment_days=(-1, 3))
    item = public_comment(version)
    feedback_item_remove(item=item, actor=moderator(), reason=RemovalReason.OTHER, note="Posted twice")
    page = _document_page(client, version, "en")
    assert "Reason: Posted twice" in page and "Another reason" not in page


def test_a_removed_point_of_a_consultation_shows_as_removed_on_the_event_page(client):
    event = ConsultationEventFactory()
    item = feedback_on(event, text="Names a neighbour's debts")
    feedback_item_remove(item=item, actor=moderator(), reason=RemovalReason.PERSONAL_DATA)
    page = client.get(f"/en/consultations/{event.pk}/").content.decode()
    assert "removed by the moderator" in page and "Personal information about someone" in page
    assert "Names a neighbour" not in page


def test_the_api_leaves_out_waiting_comments_and_gives_removed_ones_without_their_text():
    version = make_version(comment_days=(-1, 3))
    public_comment(version, text="Waiting")
    removed = public_comment(version, text="Spam spam", author_name="Spammer", name_consent=True)
    feedback_item_remove(item=removed, actor=moderator(), reason=RemovalReason.SPAM)
    api = APIClient()
    api.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    body = api.get("/api/feedback/").json()
    assert body["count"] == 1
    row = body["results"][0]
    assert row["removed"] is True and row["removal_reason"] == "Advertising or spam"
    assert (row["text"], row["author"]) == ("", "")
    assert "Waiting" not in str(body) and "Spam spam" not in str(body)


# --- The citizen's side -------------------------------------------------------


def _post_comment(client, version):
    url = f"/en/documents/{version.document_id}/"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client.post(url, {"version": version.pk, "text": "Add a map", "website": ""}, follow=True)


def test_after_posting_the_commenter_is_told_the_comment_awaits_moderation(client):
    page = _post_comment(client, make_version(comment_days=(-1, 3))).content.decode()
    assert "A moderator reads every comment before it is published" in page
    assert "Add a map" not in page.split("Comments received and our responses")[1]


def test_without_premoderation_the_commenter_is_not_told_to_wait(client, settings):
    settings.PUBLIC_COMMENTS_PREMODERATED = False
    page = _post_comment(client, make_version(comment_days=(-1, 3))).content.decode()
    assert "will be answered on this page" in page and "moderator" not in page


# --- The moderator's admin ----------------------------------------------------


@pytest.fixture
def moderator_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(moderator())
    return client


CHANGELIST = "/admin/stakeholders/feedbackitem/"


def test_the_admin_filters_the_comments_waiting_and_counts_them(moderator_client):
    version = make_version(comment_days=(-1, 3))
    waiting = [public_comment(version, text=f"Waiting {n}") for n in range(2)]
    feedback_on(ConsultationEventFactory())
    response = moderator_client.get(CHANGELIST, {"moderation": "pending"})
    assert set(response.context["cl"].result_list) == set(waiting)
    assert "Waiting for moderation (2)" in response.content.decode()
    assert "Published (1)" in response.content.decode()


def test_the_admin_publishes_selected_comments_in_bulk(moderator_client):
    version = make_version(comment_days=(-1, 3))
    items = [public_comment(version) for _ in range(3)]
    data = {"action": "approve_selected", "_selected_action": [item.pk for item in items[:2]]}
    response = moderator_client.post(CHANGELIST, data, follow=True)
    assert "2 comments published." in response.content.decode()
    states = dict(FeedbackItem.objects.values_list("pk", "moderation_state"))
    assert [states[item.pk] for item in items] == ["published", "published", "pending"]


def test_the_admin_removes_selected_comments_with_the_reason_chosen(moderator_client):
    version = make_version(comment_days=(-1, 3))
    items = [public_comment(version) for _ in range(2)]
    selected = [item.pk for item in items]
    refused = moderator_client.post(
        CHANGELIST, {"action": "remove_selected", "_selected_action": selected}, follow=True
    )
    assert "Choose why the comment is removed" in refused.content.decode()
    assert not FeedbackItem.objects.filter(moderation_state=ModerationState.REMOVED).exists()
    data = {"action": "remove_selected", "_selected_action": selected, "removal_reason": "spam", "removal_note": ""}
    assert "2 comments removed." in moderator_client.post(CHANGELIST, data, follow=True).content.decode()
    assert set(FeedbackItem.objects.values_list("removal_reason", flat=True)) == {"spam"}


def test_staff_who_edit_feedback_without_the_moderation_permission_get_no_moderation_actions(client):
    editor = UserFactory(username="editor")
    editor.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="stakeholders", codename__in=["view_feedbackitem", "change_feedbackitem"]
        )
    )
    client.force_login(editor)
    public_comment(make_version(comment_days=(-1, 3)))
    page = client.get(CHANGELIST).content.decode()
    assert "approve_selected" not in page and "remove_selected" not in page


def test_the_admin_home_shows_moderators_how_many_comments_wait(moderator_client):
    assert moderator_client.get("/admin/").context["desk"] is None  # nothing waits: the plain home page
    version = make_version(comment_days=(-1, 3))
    for _ in range(3):
        public_comment(version)
    desk = moderator_client.get("/admin/").context["desk"]
    assert [(entry["key"], entry["count"]) for entry in desk] == [("moderation", 3)]
    assert desk[0]["url"].endswith("?moderation=pending")
