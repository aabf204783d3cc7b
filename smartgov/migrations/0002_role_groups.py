"""Create the portal's role groups; their permissions are synced after each migrate."""

from django.db import migrations

from smartgov.roles import create_role_groups


def remove_role_groups(apps, schema_editor):
    from smartgov.roles import ROLE_NAMES

    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_NAMES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("smartgov", "0001_calendar_day"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_role_groups, remove_role_groups)]
