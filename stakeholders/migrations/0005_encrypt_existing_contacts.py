"""Encrypt commenters' names and contacts and representatives' e-mail and phone written before encryption.

Loading a row reads a plain (unprefixed) value as it is; saving it writes it
encrypted, with its blind index. Going back writes the plain values again, so
0004 can be undone.
"""

from django.db import migrations

from smartgov.search_keys import contact_search_key, email_search_key, phone_search_key

BATCH = 1000


def _rewrite(model, fields, derive):
    batch = []
    for row in model.objects.order_by("pk").iterator(chunk_size=BATCH):
        derive(row)
        batch.append(row)
        if len(batch) >= BATCH:
            model.objects.bulk_update(batch, fields)
            batch = []
    model.objects.bulk_update(batch, fields)


def _feedback_index(item):
    item.author_contact_index = contact_search_key(item.author_contact)


def _representative_indexes(representative):
    representative.email_index = email_search_key(representative.email)
    representative.phone_index = phone_search_key(representative.phone)


def encrypt_contacts(apps, schema_editor):
    feedback = apps.get_model("stakeholders", "FeedbackItem")
    _rewrite(feedback, ["author_name", "author_contact", "author_contact_index"], _feedback_index)
    representative = apps.get_model("stakeholders", "Representative")
    _rewrite(representative, ["email", "phone", "email_index", "phone_index"], _representative_indexes)


def decrypt_contacts(apps, schema_editor):
    feedback = apps.get_model("stakeholders", "FeedbackItem")
    representative = apps.get_model("stakeholders", "Representative")
    with schema_editor.connection.cursor() as cursor:
        for item in feedback.objects.order_by("pk").iterator(chunk_size=BATCH):
            cursor.execute(
                f"UPDATE {feedback._meta.db_table} SET author_name = %s, author_contact = %s WHERE id = %s",
                [item.author_name, item.author_contact, item.pk],
            )
        for person in representative.objects.order_by("pk").iterator(chunk_size=BATCH):
            cursor.execute(
                f"UPDATE {representative._meta.db_table} SET email = %s, phone = %s WHERE id = %s",
                [person.email, person.phone, person.pk],
            )


class Migration(migrations.Migration):
    dependencies = [("stakeholders", "0004_moderation_and_encrypted_contacts")]

    operations = [migrations.RunPython(encrypt_contacts, decrypt_contacts)]
