"""Clean the admin's log (LogEntry) of complainants' names written before Complainant.__str__ named the case.

Django quoted str(complainant), then the person's name, in the change message
of every case whose complainant was edited in the admin, and as the
object_repr of any entry about a complainant row. Both now read
"complainant of <number>". The logic is copied here, not imported, so this
migration keeps working whatever grievances.admin_log becomes. It runs after
the names were encrypted (0014), so the historical model reads them decrypted.
"""

import json

from django.db import migrations

# A shorter "name" would be found inside ordinary words; Django's JSON names the row by its own key anyway.
MIN_NAME_LENGTH = 3


def _redacted(value, name, label):
    if isinstance(value, list):
        return [_redacted(item, name, label) for item in value]
    if isinstance(value, dict):
        redacted = {key: _redacted(item, name, label) for key, item in value.items()}
        if redacted.get("name") == "complainant" and "object" in redacted:
            redacted["object"] = label
        return redacted
    if isinstance(value, str) and len(name) >= MIN_NAME_LENGTH and name in value:
        return value.replace(name, label)
    return value


def _redacted_message(message, name, label):
    try:
        parsed = json.loads(message) if message else None
    except ValueError:
        parsed = None
    if isinstance(parsed, list):
        redacted = _redacted(parsed, name, label)
        return message if redacted == parsed else json.dumps(redacted)
    return _redacted(message, name, label) if message else message


def log_entries_without_identity(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    LogEntry = apps.get_model("admin", "LogEntry")
    Complainant = apps.get_model("grievances", "Complainant")
    types = dict(ContentType.objects.filter(app_label="grievances").values_list("model", "pk"))
    grievance_type, complainant_type = types.get("grievance"), types.get("complainant")
    if grievance_type is None and complainant_type is None:
        return  # a new database: nothing was logged yet
    people = {
        row["pk"]: row for row in Complainant.objects.values("pk", "grievance_id", "name", "grievance__registered_no")
    }
    by_case = {row["grievance_id"]: row for row in people.values()}
    entries = LogEntry.objects.filter(content_type_id__in=[t for t in (grievance_type, complainant_type) if t])
    for entry in entries.iterator():
        is_complainant = entry.content_type_id == complainant_type
        try:
            key = int(entry.object_id)
        except (TypeError, ValueError):
            continue
        person = (people if is_complainant else by_case).get(key)
        label = f"complainant of {person['grievance__registered_no']}" if person else "complainant"
        name = (person or {}).get("name", "").strip()
        if is_complainant and not name:
            name = entry.object_repr.strip()  # the row is gone: its repr was the name
        message = _redacted_message(entry.change_message, name, label)
        object_repr = label if is_complainant else entry.object_repr
        if (message, object_repr) != (entry.change_message, entry.object_repr):
            LogEntry.objects.filter(pk=entry.pk).update(change_message=message, object_repr=object_repr)


class Migration(migrations.Migration):
    dependencies = [
        ("grievances", "0014_encrypt_existing_complainant_names"),
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(log_entries_without_identity, migrations.RunPython.noop, elidable=True),
    ]
