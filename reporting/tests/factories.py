"""Factories for reporting tests: cases in a given state, report records, press materials.

`settle_case` stands in for the grievance workflow (acknowledge, resolve, mark
unrelated), which is written in another branch: it sets the resulting columns
with a queryset update, computing the working days the way the workflow does.
Swap it for the workflow services once they land.
"""

from datetime import date

import factory
from django.core.files.base import ContentFile

from grievances.models import Grievance, Stage, Status
from grievances.tests.factories import UserFactory, local_datetime, register_grievance  # noqa: F401
from reporting.models import PressMaterial, PressMaterialType, ReportRecord
from smartgov.workdays import working_days_between


def settle_case(
    grievance,
    *,
    status: str,
    resolved_on: date | None = None,
    actions_taken: str = "",
    response_way: str = "",
    referred_to: str = "",
):
    """Put a registered case in its final state, as the workflow's resolve / mark-unrelated would."""
    values = {"status": status, "actions_taken": actions_taken, "response_way": response_way}
    if status == Status.RESOLVED:
        received_on = grievance.received_at.astimezone(local_datetime(2000, 1, 1).tzinfo).date()
        values.update(
            resolved_on=resolved_on,
            working_days_to_resolve=working_days_between(received_on, resolved_on),
            stage=Stage.PIU,
            actions_taken_mn=actions_taken,
            actions_taken_en=actions_taken,
        )
    elif status == Status.UNRELATED:
        values.update(referred_to=referred_to or "Referred to the responsible agency")
    Grievance.objects.filter(pk=grievance.pk).update(**values)
    grievance.refresh_from_db()
    return grievance


def case(*, received_on: date, status: str = Status.RESOLVING, resolved_on: date | None = None, **register_kwargs):
    """Register a case received on a day (10:00 in Ulaanbaatar) and settle it in `status`."""
    actions = {key: register_kwargs.pop(key) for key in ("actions_taken", "response_way") if key in register_kwargs}
    grievance = register_grievance(
        received_at=local_datetime(received_on.year, received_on.month, received_on.day), **register_kwargs
    )
    if status == Status.RESOLVING:
        return grievance
    return settle_case(grievance, status=status, resolved_on=resolved_on, **actions)


class PressMaterialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PressMaterial

    title = factory.Sequence(lambda n: f"Smart Government news {n}")
    outlet = "Montsame"
    type = PressMaterialType.ONLINE
    published_on = date(2020, 10, 8)
    link = "https://montsame.mn/"


class ReportRecordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportRecord

    period_start = date(2020, 6, 25)
    period_end = date(2020, 12, 31)
    language = "en"
    file = factory.LazyFunction(lambda: ContentFile(b"%PDF-1.7 test", name="grm-report.pdf"))
    sha256 = "0" * 64
