"""Messages to the complainant: one function per event, each writing an outbox row in the caller's transaction.

The transitions in services.py call the functions their registry entry names
(workflow.Transition.notifications) inside their own transaction, so a rolled
back change sends nothing and a committed one is sent by the outbox, retried
until it goes, even when Redis or the mail server is down at that moment.
Each message is written in the complainant's chosen language (mn, en or kk)
and goes the way they chose (contact_way): an e-mail, an SMS, or a task for
the officer to call them; it is recorded in the case history as `notified`,
with the way and the message.

A new notification is a function here (grievance_<name>_notify), a value of
models.Message and three templates, templates/grievances/email/<name>_subject.txt
and _body.txt and templates/grievances/sms/<name>.txt; a transition queues it
by naming <name> in its registry entry.
"""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from smartgov.models import OutboxChannel
from smartgov.outbox import outbox_message_create

from . import public_case
from .models import (
    SENSITIVE_PERMISSION,
    Complainant,
    ContactTask,
    ContactWay,
    EventType,
    Grievance,
    GrievanceEvent,
    ReplyLanguage,
    ResponseWay,
)

# A Mongolian mobile number: 8 digits starting with 8 or 9, after an optional +976 (spaces and dashes ignored).
MOBILE_NUMBER = re.compile(r"(?:\+?976)?([89]\d{7})")


def complainant_language(complainant) -> str:
    """The language the complainant chose (mn, en or kk), else the site's default."""
    language = complainant.preferred_language if complainant is not None else ""
    return language if language in ReplyLanguage.values else settings.LANGUAGE_CODE


def complainant_of(grievance):
    try:
        return grievance.complainant
    except Complainant.DoesNotExist:
        return None


def mobile_number(phone: str) -> str:
    """Return the 8-digit mobile number written in `phone`, or "" when it is not a Mongolian mobile."""
    match = MOBILE_NUMBER.fullmatch(re.sub(r"[\s\-().]", "", phone or ""))
    return match.group(1) if match else ""


def contact_way(complainant) -> str:
    """Choose how the complainant is told: email, sms, phone or in_person (a call task), or "" for no way.

    E-mail when they chose it or left an e-mail address; SMS when they chose
    phone, or chose nothing, and left a mobile number; a task for the officer ("call the
    complainant") when they chose to be answered in person, or by phone or at a
    meeting without leaving anything a message can be sent to.
    """
    if complainant is None:
        return ""
    chosen = complainant.preferred_contact
    if chosen == ResponseWay.IN_PERSON:
        return ContactWay.IN_PERSON
    if chosen == ResponseWay.PHONE and mobile_number(complainant.phone):
        return ContactWay.SMS
    if complainant.email:
        return ContactWay.EMAIL
    if chosen == ResponseWay.PHONE:
        return ContactWay.PHONE
    if chosen == ResponseWay.MEETING:
        return ContactWay.IN_PERSON
    if not chosen and mobile_number(complainant.phone):
        return ContactWay.SMS  # no way chosen and only a mobile left: a text reaches them
    return ""


def _answer(grievance, language) -> dict:
    """The answer as the tracking page shows it in that language (public_case.answer_shown), and its note.

    The copy in the complainant's language; without one, another language's
    copy with a note saying which (`answer_shown`), as the tracking page does.
    """
    shown = public_case.answer_shown(grievance, language)
    return {"answer": shown.text if shown is not None else "", "answer_shown": shown}


def _render(grievance: Grievance, name: str, way: str, context: dict) -> tuple[str, str]:
    """Render message `name` for `way` in the active language: (subject, body); an SMS has no subject.

    An SMS is one line, whitespace collapsed, so it stays within one or two segments.
    """
    context = {
        "grievance": grievance,
        "deadlines": settings.GRM_DEADLINES,
        "contact": settings.GRM_CONTACT,
        "tracking_url": settings.PUBLIC_BASE_URL + reverse("grievances:track"),
        **context,
    }
    if way == ContactWay.SMS:
        return "", " ".join(render_to_string(f"grievances/sms/{name}.txt", context).split())
    subject = render_to_string(f"grievances/email/{name}_subject.txt", context)
    return subject, render_to_string(f"grievances/email/{name}_body.txt", context)


def _send(grievance: Grievance, name: str, *, erase_after_send: bool = False, **context):
    """Tell the complainant message `name` in their language and way (contact_way); return what was written.

    An e-mail or SMS goes into the outbox and is recorded in the history as
    `notified`; a message to give by phone or in person becomes a ContactTask,
    recorded in the history when the officer does it. A complainant left with
    no way to be told is sent nothing.
    """
    complainant = complainant_of(grievance)
    way = contact_way(complainant)
    if not way:
        return None
    language = complainant_language(complainant)
    if way in (ContactWay.PHONE, ContactWay.IN_PERSON):
        return ContactTask.objects.create(grievance=grievance, message=name, way=way, language=language)
    with translation.override(language):
        subject, body = _render(grievance, name, way, context)
    sms = way == ContactWay.SMS
    message = outbox_message_create(
        channel=OutboxChannel.SMS if sms else OutboxChannel.EMAIL,
        recipient=mobile_number(complainant.phone) if sms else complainant.email,
        subject=subject,
        body=body,
        reference=f"grievance:{grievance.pk}",
        erase_after_send=erase_after_send,
    )
    GrievanceEvent.objects.create(
        grievance=grievance,
        event_type=EventType.NOTIFIED,
        to_status=grievance.status,
        to_stage=grievance.stage,
        data={"way": way, "message": name, "language": language, "outbox_message": message.pk},
    )
    return message


def grievance_receipt_notify(*, grievance: Grievance, code: str):
    """Send the receipt of a case the officer registered, with its tracking code, the complainant's way.

    The code is in the text, so the outbox blanks the text once it is sent
    (erase_after_send): the database holds it, encrypted, only until then.
    By phone or in person the officer reads it out from the printed receipt.
    """
    return _send(grievance, "receipt", erase_after_send=True, code=code)


def grievance_registered_notify(*, grievance: Grievance):
    """Confirm receipt with the registration number and what happens next.

    The tracking code is deliberately not in the message: the outbox keeps message
    text in the database, and the code is stored nowhere but as a hash.
    """
    return _send(grievance, "registered")


def grievance_acknowledged_notify(*, grievance: Grievance):
    """Tell that the case was acknowledged and by when an answer is due."""
    return _send(grievance, "acknowledged")


def grievance_stage_changed_notify(*, grievance: Grievance):
    """Tell that the case moved to another stage of the mechanism, naming it and its new deadline."""
    return _send(grievance, "stage_changed")


def grievance_resolved_notify(*, grievance: Grievance):
    """Give the answer and the actions taken, and how to take the case further."""
    complainant = complainant_of(grievance)
    return _send(grievance, "resolved", **_answer(grievance, complainant_language(complainant)))


def grievance_unrelated_notify(*, grievance: Grievance):
    """Tell that the case is not about the project and name the body it was referred to."""
    return _send(grievance, "unrelated")


def grievance_closed_notify(*, grievance: Grievance):
    """Tell that the case is closed and how to reach the PIU again."""
    return _send(grievance, "closed")


def grievance_information_requested_notify(*, grievance: Grievance):
    """Put the PIU's question to the complainant and say the deadline waits for the answer."""
    question = (
        GrievanceEvent.objects.filter(grievance=grievance, event_type=EventType.INFORMATION_REQUESTED)
        .order_by("-id")
        .values_list("data", flat=True)
        .first()
        or {}
    )
    return _send(grievance, "information_requested", question=question.get("message", ""))


def grievance_information_reminder_notify(*, grievance: Grievance):
    """Remind the complainant, once, of the question still waiting for an answer."""
    return _send(grievance, "information_reminder")


def grievance_appealed_notify(*, grievance: Grievance):
    """Tell the complainant the case went to the next stage, and the assigned officer that it was appealed."""
    _staff_send(grievance, "appealed_staff")
    return _send(grievance, "appealed")


def grievance_replied_staff_notify(*, grievance: Grievance):
    """Tell the assigned officer (else the PIU's address) that the complainant added information."""
    return _staff_send(grievance, "replied_staff")


def grievance_sensitive_staff_notify(*, grievance: Grievance):
    """Tell the SEA/SH focal points that a sensitive case waits for them, in words that do not say what it is about."""
    return _staff_send(grievance, "sensitive_staff")


def _staff_recipients(grievance: Grievance) -> list[str]:
    """Who a staff message about the case goes to: its assignee, else the PIU's address.

    A sensitive case's messages go only to those who may open it: its assignee
    if they may, else every focal point; the PIU's address only when no focal
    point has an e-mail address, so the case is not left unknown.
    """
    officer = grievance.assigned_to
    if grievance.sensitive:
        if officer is not None and officer.email and officer.has_perm(SENSITIVE_PERMISSION):
            return [officer.email]
        focal_points = get_user_model().objects.filter(
            is_active=True, groups__permissions__codename=SENSITIVE_PERMISSION.split(".")[1]
        )
        found = sorted(set(focal_points.exclude(email="").values_list("email", flat=True)))
        if found:
            return found
    elif officer is not None and officer.email:
        return [officer.email]
    return [settings.GRM_CONTACT["email"]] if settings.GRM_CONTACT["email"] else []


def _staff_send(grievance: Grievance, name: str):
    """Write a message to the officer the case is assigned to, else to the PIU's own address, in Mongolian.

    Staff messages name the case and link to its page; they carry nothing of
    what the complainant wrote, which staff read in the admin. Returns the
    first message written (a sensitive case may go to several focal points).
    """
    recipients = _staff_recipients(grievance)
    if not recipients:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "grievance": grievance,
            "case_url": settings.PUBLIC_BASE_URL + reverse("admin:grievances_grievance_change", args=[grievance.pk]),
        }
        subject = render_to_string(f"grievances/email/{name}_subject.txt", context)
        body = render_to_string(f"grievances/email/{name}_body.txt", context)
    written = [
        outbox_message_create(recipient=recipient, subject=subject, body=body, reference=f"grievance:{grievance.pk}")
        for recipient in recipients
    ]
    return written[0]
