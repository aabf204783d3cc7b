"""Registration numbers in the PIU's style: prefix-year/running number, e.g. f-2020/03."""

import re

from django.conf import settings
from django.db.models import F

from .models import RegistrationCounter

NUMBER_PATTERN = re.compile(r"^(?P<prefix>[^-\s]+)-(?P<year>\d{4})/(?P<sequence>\d+)$")


def format_registration_number(year: int, sequence: int) -> str:
    return f"{settings.GRM_REGISTRATION_PREFIX}-{year}/{sequence:02d}"


def parse_registration_number(number: str):
    """Return (year, sequence) of a number in the PIU's style, or None."""
    match = NUMBER_PATTERN.match(number.strip())
    if not match:
        return None
    return int(match["year"]), int(match["sequence"])


def take_next_number(year: int) -> tuple[int, str]:
    """Take the year's next running number; call inside the registering transaction.

    The UPDATE locks the counter row until the transaction ends, so concurrent
    registrations queue here and a rolled-back one gives its number back. It
    comes first, before reading, so the lock is taken in one statement; the
    year's row is made on its first registration.
    """
    counter = RegistrationCounter.objects.filter(year=year)
    if not counter.update(last_number=F("last_number") + 1):
        RegistrationCounter.objects.bulk_create([RegistrationCounter(year=year)], ignore_conflicts=True)
        counter.update(last_number=F("last_number") + 1)
    number = counter.values_list("last_number", flat=True).get()
    return number, format_registration_number(year, number)


def reserve_given_number(year: int, sequence: int) -> None:
    """Make sure a number kept from an imported log is never given again."""
    RegistrationCounter.objects.bulk_create([RegistrationCounter(year=year)], ignore_conflicts=True)
    counter = RegistrationCounter.objects.select_for_update().get(year=year)
    if counter.last_number < sequence:
        counter.last_number = sequence
        counter.save(update_fields=["last_number"])
