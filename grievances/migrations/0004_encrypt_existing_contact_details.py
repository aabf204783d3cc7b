"""Encrypt complainants' contact details written before encryption, and fill their blind indexes.

Loading a row reads plain (unprefixed) values as they are; saving it writes
them encrypted. Going back writes the plain values again, so 0003 can be undone.
"""

from django.db import migrations

from grievances.models import email_search_key, phone_search_key

BATCH = 1000
ENCRYPTED = ["email", "phone", "address"]


def encrypt_contact_details(apps, schema_editor):
    Complainant = apps.get_model("grievances", "Complainant")
    batch = []
    for complainant in Complainant.objects.order_by("pk").iterator(chunk_size=BATCH):
        complainant.email_index = email_search_key(complainant.email)
        complainant.phone_index = phone_search_key(complainant.phone)
        batch.append(complainant)
        if len(batch) >= BATCH:
            Complainant.objects.bulk_update(batch, [*ENCRYPTED, "email_index", "phone_index"])
            batch = []
    Complainant.objects.bulk_update(batch, [*ENCRYPTED, "email_index", "phone_index"])


def decrypt_contact_details(apps, schema_editor):
    Complainant = apps.get_model("grievances", "Complainant")
    table = Complainant._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        for complainant in Complainant.objects.order_by("pk").iterator(chunk_size=BATCH):
            cursor.execute(
                f"UPDATE {table} SET email = %s, phone = %s, address = %s, email_index = '', phone_index = '' "
                "WHERE id = %s",
                [complainant.email, complainant.phone, complainant.address, complainant.pk],
            )


class Migration(migrations.Migration):
    dependencies = [("grievances", "0003_encrypted_contact_details_and_retention")]

    operations = [migrations.RunPython(encrypt_contact_details, decrypt_contact_details)]
