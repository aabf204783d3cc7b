"""The admin's own log of form saves (django.contrib.admin's LogEntry), kept free of complainants' identity.

Django writes a LogEntry for every save in the admin, quoting str() of the
object and of each inline row it changed. Complainant.__str__ names the case,
not the person, so new entries hold no identity; this module cleans the
entries of one case when it is anonymised (and migration 0013 cleaned the
entries written before). The case's History button shows the case's own
history (GrievanceAdmin.history_view), not this log.
"""

import json

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType

from .models import Complainant, Grievance

# How Django names a complainant row in a change message: its verbose name, stored untranslated.
COMPLAINANT_ITEM_NAME = "complainant"
# A shorter "name" would be found inside ordinary words; Django's JSON names the row by its own key anyway.
MIN_NAME_LENGTH = 3


def complainant_label(registered_no: str) -> str:
    """What the log calls a case's complainant, untranslated as LogEntry stores its texts."""
    return f"complainant of {registered_no}"


def _redacted(value, name, label):
    """`value` (a change message's parsed JSON) with every mention of the complainant replaced by `label`."""
    if isinstance(value, list):
        return [_redacted(item, name, label) for item in value]
    if isinstance(value, dict):
        redacted = {key: _redacted(item, name, label) for key, item in value.items()}
        if redacted.get("name") == COMPLAINANT_ITEM_NAME and "object" in redacted:
            redacted["object"] = label
        return redacted
    if isinstance(value, str) and len(name) >= MIN_NAME_LENGTH and name in value:
        return value.replace(name, label)
    return value


def redacted_change_message(message: str, *, name: str, label: str) -> str:
    """A LogEntry change message naming no complainant: their rows called `label`, `name` replaced wherever it is.

    Django stores the message as JSON (ASCII-escaped, so the name is found only
    once parsed); messages of older Django versions are plain text.
    """
    name = (name or "").strip()
    try:
        parsed = json.loads(message) if message else None
    except ValueError:
        parsed = None
    if isinstance(parsed, list):
        redacted = _redacted(parsed, name, label)
        return message if redacted == parsed else json.dumps(redacted)
    return _redacted(message, name, label) if message else message


def log_entries_scrub(*, grievance: Grievance, name: str) -> int:
    """Rewrite the admin log entries of a case and of its complainant so they name no one; return how many changed.

    `name` is the complainant's name as it was, looked for in the texts of the
    entries (anonymisation calls this before blanking it).
    """
    label = complainant_label(grievance.registered_no)
    types = ContentType.objects.get_for_models(Grievance, Complainant)
    complainant_ids = [str(pk) for pk in Complainant.objects.filter(grievance=grievance).values_list("pk", flat=True)]
    entries = LogEntry.objects.filter(
        content_type=types[Grievance], object_id=str(grievance.pk)
    ) | LogEntry.objects.filter(content_type=types[Complainant], object_id__in=complainant_ids)
    changed = 0
    for entry in entries:
        message = redacted_change_message(entry.change_message, name=name, label=label)
        object_repr = label if entry.content_type_id == types[Complainant].pk else entry.object_repr
        if (message, object_repr) != (entry.change_message, entry.object_repr):
            LogEntry.objects.filter(pk=entry.pk).update(change_message=message, object_repr=object_repr)
            changed += 1
    return changed
