"""Registration numbers in the PIU's style: prefix-year/running number, e.g. f-2020/03."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import connection, transaction

from .models import RegistrationCounter

NUMBER_PATTERN = re.compile(r"^(?P<prefix>[^-\s]+)-(?P<year>\d{4})/(?P<sequence>\d+)$")


# A number as people type it: with or without the prefix (which may be typed in Cyrillic on a Mongolian
# keyboard, "ф-2026/06", or with a space), then the year and the running number.
TYPED_NUMBER_PATTERN = re.compile(r"^(?:[^\d\s/]+[\s\-]*)?(?P<year>\d{4})\s*/\s*(?P<sequence>\d{1,9})$")


def parse_typed_number(text: str):
    """Return (year, sequence) of a number as people type it (f-2026/06, 2026/6, ф-2026/06), or None."""
    match = TYPED_NUMBER_PATTERN.match((text or "").strip())
    return (int(match["year"]), int(match["sequence"])) if match else None


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
    comes first, before reading, so the lock is taken in one statement, which
    also returns the number (UPDATE ... RETURNING: one round trip, not an
    update then a read); the year's row is made on its first registration.
    """
    number = _increment(year)
    if number is None:
        RegistrationCounter.objects.bulk_create([RegistrationCounter(year=year)], ignore_conflicts=True)
        number = _increment(year)
    return number, format_registration_number(year, number)


def _increment(year: int) -> int | None:
    """Add one to the year's counter and return the new value, or None when the year has no row yet."""
    table = connection.ops.quote_name(RegistrationCounter._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {table} SET last_number = last_number + 1 WHERE year = %s RETURNING last_number",  # noqa: S608
            [year],
        )
        row = cursor.fetchone()
    return row[0] if row else None


def reserve_given_number(year: int, sequence: int) -> None:
    """Make sure a number kept from an imported log is never given again.

    The counter row is written (and so locked until the transaction ends) only
    when it is below the number: the importer raises it beforehand in a short
    transaction of its own (numbers_reserve), so that its long one never holds
    the lock the public form waits for.
    """
    RegistrationCounter.objects.bulk_create([RegistrationCounter(year=year)], ignore_conflicts=True)
    RegistrationCounter.objects.filter(year=year, last_number__lt=sequence).update(last_number=sequence)


@dataclass(frozen=True)
class Reservation:
    """What numbers_reserve changed: the year's counter went from `before` to `after`."""

    year: int
    before: int
    after: int
    count: int

    @property
    def taken(self) -> range:
        """The numbers taken for cases without one (those after the highest number the import brings)."""
        return range(self.after - self.count + 1, self.after + 1)


def numbers_reserve(year: int, *, given_up_to: int, count: int) -> Reservation:
    """Raise the year's counter past the numbers an import brings and take `count` more after them.

    Runs in a transaction of its own, committed at once when the caller has
    none (the import command): the counter row is locked for a moment, not for
    the whole import, and the public form goes on numbering meanwhile.
    """
    with transaction.atomic():
        RegistrationCounter.objects.bulk_create([RegistrationCounter(year=year)], ignore_conflicts=True)
        counter = RegistrationCounter.objects.select_for_update().get(year=year)
        before = counter.last_number
        counter.last_number = max(before, given_up_to) + count
        counter.save(update_fields=["last_number"])
    return Reservation(year=year, before=before, after=counter.last_number, count=count)


def numbers_give_back(reservation: Reservation) -> bool:
    """Put the counter back as it was before a failed import, unless a case took a number since; say if it did.

    When one did, the reserved numbers stay unused: a gap in the year's
    numbers, never a number given twice.
    """
    counter = RegistrationCounter.objects.filter(year=reservation.year, last_number=reservation.after)
    return bool(counter.update(last_number=reservation.before))
