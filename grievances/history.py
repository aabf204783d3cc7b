"""Old and new values of a case's fields, for the history entries of transitions and edits.

Zulip's audit log keeps what changed beside who changed it, so a reader of the
history sees the change without comparing versions. Complainant details are
not in Grievance and never land here.
"""

from datetime import date, datetime

from django.contrib.auth import get_user_model
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from .models import TRANSLATED_TEXTS, Complainant, EventType, Grievance, GrievanceEvent, Stage, Status

# Columns a history entry never repeats: bookkeeping, hashes and tokens; and the untranslated columns of the
# texts kept per language (summary, ...), whose copies (summary_mn, ...) are tracked instead. Reading such a
# column gives another language's copy when the active one is empty, and saving it writes that value into
# the active language's copy (modeltranslation): a Mongolian answer became the English one.
UNTRACKED = frozenset(
    {"id", "created_at", "updated_at", "tracking_code_hash", "submission_token", "anonymised_at", *TRANSLATED_TEXTS}
)


def _tracked_fields():
    return [field for field in Grievance._meta.concrete_fields if field.name not in UNTRACKED]


def snapshot(grievance, fields=None) -> dict:
    """The case's values now, by attribute name (`assigned_to_id` stands for `assigned_to`)."""
    wanted = set(fields) if fields is not None else None
    values = {}
    for field in _tracked_fields():
        if wanted is not None and field.name not in wanted and field.attname not in wanted:
            continue
        values[field.name] = getattr(grievance, field.attname)
    if wanted is not None:
        # Translated copies (summary_mn, ...) are concrete fields too; plain names of them are virtual.
        for name in wanted - set(values):
            values[name] = getattr(grievance, name)
    values.setdefault("status", getattr(grievance, "status", None))
    values.setdefault("stage", getattr(grievance, "stage", None))
    return values


def changes(before: dict, grievance) -> dict:
    """The fields whose value differs from `before`, as {name: (old, new)}, in field order."""
    found = {}
    for name, old in before.items():
        field = _field(name)
        new = getattr(grievance, field.attname if field is not None else name)
        if new != old:
            found[field.name if field is not None else name] = (old, new)
    return found


def _field(name):
    try:
        field = Grievance._meta.get_field(name)
    except Exception:  # FieldDoesNotExist for the virtual translated names
        return None
    return field if isinstance(field, models.Field) and field.concrete else None


def as_json(found: dict) -> dict:
    """The changes in a shape JSONField keeps: {name: [old, new]}, dates as ISO strings, people by user name.

    Only an assignment changes a person, so its one look-up of names costs nothing elsewhere.
    """
    names = {}
    if "assigned_to" in found:
        ids = [value for value in found["assigned_to"] if value is not None]
        users = get_user_model().objects.filter(pk__in=ids)
        names = {user.pk: user.get_username() for user in users}
    return {
        name: [names.get(value, value) if name == "assigned_to" else _plain(value) for value in pair]
        for name, pair in found.items()
    }


def _plain(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def describe(event) -> str:
    """Say in words what an entry changed ("due on: 2020-08-04 → –"), for the history shown to staff."""
    parts = []
    for name, (old, new) in (event.data or {}).get("changes", {}).items():
        field = _field(name)
        label = field.verbose_name if field is not None else name
        parts.append(f"{label}: {_shown(field, old)} → {_shown(field, new)}")
    for name in (event.data or {}).get("complainant_fields", []):
        parts.append(str(Complainant._meta.get_field(name).verbose_name))
    return "; ".join(parts) or "–"


def entry(event) -> dict:
    """One line of the history as staff read it: labels for the codes, the person's name, what changed.

    `event` comes from selectors.grievance_history, whose `times` says how many
    "details viewed" entries of one person and day the line stands for.
    """
    by = _person(event.actor)
    when = timezone.localtime(event.created_at)
    first = event.event_type == EventType.REGISTERED
    if event.event_type == EventType.COMPLAINANT_VIEWED:
        times = getattr(event, "times", 1)
        what = ngettext(
            "Details viewed by %(person)s, %(count)s time on %(day)s",
            "Details viewed by %(person)s, %(count)s times on %(day)s",
            times,
        ) % {"person": by or gettext("the system"), "count": times, "day": when.date().isoformat()}
    else:
        what = event.get_event_type_display()
    return {
        "at": when,
        "what": what,
        "by": by,
        "status": _move(_label(Status, event.from_status), _label(Status, event.to_status), first=first),
        "stage": _move(_label(Stage, event.from_stage), _label(Stage, event.to_stage), first=first),
        "note": event.note,
        "changes": describe(event),
    }


def _person(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def _label(choices, value) -> str:
    if value in (None, ""):
        return ""
    try:
        return str(choices(value).label)
    except ValueError:  # a value no longer among the choices is shown as stored
        return str(value)


def _move(old: str, new: str, *, first: bool) -> str:
    """Say a change of status or stage ("Resolving → Resolved"), or where the case began; else nothing.

    Entries that change neither record the value of the moment only (no "from"):
    repeated on every line, it would hide the lines where it changed.
    """
    if first:
        return new
    if not old or old == new:
        return ""
    return f"{old} → {new or '–'}"


def _shown(field, value):
    """A stored value as staff read it: choice labels, local dates and times, long texts cut short."""
    if value in (None, ""):
        return "–"
    if field is not None and field.choices:
        value = dict(field.flatchoices).get(value, value)
    elif isinstance(field, models.ForeignKey) and field.name != "assigned_to":  # people are stored by user name
        # A record by its name, not its number (the referral body); one that was deleted since by its number.
        value = field.related_model._base_manager.filter(pk=value).first() or value
    elif isinstance(field, models.DateTimeField):
        value = timezone.localtime(datetime.fromisoformat(value)).strftime("%Y-%m-%d %H:%M")
    text = str(value)
    return text if len(text) <= 80 else text[:79] + "…"


def forget(*, grievance, fields) -> int:
    """Blank the old and new values of `fields` in the case's history (anonymisation); return the entries changed.

    The entry keeps that the field changed, not what it said.
    """
    changed = 0
    for event in GrievanceEvent.objects.filter(grievance=grievance, data__has_key="changes"):
        changes = event.data["changes"]
        found = [name for name in fields if name in changes]
        if found:
            event.data["changes"] = {**changes, **{name: [None, None] for name in found}}
            event.save(update_fields=["data"])
            changed += 1
    return changed
