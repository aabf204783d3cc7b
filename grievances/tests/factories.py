"""Factories for the grievance log; build cases through the registering service."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model

from grievances import services
from grievances.models import Channel, Kind

ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")


def local_datetime(year, month, day, hour=10):
    return datetime(year, month, day, hour, tzinfo=ULAANBAATAR)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    is_staff = True


SUMMARIES = {
    "summary_mn": "Нээлттэй өгөгдлийн тухай хуулийн төслийг хүссэн",
    "summary_en": "Request a draft law on open data",
}
ACTIONS_TAKEN = {"actions_taken_mn": "Хуулийн төслийг илгээсэн", "actions_taken_en": "Sent the draft law"}


def register_grievance(summary=None, **overrides):
    """Register a case the way the portal does; keyword arguments override the defaults.

    The case has its public summary in Mongolian and English (SUMMARIES), or
    `translations` as given. `summary`, for tests where the language does not
    matter, is the text of both copies.
    """
    values = {
        "kind": Kind.REQUEST,
        "channel": Channel.FACEBOOK,
        "translations": SUMMARIES if summary is None else {"summary_mn": summary, "summary_en": summary},
        "received_at": local_datetime(2020, 7, 31),
    }
    values.update(overrides)
    return services.grievance_register(**values)


def resolve(grievance, *, actor=None, response_way="email", **arguments):
    """Resolve a case through the service; the actions taken are ACTIONS_TAKEN, in both languages, unless given."""
    return services.grievance_resolve(
        grievance=grievance, actor=actor, response_way=response_way, **{**ACTIONS_TAKEN, **arguments}
    )


def user_with_role(role, **kwargs):
    """A staff user in one of the role groups of smartgov.roles."""
    from django.contrib.auth.models import Group

    user = UserFactory(**kwargs)
    user.groups.add(Group.objects.get(name=role))
    return user


def case_in_state(state, long_unanswered=False, **overrides):
    """A case brought to a workflow state through the services (state: a workflow.State value).

    `long_unanswered`: a case waiting for the complainant was reminded long ago,
    so it may be closed for no answer (the only transition that depends on time).
    """
    from grievances.workflow import State

    grievance = register_grievance(**overrides)
    if state == State.REGISTERED:
        return grievance
    grievance = services.grievance_acknowledge(grievance=grievance, actor=None)
    if state == State.AWAITING_COMPLAINANT:
        grievance = services.grievance_request_information(grievance=grievance, actor=None, message="Which road?")
        if long_unanswered:
            grievance.__class__.objects.filter(pk=grievance.pk).update(reminded_on=date(2020, 8, 1))
            grievance.refresh_from_db()
        return grievance
    if state == State.UNRELATED:
        return services.grievance_mark_unrelated(grievance=grievance, actor=None, referred_to="Tax office")
    if state in (State.RESOLVED, State.CLOSED):
        grievance = resolve(grievance)
    if state == State.CLOSED:
        grievance = services.grievance_close(grievance=grievance, actor=None)
    return grievance
