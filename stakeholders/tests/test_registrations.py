"""Joining a consultation online: registering, commenting in the feedback window, the feeds, personal data."""

from datetime import date, timedelta

import pytest
from django.core.cache import cache
from django.db import connection
from django.utils import timezone
from icalendar import Calendar

from grievances.personal_data import personal_data_export
from smartgov.exceptions import ApplicationError
from stakeholders.models import EventRegistration, FeedbackItem, FeedbackSource, ModerationState
from stakeholders.moderation import feedback_item_approve
from stakeholders.registrations import (
    event_comment_submit,
    event_registration_create,
    event_registrations_forget_expired,
)
from stakeholders.services import feedback_item_respond
from stakeholders.tests.factories import ConsultationEventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _rate_limits_start_from_zero():
    cache.clear()
    yield
    cache.clear()


REGISTRATION = {
    "name": "Дулмаа Бат",
    "organisation": "Хөгжлийн бэрхшээлтэй иргэдийн холбоо",
    "organisation_type": "non_government",
    "contact": "dulmaa@example.mn",
    "sign_language": "on",
    "accessibility_other": "Том үсэгтэй материал",
    "consent": "on",
}


def upcoming(**kwargs):
    return ConsultationEventFactory(starts_on=timezone.localdate() + timedelta(days=10), **kwargs)


def open_for_comments(**kwargs):
    today = timezone.localdate()
    return upcoming(
        comments_open_from=today - timedelta(days=1), comments_open_until=today + timedelta(days=5), **kwargs
    )


def test_a_person_registers_for_an_upcoming_event_and_the_admin_lists_them(client, admin_client):
    event = upcoming()

    response = client.post(f"/en/consultations/{event.pk}/register/", REGISTRATION)

    assert response.status_code == 302 and response["Location"] == f"/en/consultations/{event.pk}/"
    registration = EventRegistration.objects.get()
    assert (registration.name, registration.sign_language, registration.consent) == ("Дулмаа Бат", True, True)
    admin_page = admin_client.get(f"/admin/stakeholders/consultationevent/{event.pk}/change/").content.decode()
    assert "Дулмаа Бат" in admin_page and "Том үсэгтэй материал" in admin_page
    public_page = client.get(f"/en/consultations/{event.pk}/").content.decode()
    assert "1 person has registered online so far." in public_page
    assert "Дулмаа Бат" not in public_page and "dulmaa@example.mn" not in public_page


def test_registrants_name_and_contact_are_encrypted_at_rest():
    event = upcoming()
    event_registration_create(event=event, consent=True, name="Дулмаа Бат", contact="99112233")

    with connection.cursor() as cursor:
        cursor.execute("SELECT name, contact FROM stakeholders_eventregistration")
        name, contact = cursor.fetchone()

    assert name.startswith("enc1:") and contact.startswith("enc1:")


def test_registration_needs_consent_and_an_upcoming_event(client):
    event = upcoming()

    response = client.post(f"/en/consultations/{event.pk}/register/", {**REGISTRATION, "consent": ""})

    assert response.status_code == 400
    assert "Agree that we keep these details" in response.content.decode()
    with pytest.raises(ApplicationError):
        event_registration_create(event=ConsultationEventFactory(starts_on=date(2021, 12, 17)), consent=True)
    assert not EventRegistration.objects.exists()


def test_registrations_count_in_the_events_figures(client):
    event = upcoming()
    for _ in range(3):
        event_registration_create(event=event, consent=True)

    from stakeholders.selectors import event_participation_summary

    assert event_participation_summary(event)["registered"] == 3


def test_an_online_comment_waits_for_the_moderator_then_shows_with_its_response(client, admin_user):
    event = open_for_comments()

    response = client.post(
        f"/mn/consultations/{event.pk}/comment/",
        {"text": "Хөдөө орон нутагт мэдээлэл хүргэх хэрэгтэй.", "author_name": "Бат", "name_consent": "on"},
    )

    assert response.status_code == 302
    item = FeedbackItem.objects.get()
    assert (item.source, item.subject, item.moderation_state) == (FeedbackSource.EVENT, event, ModerationState.PENDING)
    assert "Хөдөө орон нутагт" not in client.get(f"/mn/consultations/{event.pk}/").content.decode()

    feedback_item_approve(item=item, actor=admin_user)
    feedback_item_respond(item=item, decision="partly_accepted", reason="Аймгуудад уулзалт зохион байгуулна.")

    page = client.get(f"/mn/consultations/{event.pk}/").content.decode()
    assert "Хөдөө орон нутагт" in page and "Аймгуудад уулзалт зохион байгуулна." in page


def test_an_online_comment_appears_in_the_admin(client, admin_client):
    event = open_for_comments()
    client.post(f"/en/consultations/{event.pk}/comment/", {"text": "Please stream the meeting."})

    page = admin_client.get("/admin/stakeholders/feedbackitem/").content.decode()

    assert "Please stream the meeting." in page


def test_the_reasoned_response_rule_holds_for_online_comments():
    event = open_for_comments()
    item = event_comment_submit(event=event, text="Hold it in Bayan-Ölgii too.")

    with pytest.raises(ApplicationError):
        feedback_item_respond(item=item, decision="not_accepted", reason="")


def test_comments_are_refused_outside_the_events_window(client):
    today = timezone.localdate()
    closed = upcoming(comments_open_from=today - timedelta(days=10), comments_open_until=today - timedelta(days=1))
    none = upcoming()

    response = client.post(f"/en/consultations/{closed.pk}/comment/", {"text": "Late"})

    assert response.status_code == 400 and "closed on" in response.content.decode()
    with pytest.raises(ApplicationError):
        event_comment_submit(event=none, text="No window")
    assert not FeedbackItem.objects.exists()
    assert 'id="comment"' not in client.get(f"/en/consultations/{none.pk}/").content.decode()


@pytest.mark.parametrize(
    ("path", "setting"), [("register", "EVENT_REGISTRATION_RATE_LIMIT"), ("comment", "EVENT_COMMENT_RATE_LIMIT")]
)
def test_public_posts_are_rate_limited(client, settings, path, setting):
    setattr(settings, setting, "2/h")
    event = open_for_comments()
    data = {**REGISTRATION, "text": "A comment"}

    statuses = [client.post(f"/en/consultations/{event.pk}/{path}/", data).status_code for _ in range(3)]

    assert statuses == [302, 302, 429]


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_kept(client):
    event = open_for_comments()

    client.post(f"/en/consultations/{event.pk}/register/", {**REGISTRATION, "website": "http://spam"})
    client.post(f"/en/consultations/{event.pk}/comment/", {"text": "Buy now", "website": "http://spam"})

    assert not EventRegistration.objects.exists() and not FeedbackItem.objects.exists()


def test_the_personal_data_export_lists_the_persons_registrations():
    event = upcoming()
    event_registration_create(event=event, consent=True, name="Дулмаа", contact="Dulmaa@Example.mn", easy_read=True)
    event_registration_create(event=event, consent=True, name="Other", contact="other@example.mn")

    data = personal_data_export(email="dulmaa@example.mn")

    assert [(row["name"], row["easy_read"]) for row in data["event_registrations"]] == [("Дулмаа", True)]


def test_registrants_are_forgotten_after_the_retention_period_but_still_counted(settings):
    settings.EVENT_REGISTRATION_RETENTION_DAYS = 90
    old = ConsultationEventFactory(starts_on=date(2021, 12, 17))
    recent = upcoming()
    EventRegistration.objects.create(event=old, consent=True, name="Old", contact="old@example.mn", easy_read=True)
    event_registration_create(event=recent, consent=True, name="New", contact="new@example.mn")

    assert event_registrations_forget_expired() == 1
    assert event_registrations_forget_expired() == 0

    forgotten = EventRegistration.objects.get(event=old)
    assert (forgotten.name, forgotten.contact, forgotten.contact_index, forgotten.easy_read) == ("", "", "", True)
    assert EventRegistration.objects.get(event=recent).name == "New"


def test_the_icalendar_feed_parses_and_lists_published_events(client):
    event = upcoming(title_en="Open data consultation", venue_en="Ulaanbaatar")
    ConsultationEventFactory(is_published=False, title_en="Private planning")

    response = client.get("/en/consultations/calendar.ics")

    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    assert [str(entry["SUMMARY"]) for entry in events] == ["Open data consultation"]
    assert events[0].decoded("DTSTART") == event.starts_on
    assert events[0].decoded("DTEND") == event.starts_on + timedelta(days=1)
    assert str(events[0]["URL"]).endswith(f"/en/consultations/{event.pk}/")


def test_the_atom_feed_lists_published_events(client):
    upcoming(title_en="Open data consultation")

    response = client.get("/en/consultations/feed/")

    assert response.status_code == 200 and "Open data consultation" in response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")


def test_feeds_and_event_page_take_a_fixed_number_of_queries(client, django_assert_num_queries):
    for _ in range(3):
        event = open_for_comments()
        event_registration_create(event=event, consent=True)
    client.get("/en/consultations/feed/")  # warm caches (content types, sessions)
    client.get(f"/en/consultations/{event.pk}/")

    with django_assert_num_queries(1):
        client.get("/en/consultations/calendar.ics")
    with django_assert_num_queries(1):
        client.get("/en/consultations/feed/")
    # event, agenda, materials, participation rows and summary, registrations, feedback, published evidence
    with django_assert_num_queries(8):
        client.get(f"/en/consultations/{event.pk}/")


def test_the_api_and_the_list_count_the_people_registered_online(client):
    event = upcoming()
    for _ in range(2):
        event_registration_create(event=event, consent=True)

    (row,) = client.get("/api/consultation-events/").json()["results"]

    assert row["registered_online"] == 2
    assert "2 people have registered online so far." in client.get("/en/consultations/").content.decode()
