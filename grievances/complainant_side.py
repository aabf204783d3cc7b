"""What the complainant does and is owed after registration: a tracking code, replies, reminders, the closing clock.

The workflow's own transitions for the complainant (appeal, confirm resolved)
are in services.py and the registry; this module holds the writes around
them that are not transitions of the case's state.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError
from smartgov.workdays import add_working_days

from . import notifications, services, tracking, uploads
from .models import EventType, Grievance, State

logger = logging.getLogger(__name__)


@transaction.atomic
def grievance_tracking_code_issue(*, grievance: Grievance, actor) -> tuple[Grievance, str]:
    """Give the case a new tracking code and return it; any earlier code stops working.

    Only the hash is stored; the code itself is returned once, for the receipt
    the officer hands over, posts or reads out, and for the message to a
    complainant who left an e-mail address.
    """
    locked = Grievance.objects.select_for_update().get(pk=grievance.pk)
    replaced = bool(locked.tracking_code_hash)
    code = tracking.tracking_code_random()
    locked.tracking_code_hash = tracking.tracking_code_hash(code)
    locked.save(update_fields=["tracking_code_hash", "updated_at"])
    services.grievance_event_record(
        grievance=locked, event_type=EventType.TRACKING_CODE_ISSUED, actor=actor, data={"replaced": replaced}
    )
    return locked, code


MAX_REPLY_CHARACTERS = 5000


@transaction.atomic
def grievance_complainant_reply(*, grievance: Grievance, text: str, attachments=()) -> Grievance:
    """Add the complainant's information to the case; if the PIU was waiting for it, restart the clock.

    The text is kept in the history entry's note (anonymisation clears notes),
    the files as attachments; the assigned officer is told by e-mail and by the
    badge on the case list.
    """
    text = (text or "").strip()
    if not text and not attachments:
        raise ApplicationError(_("Write your information or attach a file."), field="text")
    if len(text) > MAX_REPLY_CHARACTERS:
        raise ApplicationError(
            _("Please keep your information under %(count)s characters.") % {"count": MAX_REPLY_CHARACTERS},
            field="text",
        )
    locked = Grievance.objects.select_for_update().get(pk=grievance.pk)
    if not locked.is_open:
        raise ApplicationError(_("This case is closed. To raise something new, send new feedback."))
    for checked in attachments:
        uploads.attachment_store(grievance=locked, checked=checked)
    services.grievance_event_record(
        grievance=locked,
        event_type=EventType.COMPLAINANT_REPLIED,
        note=text,
        data={"attachments": len(attachments)},
    )
    locked.has_unread_reply = True
    locked.save(update_fields=["has_unread_reply", "updated_at"])
    if locked.state == State.AWAITING_COMPLAINANT:
        locked = services.grievance_information_receive(grievance=locked, actor=None)
    notifications.grievance_replied_staff_notify(grievance=locked)
    return locked


def grievance_reply_seen(*, grievance: Grievance) -> None:
    """Clear the case list's "new reply" badge: a member of staff opened the case."""
    if grievance.has_unread_reply:
        Grievance.objects.filter(pk=grievance.pk).update(has_unread_reply=False)


def grievances_remind_unanswered(*, today=None) -> int:
    """Remind, once, each complainant who left a request for information unanswered too long; return how many."""
    today = today or timezone.localdate()
    reminded = 0
    waiting = Grievance.objects.filter(state=State.AWAITING_COMPLAINANT, reminded_on__isnull=True)
    for pk, since in waiting.values_list("pk", "awaiting_since"):
        if add_working_days(since + timedelta(days=1), settings.GRM_INFORMATION_REMINDER_DAYS) <= today:
            try:
                reminded += _remind(pk, today)
            except Exception:  # one broken case must not stop the others' reminders
                logger.exception("Could not remind the complainant of case %s.", pk)
    return reminded


@transaction.atomic
def _remind(pk, today) -> int:
    case = Grievance.objects.select_for_update().get(pk=pk)
    if case.state != State.AWAITING_COMPLAINANT or case.reminded_on is not None:
        return 0  # answered or reminded since the list was read
    case.reminded_on = today
    case.save(update_fields=["reminded_on", "updated_at"])
    services.grievance_event_record(grievance=case, event_type=EventType.REMINDED)
    notifications.grievance_information_reminder_notify(grievance=case)
    return 1


def grievances_close_unanswered(*, today=None) -> int:
    """Close each resolved case whose "was it resolved?" question has passed unanswered; return how many."""
    today = today or timezone.localdate()
    due = Grievance.objects.filter(state=State.RESOLVED, satisfaction_due_on__lt=today).values_list("pk", flat=True)
    closed = 0
    for pk in due:
        try:
            services.grievance_close_unanswered(grievance=Grievance(pk=pk))
        except ApplicationError:
            continue  # answered, closed, reopened or resolved again since the list was read
        except Exception:  # one broken case must not keep the others open run after run
            logger.exception("Could not close case %s left unanswered.", pk)
            continue
        closed += 1
    return closed
