"""What the tracking page tells the complainant: the story of the case, the answer in their language, what is next.

The timeline is read by selectors.grievance_public_timeline (one query); the
rest reads only the fields tracking.grievance_get_by_tracking loads with the
case, so a tracking page costs two queries whatever the case's history.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from smartgov.written_dates import written_date

from . import selectors, workflow
from .models import Complainant, EventType, ReplyLanguage, Stage, State

# Which language to show an answer in when the page's own is missing: the PIU writes Mongolian first,
# and a Kazakh reader in Bayan-Ölgii reads Mongolian sooner than English.
ANSWER_LANGUAGES = {"mn": ("mn", "en", "kk"), "en": ("en", "mn", "kk"), "kk": ("kk", "mn", "en")}

GRS_URL = "https://www.worldbank.org/en/projects-operations/products-and-services/grievance-redress-service"
INSPECTION_PANEL_URL = "https://www.inspectionpanel.org"


@dataclass(frozen=True)
class ShownText:
    """A text written by the PIU, the language it is in, and whether that is not the page's language."""

    text: str
    language: str
    is_other_language: bool
    is_actions_taken: bool

    @property
    def language_name(self) -> str:
        return str(ReplyLanguage(self.language).label)


def _column(grievance, field: str, language: str) -> str:
    if field == "public_answer" and language == "kk":
        return grievance.public_answer_kk
    if language not in settings.MODELTRANSLATION_LANGUAGES:
        return ""  # the actions taken are kept in Mongolian and English only
    return getattr(grievance, f"{field}_{language}")


def answer_shown(grievance, page_language: str) -> ShownText | None:
    """Return the answer to show on a page in `page_language`, or None while there is none.

    The answer in the page's language first, then in the other languages; a
    finished case that has no answer written shows its summary of actions
    taken in the same order, so a resolved case never says "no answer yet".
    """
    order = ANSWER_LANGUAGES.get(page_language, ANSWER_LANGUAGES[settings.LANGUAGE_CODE])
    fields = ["public_answer"] if grievance.is_open else ["public_answer", "actions_taken"]
    for field in fields:
        for language in order:
            text = _column(grievance, field, language)
            if text:
                return ShownText(text, language, language != page_language, field == "actions_taken")
    return None


def is_anonymous(grievance) -> bool:
    """Tell whether the case has no name or contact details (the World Bank's GRS does not take those)."""
    try:
        return grievance.complainant.is_anonymous
    except Complainant.DoesNotExist:
        return True


def next_step(grievance) -> str:
    """Say what happens next in the case and by when, as one sentence for the complainant."""
    state = grievance.state
    if state == State.REGISTERED:
        return _(
            "We will confirm that we received your feedback and check whether it concerns the project by %(date)s."
        ) % {"date": _day(grievance.due_on)}
    if state == State.IN_PROGRESS and grievance.due_on:
        return _("The project team is looking into your case and will answer you by %(date)s.") % {
            "date": _day(grievance.due_on)
        }
    if state == State.IN_PROGRESS:
        return _("Your case is with a higher authority or a court, which sets its own time to answer.")
    if state == State.AWAITING_COMPLAINANT:
        return _(
            "We are waiting for your answer to our question. The time we have to answer you is paused until you "
            "reply, and the deadline moves later by the working days we waited."
        )
    if state == State.RESOLVED:
        return _(
            "Tell us by %(date)s whether your issue was resolved. If we do not hear from you by then, the case "
            "will be closed."
        ) % {"date": _day(grievance.satisfaction_due_on)}
    if state == State.UNRELATED:
        return _(
            "Your feedback is not about the project, so we passed it to the body named above. Please contact them "
            "directly."
        )
    return _("The case is closed. If you have a new issue, you can send new feedback at any time.")


def _day(day) -> str:
    return written_date(day) if day else "—"


def may_appeal(grievance) -> bool:
    """Tell whether a "not resolved" answer can take the case to a next stage (the registry's rule: not after 4)."""
    return workflow.TRANSITIONS[workflow.Action.APPEAL].offered(grievance)


def case_page(grievance, page_language: str) -> dict:
    """Return what the tracking page shows about a case the complainant has opened with its number and code."""
    timeline = selectors.grievance_public_timeline(grievance=grievance)
    for event in timeline:
        event.stage_name = Stage(event.to_stage).label if event.to_stage else ""
    questions = [event.question for event in timeline if event.event_type == EventType.INFORMATION_REQUESTED]
    return {
        "grievance": grievance,
        "timeline": timeline,
        "question": questions[-1] if questions and grievance.state == State.AWAITING_COMPLAINANT else "",
        "answer": answer_shown(grievance, page_language),
        "next_step": next_step(grievance),
        "anonymous": is_anonymous(grievance),
        "may_appeal": may_appeal(grievance),
        "grs_url": GRS_URL,
        "inspection_panel_url": INSPECTION_PANEL_URL,
    }
