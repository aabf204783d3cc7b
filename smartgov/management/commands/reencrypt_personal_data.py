"""python manage.py reencrypt_personal_data: rewrite every encrypted value under the newest key.

Key rotation: put a new key first in FIELD_ENCRYPTION_KEYS (keep the old ones
after it), deploy, run this command, then remove the old keys. Values written
before encryption was turned on are encrypted too.
"""

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction

from smartgov.crypto import EncryptedTextField

BATCH = 500


def encrypted_fields():
    """(model, [field names]) for every model with encrypted columns."""
    for model in apps.get_models():
        names = [field.name for field in model._meta.concrete_fields if isinstance(field, EncryptedTextField)]
        if names:
            yield model, names


class Command(BaseCommand):
    help = "Re-encrypt every encrypted column under the first key of FIELD_ENCRYPTION_KEYS (after adding a key)."

    def handle(self, *args, **options):
        for model, names in encrypted_fields():
            done = 0
            pks = list(model._base_manager.order_by("pk").values_list("pk", flat=True))
            for start in range(0, len(pks), BATCH):
                with transaction.atomic():
                    # Loading decrypts with any key; saving encrypts with the first.
                    rows = list(model._base_manager.filter(pk__in=pks[start : start + BATCH]).only("pk", *names))
                    model._base_manager.bulk_update(rows, names)
                done += len(rows)
            self.stdout.write(f"{model._meta.label}: {done} row(s) re-encrypted ({', '.join(names)}).")
