"""Demo data from the SEP (2021): the stakeholder register (table 2) and the consultation records.

Safe to run twice: stakeholders are matched by English name, events by English
title and date, and an event's agenda, participants and feedback are loaded
only when the event is created.
"""

from datetime import datetime, time
from zoneinfo import ZoneInfo

from django.utils import translation

from .demo_data import feedback, meeting, register
from .models import (
    AgendaItem,
    ConsultationEvent,
    EventMaterial,
    FeedbackSource,
    Participation,
    Stakeholder,
    VulnerableGroup,
)
from .services import feedback_item_create, feedback_item_respond

ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")
# Annex B feedback came in the question session (09:45-10:45). The SEP reports
# the consultation "as of December 22, 2021"; the responses are dated that day.
FEEDBACK_RECEIVED_AT = datetime(2021, 12, 17, 10, 45, tzinfo=ULAANBAATAR)
RESPONDED_AT = datetime.combine(datetime(2021, 12, 22).date(), time(17, 0), tzinfo=ULAANBAATAR)


def load(stdout):
    with translation.override("mn"):
        stakeholders = _load_register()
        created = _load_december_meeting(stakeholders) + _load_briefing() + load_ict_expo()
    stdout.write(f"stakeholders: {len(stakeholders)} stakeholders in the register, {created} consultation events added")


def _load_register():
    groups = {group.name_en: group for group in VulnerableGroup.objects.all()}
    stakeholders = {}
    for row in register.STAKEHOLDERS:
        name_en, name_mn, kind, role_en, role_mn, interest, influence, category, government, represented, notes = row
        stakeholder, _created = Stakeholder.objects.update_or_create(
            name_en=name_en,
            defaults={
                "name_mn": name_mn,
                "stakeholder_type": kind,
                "role_en": role_en,
                "role_mn": role_mn,
                "interest": interest,
                "influence": influence,
                "category": category,
                "is_government": government,
                "notes_en": notes[0],
                "notes_mn": notes[1],
            },
        )
        stakeholder.vulnerable_groups.set([groups[name] for name in represented if name in groups])
        stakeholders[name_en] = stakeholder
    return stakeholders


def _event(values):
    fields = {key: value for key, value in values.items() if key not in ("title_en", "starts_on")}
    return ConsultationEvent.objects.get_or_create(
        title_en=values["title_en"], starts_on=values["starts_on"], defaults={**fields, "is_published": True}
    )


def _load_december_meeting(stakeholders):
    event, created = _event(meeting.DECEMBER_MEETING)
    if not created:
        return 0
    AgendaItem.objects.bulk_create(
        AgendaItem(
            event=event,
            starts_at=starts,
            ends_at=ends,
            title_en=title_en,
            title_mn=title_mn,
            details_en=details_en,
            details_mn=details_mn,
            presenter_en=presenter_en,
            presenter_mn=presenter_mn,
        )
        for starts, ends, title_en, title_mn, details_en, details_mn, presenter_en, presenter_mn in meeting.AGENDA
    )
    Participation.objects.bulk_create(
        Participation(
            event=event,
            position=position,
            organisation_en=name_en,
            organisation_mn=name_mn,
            organisation_type=kind,
            other=count,
            stakeholder=stakeholders.get(stakeholder_name),
        )
        for position, (name_en, name_mn, kind, count, stakeholder_name) in enumerate(meeting.PARTICIPANTS, start=1)
    )
    attending = {stakeholders[name] for *_, name in meeting.PARTICIPANTS if name in stakeholders}
    event.attending_stakeholders.set(attending)
    event.invited_stakeholders.set(attending)
    for title_en, title_mn, url in meeting.MATERIALS:
        EventMaterial.objects.create(event=event, title_en=title_en, title_mn=title_mn, url=url)
    _load_feedback(event)
    return 1


def _load_feedback(event):
    for topic_en, topic_mn, points in feedback.TOPICS:
        for text_en, text_mn, decision, reason_en, reason_mn, (reflected_en, reflected_mn) in points:
            item = feedback_item_create(
                source=FeedbackSource.EVENT,
                subject=event,
                topic=topic_mn,
                text=text_mn,
                received_at=FEEDBACK_RECEIVED_AT,
            )
            item = feedback_item_respond(
                item=item, decision=decision, reason=reason_mn, reflected_in=reflected_mn, responded_at=RESPONDED_AT
            )
            _set_translations(
                item,
                topic=(topic_mn, topic_en),
                text=(text_mn, text_en),
                reason=(reason_mn, reason_en),
                reflected_in=(reflected_mn, reflected_en),
            )


def _set_translations(item, **fields):
    """Store both language versions of the texts the services wrote in one language."""
    update_fields = []
    for name, (mongolian, english) in fields.items():
        setattr(item, f"{name}_mn", mongolian)
        setattr(item, f"{name}_en", english)
        update_fields += [f"{name}_mn", f"{name}_en"]
    item.save(update_fields=update_fields)


def _load_briefing():
    event, created = _event(meeting.BRIEFING)
    if not created:
        return 0
    Participation.objects.bulk_create(
        Participation(
            event=event, organisation_en=en, organisation_mn=mn, organisation_type="government", male=m, female=f
        )
        for en, mn, m, f in meeting.BRIEFING_PARTICIPANTS
    )
    return 1


def load_ict_expo():
    """The 2020 ICT Expo, the outreach the 2020 H2 GRM report lists under "Other" (1,800 citizens reached)."""
    _expo, created = _event(meeting.ICT_EXPO)
    return int(created)
