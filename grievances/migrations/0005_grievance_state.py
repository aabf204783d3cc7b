"""Store the workflow state on the case, filled from the columns it was derived from until now."""

from django.db import migrations, models


def state_from_columns(*, status, acknowledged_at, closed_at) -> str:
    """The state as workflow.state_of derived it before it was stored (kept here: a migration must not change)."""
    if closed_at is not None:
        return "closed"
    if status == "resolved":
        return "resolved"
    if status == "unrelated":
        return "unrelated"
    if acknowledged_at is None:
        return "registered"
    return "in_progress"


def fill_state(apps, schema_editor):
    Grievance = apps.get_model("grievances", "Grievance")
    rows = Grievance.objects.values_list("pk", "status", "acknowledged_at", "closed_at")
    by_state = {}
    for pk, status, acknowledged_at, closed_at in rows.iterator(chunk_size=5000):
        state = state_from_columns(status=status, acknowledged_at=acknowledged_at, closed_at=closed_at)
        by_state.setdefault(state, []).append(pk)
    for state, pks in by_state.items():
        for start in range(0, len(pks), 5000):
            Grievance.objects.filter(pk__in=pks[start : start + 5000]).update(state=state)


class Migration(migrations.Migration):
    dependencies = [("grievances", "0004_encrypt_existing_contact_details")]

    operations = [
        migrations.AddField(
            model_name="grievance",
            name="state",
            field=models.CharField(
                choices=[
                    ("registered", "Registered, not yet acknowledged"),
                    ("in_progress", "Being resolved"),
                    ("resolved", "Resolved"),
                    ("unrelated", "Unrelated"),
                    ("closed", "Closed"),
                ],
                db_index=True,
                default="registered",
                editable=False,
                max_length=16,
                verbose_name="state",
            ),
        ),
        migrations.RunPython(fill_state, migrations.RunPython.noop),
    ]
