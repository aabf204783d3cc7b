import pytest

from grievances.models import EventType, Grievance, RegistrationCounter
from grievances.tests.factories import local_datetime, register_grievance
from smartgov.exceptions import ApplicationError

pytestmark = pytest.mark.django_db


def test_numbers_run_per_year_in_the_piu_style():
    first = register_grievance(received_at=local_datetime(2020, 7, 31))
    second = register_grievance(received_at=local_datetime(2020, 8, 2))
    next_year = register_grievance(received_at=local_datetime(2021, 1, 4))
    assert [first.registered_no, second.registered_no, next_year.registered_no] == [
        "f-2020/01",
        "f-2020/02",
        "f-2021/01",
    ]


def test_a_number_kept_from_the_old_log_is_never_given_again():
    register_grievance(registered_no="f-2020/10", received_at=local_datetime(2020, 11, 25))
    assert register_grievance(received_at=local_datetime(2020, 12, 1)).registered_no == "f-2020/11"


def test_a_used_number_is_refused_and_nothing_is_stored():
    register_grievance(registered_no="f-2020/03")
    with pytest.raises(ApplicationError):
        register_grievance(registered_no="f-2020/03")
    assert Grievance.objects.count() == 1


def test_registration_writes_history_and_the_acknowledgement_deadline():
    grievance = register_grievance(received_at=local_datetime(2020, 8, 2))  # a Sunday
    assert grievance.events.get().event_type == EventType.REGISTERED
    assert grievance.due_on.isoformat() == "2020-08-04"


def test_a_rolled_back_registration_gives_its_number_back():
    from django.db import transaction

    with pytest.raises(RuntimeError), transaction.atomic():
        register_grievance()
        raise RuntimeError("rolled back")
    assert not RegistrationCounter.objects.exists() or RegistrationCounter.objects.get(year=2020).last_number == 0
    assert register_grievance().registered_no == "f-2020/01"
