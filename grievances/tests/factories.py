"""Factories for the grievance log; build cases through the registering service."""

from datetime import datetime
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


def register_grievance(**overrides):
    """Register a case the way the portal does; keyword arguments override the defaults."""
    values = {
        "kind": Kind.REQUEST,
        "channel": Channel.FACEBOOK,
        "summary": "Request a draft law on open data",
        "received_at": local_datetime(2020, 7, 31),
    }
    values.update(overrides)
    return services.grievance_register(**values)
