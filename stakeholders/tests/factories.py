"""Factories for the stakeholder register and consultation records."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from smartgov import roles
from stakeholders import services
from stakeholders.models import (
    AgendaItem,
    ConsultationEvent,
    EventFormat,
    FeedbackSource,
    Level,
    OrganisationType,
    Participation,
    ProjectStage,
    Stakeholder,
    StakeholderCategory,
    StakeholderType,
    VulnerableGroup,
)

ULAANBAATAR = ZoneInfo("Asia/Ulaanbaatar")


def local_datetime(year, month, day, hour=10):
    return datetime.combine(date(year, month, day), time(hour), tzinfo=ULAANBAATAR)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"staff{n}")
    is_staff = True


def safeguards_specialist(username="safeguards-specialist"):
    user = UserFactory(username=username)
    user.groups.add(Group.objects.get(name=roles.SAFEGUARDS_SPECIALIST))
    return user


class VulnerableGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VulnerableGroup

    name_en = factory.Sequence(lambda n: f"Group {n}")
    name_mn = factory.Sequence(lambda n: f"Бүлэг {n}")


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder
        skip_postgeneration_save = True

    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    name_mn = factory.Sequence(lambda n: f"Байгууллага {n}")
    stakeholder_type = StakeholderType.NGO_CSO
    interest = Level.HIGH
    influence = Level.MEDIUM
    category = StakeholderCategory.OTHER_INTERESTED_PARTY

    @factory.post_generation
    def vulnerable_groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.vulnerable_groups.set(extracted)


class ConsultationEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConsultationEvent

    title_en = factory.Sequence(lambda n: f"Consultation {n}")
    title_mn = factory.Sequence(lambda n: f"Зөвлөлдөх уулзалт {n}")
    starts_on = date(2021, 12, 17)
    event_format = EventFormat.IN_PERSON
    responsible_body_en = "PIU"
    responsible_body_mn = "ТХН"
    project_stage = ProjectStage.PREPARATION
    is_published = True


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    event = factory.SubFactory(ConsultationEventFactory)
    starts_at = time(9, 0)
    title_en = "Opening"
    title_mn = "Нээлт"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    event = factory.SubFactory(ConsultationEventFactory)
    organisation_en = factory.Sequence(lambda n: f"Agency {n}")
    organisation_mn = factory.Sequence(lambda n: f"Агентлаг {n}")
    organisation_type = OrganisationType.GOVERNMENT


def feedback_on(subject, *, decision=None, received_at=None, responded_at=None, **fields):
    """Record feedback through the service, and respond to it when a decision is given."""
    english = {name: fields.pop(name) for name in list(fields) if name.endswith("_en")}
    values = {"source": FeedbackSource.EVENT, "text": "Hold meetings in the aimag centres too.", **fields}
    item = services.feedback_item_create(subject=subject, received_at=received_at, **values)
    if english:
        for name, value in english.items():
            setattr(item, name, value)
        item.save(update_fields=list(english))
    if decision:
        item = services.feedback_item_respond(
            item=item, decision=decision, reason="Because the SEP says so.", responded_at=responded_at
        )
    return item


def public_comment(subject, **fields):
    """A comment a citizen posted on `subject`, recorded as the site records it (it may wait for moderation)."""
    values = {"source": FeedbackSource.DOCUMENT_COMMENT, "text": "Publish the draft in Kazakh too.", **fields}
    return services.feedback_item_create(subject=subject, from_public=True, **values)


def moderator(username="moderator", email="moderator@smart.gov.mn"):
    """A safeguards specialist (the role that moderates) with an e-mail address."""
    user = safeguards_specialist(username)
    user.email = email
    user.save(update_fields=["email"])
    return user
