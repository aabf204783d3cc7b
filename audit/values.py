"""What of a change the audit log may keep: structured values in full, free texts by name only.

Free text (names, e-mail addresses, phone numbers, messages, notes) may hold
personal data, and an append-only log could never forget it when a case is
anonymised. So the log says that such a field changed, not what it said;
choices, numbers, dates, flags and links to other records keep their old and
new values.
"""

from datetime import date, datetime, time
from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models

FREE_TEXT = (models.CharField, models.TextField, models.FileField, models.JSONField, models.BinaryField)


def recordable(model, name: str) -> bool:
    """Whether the log may keep the values of `model`'s field `name`: a concrete field that is not free text."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False  # not a field we know: named only
    if not getattr(field, "concrete", False):
        return False
    return bool(field.choices) or not isinstance(field, FREE_TEXT)


def plain(value):
    """A value as JSON keeps it, the same after the database hands it back (no floats, dates as text)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | float):
        return str(value)
    if isinstance(value, models.Model):
        return value.pk
    if value is None or isinstance(value, bool | int | str):
        return value
    return str(value)


def changes_record(model, pairs: dict) -> dict:
    """Describe `pairs` ({name: (old, new)}): {"fields": every name, "values": {name: [old, new]} if recordable}."""
    values = {name: [plain(old), plain(new)] for name, (old, new) in pairs.items() if recordable(model, name)}
    record = {"fields": sorted(pairs)}
    if values:
        record["values"] = values
    return record
