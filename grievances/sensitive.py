"""Writes of the sensitive-case pathway (SEA/SH): marking a case sensitive, consent, referrals to support services.

A sensitive case is seen only by the SEA/SH focal point and the superuser
(models.GrievanceQuerySet.visible_to); marking one takes it out of every
officer's and committee member's sight at once. Staff who handle the case may
mark it; only those who may see sensitive cases may take the mark off, since
no one else can open it any more. A referral to a support service needs the
complainant's consent, recorded first: the survivor decides, not the PIU.
"""

from django.db import transaction
from django.utils.translation import gettext as _

from smartgov.exceptions import ApplicationError

from . import history, notifications, workflow
from .models import SENSITIVE_PERMISSION, EventType, Grievance, ReferralConsent, SupportReferral, SupportService
from .services import grievance_event_record

TRIAGE = "grievances.triage_grievance"


def may_mark_sensitive(actor, grievance) -> bool:
    """Tell whether the person may mark this (not yet sensitive) case sensitive: who triages it, or a focal point."""
    if grievance.sensitive or not actor.is_active:
        return False
    return actor.has_perm(SENSITIVE_PERMISSION) or (actor.has_perm(TRIAGE) and workflow.can_handle(actor, grievance))


def registers_sensitive(actor) -> bool:
    """Tell whether the cases this person registers are sensitive: theirs, if they see only sensitive cases.

    That is the focal point. A survivor who tells the focal point should be
    known to no one else, so the case is sensitive from its first save and
    never an ordinary case an officer could open before it is marked. Those
    who see every case (the superuser) register ordinary ones and mark them.
    """
    return actor.has_perm(SENSITIVE_PERMISSION) and not actor.has_perm("grievances.view_all_grievances")


def may_handle_sensitive(actor, grievance) -> bool:
    """Tell whether the person may unmark the case, record consent and referrals: the focal point, the superuser."""
    return grievance.sensitive and actor.is_active and actor.has_perm(SENSITIVE_PERMISSION)


def _locked(grievance):
    return Grievance.objects.select_for_update().get(pk=grievance.pk)


@transaction.atomic
def grievance_mark_sensitive(*, grievance: Grievance, actor, note: str = "") -> Grievance:
    """Mark the case sensitive (SEA/SH): from now on only the focal point and the superuser see it.

    An assignee who may not see sensitive cases is taken off it (their list
    would show a case they can no longer open), and the focal points are told
    by e-mail in neutral words. `actor=None` is the system (the public form).
    """
    locked = _locked(grievance)
    if locked.sensitive:
        raise ApplicationError(_("Case %(number)s is already sensitive.") % {"number": locked.registered_no})
    if actor is not None and not may_mark_sensitive(actor, locked):
        raise ApplicationError(_("You may not mark case %(number)s sensitive.") % {"number": locked.registered_no})
    before = history.snapshot(locked, ["sensitive", "assigned_to"])
    locked.sensitive = True
    if locked.assigned_to is not None and not locked.assigned_to.has_perm(SENSITIVE_PERMISSION):
        locked.assigned_to = None
    changes = history.changes(before, locked)
    locked.save(update_fields=[*changes, "updated_at"])
    grievance_event_record(
        grievance=locked,
        event_type=EventType.MARKED_SENSITIVE,
        actor=actor,
        note=note,
        data={"changes": history.as_json(changes)},
        from_status=locked.status,
        from_stage=locked.stage,
    )
    notifications.grievance_sensitive_staff_notify(grievance=locked)
    return locked


@transaction.atomic
def grievance_unmark_sensitive(*, grievance: Grievance, actor, note: str = "") -> Grievance:
    """Take the sensitive mark off a case (it was not SEA/SH after all): it goes back to the ordinary log.

    Only the focal point or the superuser may: no one else can see the case. The note says why.
    """
    locked = _locked(grievance)
    if not may_handle_sensitive(actor, locked):
        raise ApplicationError(
            _("Only the SEA/SH focal point may take the sensitive mark off case %(number)s.")
            % {"number": locked.registered_no}
        )
    if not (note or "").strip():
        raise ApplicationError(_("Say why the case is no longer sensitive."), field="note")
    locked.sensitive = False
    locked.save(update_fields=["sensitive", "updated_at"])
    grievance_event_record(
        grievance=locked,
        event_type=EventType.UNMARKED_SENSITIVE,
        actor=actor,
        note=note,
        data={"changes": {"sensitive": [True, False]}},
        from_status=locked.status,
        from_stage=locked.stage,
    )
    return locked


@transaction.atomic
def grievance_referral_consent_record(*, grievance: Grievance, actor, consent: str, note: str = "") -> Grievance:
    """Record the complainant's answer about a referral to a support service (given by phone, in person...).

    The form asks it too; the focal point records an answer given later, or a changed mind.
    """
    locked = _locked(grievance)
    if not may_handle_sensitive(actor, locked):
        raise ApplicationError(_("Only the SEA/SH focal point may record the complainant's consent."))
    if consent not in ReferralConsent.values:
        raise ApplicationError(_("Choose the complainant's answer."), field="consent")
    old = locked.referral_consent
    locked.referral_consent = consent
    locked.save(update_fields=["referral_consent", "updated_at"])
    grievance_event_record(
        grievance=locked,
        event_type=EventType.REFERRAL_CONSENT_RECORDED,
        actor=actor,
        note=note,
        data={"changes": {"referral_consent": [old, consent]}},
        from_status=locked.status,
        from_stage=locked.stage,
    )
    return locked


@transaction.atomic
def grievance_support_referral_record(
    *, grievance: Grievance, actor, service: SupportService, note: str = ""
) -> SupportReferral:
    """Record that the complainant was put in touch with a support service; refused without their consent.

    Consent is the complainant's own "yes" (on the form, or recorded by the
    focal point with grievance_referral_consent_record); "not asked" is not consent.
    """
    locked = _locked(grievance)
    if not may_handle_sensitive(actor, locked):
        raise ApplicationError(_("Only the SEA/SH focal point may refer a sensitive case to a support service."))
    if locked.referral_consent != ReferralConsent.YES:
        raise ApplicationError(
            _(
                "The complainant has not agreed to a referral. Ask them first and record their answer; "
                "refer them only if they say yes."
            ),
            field="service",
        )
    if not service.is_active:
        raise ApplicationError(_("%(service)s is no longer offered.") % {"service": service}, field="service")
    referral = SupportReferral.objects.create(grievance=locked, service=service, referred_by=actor, note=note)
    grievance_event_record(
        grievance=locked,
        event_type=EventType.REFERRED_TO_SUPPORT,
        actor=actor,
        note=note,
        data={"service": service.pk},
        from_status=locked.status,
        from_stage=locked.stage,
    )
    return referral
