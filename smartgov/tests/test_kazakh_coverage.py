"""Every message a citizen page shows in Kazakh has a Kazakh translation (none falls back to Mongolian).

Django falls back to the default language (Mongolian) for a message missing
from the Kazakh catalogue, so a page would silently mix languages. Instead of
guessing which messages a page uses, the test records every message looked up
while the public pages render in Kazakh, in each state they can be in, and
checks the Kazakh catalogue (ours merged with Django's) has each one.
"""

import pytest
from django.utils.translation import trans_real

from disclosure.tests.factories import make_version
from grievances.models import State
from grievances.tests.public_helpers import form_data, public_setup  # noqa: F401
from grievances.tests.test_public_tracking_story import CODE, tracked
from stakeholders.models import RemovalReason
from stakeholders.moderation import feedback_item_remove
from stakeholders.tests.factories import ConsultationEventFactory, moderator, public_comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]


@pytest.fixture
def looked_up(monkeypatch):
    """The messages looked up in the Kazakh catalogue while the test runs (singular, plural and with context)."""
    seen = set()
    gettext, ngettext = trans_real.DjangoTranslation.gettext, trans_real.DjangoTranslation.ngettext

    def recording_gettext(self, message):
        if self.language() == "kk":
            seen.add(message)
        return gettext(self, message)

    def recording_ngettext(self, singular, plural, number):
        if self.language() == "kk":
            seen.add((singular, 0))
            seen.add((singular, 1))
        return ngettext(self, singular, plural, number)

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", recording_gettext)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", recording_ngettext)
    return seen


def _missing(messages):
    catalog = trans_real.translation("kk")._catalog  # Kazakh only: the Mongolian fallback is a separate object
    # Punctuation alone (Django's label suffix ":") reads the same in every language.
    worded = [message for message in messages if any(character.isalpha() for character in str(message))]
    return sorted(str(message) for message in worded if message not in catalog)


def _render_every_public_page(client):
    """Each citizen page, in each state it can show, in Kazakh."""
    pages = [
        client.get("/kk/"),
        client.get("/kk/grievances/new/"),
        client.post("/kk/grievances/new/", {"kind": "", "summary": ""}),  # every "required" message
        client.post("/kk/grievances/new/", form_data(step=None, preferred_contact="phone")),  # the phone rule
        client.post("/kk/grievances/new/", form_data(step=None)),  # check your answers
        client.post("/kk/grievances/new/", form_data()),
        client.get("/kk/grievances/new/done/"),  # the confirmation with the number and the code
        client.get("/kk/grievances/how-it-works/"),
        client.get("/kk/grievances/track/"),
        client.post("/kk/grievances/track/", {"registered_no": "f-2026/999", "code": "WRONG"}),
    ]
    for state in (State.REGISTERED, State.IN_PROGRESS, State.AWAITING_COMPLAINANT, State.RESOLVED, State.CLOSED):
        case = tracked(state)
        pages.append(client.post("/kk/grievances/track/", {"registered_no": case.registered_no, "code": CODE}))
    version = make_version(comment_days=(-1, 10))
    removed = public_comment(version)
    feedback_item_remove(item=removed, actor=moderator(), reason=RemovalReason.SPAM, note="Posted twice")
    event = ConsultationEventFactory()
    pages += [
        client.get("/kk/documents/"),
        client.get(f"/kk/documents/{version.document_id}/"),  # a removed comment, with its reason
        client.post(  # the comment awaits moderation
            f"/kk/documents/{version.document_id}/",
            {"version": version.pk, "text": "Пікір", "website": ""},
            follow=True,
        ),
        client.get("/kk/consultations/"),
        client.get(f"/kk/consultations/{event.pk}/"),
        client.get("/kk/grievances/statistics/", {"half": "2026-H1"}),  # an ended half year: the tables and the map
        client.get("/kk/grievances/statistics/data-dictionary/"),
    ]
    return pages


def test_every_message_of_the_citizen_pages_has_a_kazakh_translation(client, looked_up):
    pages = _render_every_public_page(client)
    assert [page.status_code for page in pages if page.status_code >= 400] == []
    assert len(looked_up) > 100  # the recorder saw the pages' messages
    assert _missing(looked_up) == []


def test_the_check_finds_a_message_missing_from_the_kazakh_catalogue(looked_up):
    """The recorder and the catalogue look-up together catch a message with no Kazakh translation."""
    from django.utils import translation

    unknown = "A message no catalogue has, used on a page"  # a variable, so makemessages does not collect it
    with translation.override("kk"):
        translation.gettext(unknown)
        translation.gettext("Track your case")
    assert _missing(looked_up) == ["A message no catalogue has, used on a page"]
