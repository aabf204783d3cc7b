"""Encrypt complainants' names written before encryption, and fill their blind index.

Loading a row reads a plain (unprefixed) name as it is; saving it writes it
encrypted. Going back writes the plain names again, so 0013 can be undone.
"""

from django.db import migrations

from smartgov.search_keys import name_search_key

BATCH = 1000


def encrypt_names(apps, schema_editor):
    Complainant = apps.get_model("grievances", "Complainant")
    batch = []
    for complainant in Complainant.objects.exclude(name="").order_by("pk").iterator(chunk_size=BATCH):
        complainant.name_index = name_search_key(complainant.name)
        batch.append(complainant)
        if len(batch) >= BATCH:
            Complainant.objects.bulk_update(batch, ["name", "name_index"])
            batch = []
    Complainant.objects.bulk_update(batch, ["name", "name_index"])


def decrypt_names(apps, schema_editor):
    Complainant = apps.get_model("grievances", "Complainant")
    table = Complainant._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        for complainant in Complainant.objects.exclude(name="").order_by("pk").iterator(chunk_size=BATCH):
            cursor.execute(
                f"UPDATE {table} SET name = %s, name_index = '' WHERE id = %s",
                [complainant.name, complainant.pk],
            )


class Migration(migrations.Migration):
    dependencies = [("grievances", "0013_encrypted_complainant_name")]

    operations = [migrations.RunPython(encrypt_names, decrypt_names)]
