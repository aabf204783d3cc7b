"""Encrypt the recipient and text of outbox messages written before encryption (and back, to undo 0004)."""

from django.db import migrations

BATCH = 1000


def encrypt_messages(apps, schema_editor):
    OutboxMessage = apps.get_model("smartgov", "OutboxMessage")
    batch = []
    for message in OutboxMessage.objects.order_by("pk").iterator(chunk_size=BATCH):
        batch.append(message)  # loaded plain, saved encrypted
        if len(batch) >= BATCH:
            OutboxMessage.objects.bulk_update(batch, ["recipient", "body"])
            batch = []
    OutboxMessage.objects.bulk_update(batch, ["recipient", "body"])


def decrypt_messages(apps, schema_editor):
    OutboxMessage = apps.get_model("smartgov", "OutboxMessage")
    table = OutboxMessage._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        for message in OutboxMessage.objects.order_by("pk").iterator(chunk_size=BATCH):
            cursor.execute(
                f"UPDATE {table} SET recipient = %s, body = %s WHERE id = %s", [message.recipient, message.body, message.pk]
            )


class Migration(migrations.Migration):
    dependencies = [("smartgov", "0004_encrypted_outbox_messages")]

    operations = [migrations.RunPython(encrypt_messages, decrypt_messages)]
