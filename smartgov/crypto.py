"""Encryption at rest for personal data, and blind indexes to find it again.

Values are encrypted with Fernet (AES-128-CBC with HMAC-SHA256) under keys
from FIELD_ENCRYPTION_KEYS; the first key encrypts, all keys decrypt, so keys
can be rotated. An exact-match search on an encrypted column goes through a
blind index: an HMAC of the normalised value under a separate key, stored next
to it, which reveals equality and nothing else.

Values handed to browsers (encrypt_for_client) use keys of their own, derived
from SECRET_KEY: a public page decrypts whatever a browser sends it, and the
personal-data keys are not exposed to that.
"""

import base64
import hashlib
import hmac
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django import forms
from django.conf import settings
from django.core import validators
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.crypto import salted_hmac

PREFIX = "enc1:"


def _derived_key(purpose):
    digest = hashlib.sha256(f"{purpose}:{settings.SECRET_KEY}".encode()).digest()
    return base64.urlsafe_b64encode(digest)


@lru_cache(maxsize=4)
def _fernet(keys):
    return MultiFernet([Fernet(key) for key in keys])


def _keys():
    # Settings refuse to start without keys when DEBUG is off; the derived key serves the demo and tests.
    return tuple(settings.FIELD_ENCRYPTION_KEYS) or (_derived_key("field-encryption").decode(),)


def encrypt(value: str) -> str:
    if not value:
        return value
    return PREFIX + _fernet(_keys()).encrypt(value.encode()).decode()


def decrypt(value: str) -> str:
    if not value or not value.startswith(PREFIX):
        return value  # empty, or written before encryption was turned on
    try:
        return _fernet(_keys()).decrypt(value[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured("A stored value cannot be decrypted with FIELD_ENCRYPTION_KEYS.") from error


def _client_keys():
    """Return Fernet keys for values given to browsers: derived from SECRET_KEY (then its fallbacks), for this only."""
    secrets = [settings.SECRET_KEY, *settings.SECRET_KEY_FALLBACKS]
    return tuple(
        base64.urlsafe_b64encode(
            salted_hmac("smartgov.crypto.client-value", "fernet-key", secret=secret, algorithm="sha256").digest()
        ).decode()
        for secret in secrets
    )


def encrypt_for_client(value: str) -> str:
    """Encrypt a value handed to a browser (a cookie) that only the server may read back."""
    return _fernet(_client_keys()).encrypt(value.encode()).decode()


def decrypt_from_client(token: str, *, max_age: int) -> str | None:
    """Read a value from encrypt_for_client; None if altered, made with other keys or over max_age seconds old."""
    try:
        return _fernet(_client_keys()).decrypt(token.encode(), ttl=max_age).decode()
    except (InvalidToken, UnicodeError):
        return None


def blind_index(value: str) -> str:
    """Return the searchable fingerprint of a value (case and spaces ignored); empty stays empty."""
    normalised = "".join(value.split()).lower()
    if not normalised:
        return ""
    key = (settings.BLIND_INDEX_KEY or _derived_key("blind-index").decode()).encode()
    return hmac.new(key, normalised.encode(), hashlib.sha256).hexdigest()


class EncryptedTextField(models.TextField):
    """A text column stored encrypted; Python code sees plain text."""

    def from_db_value(self, value, expression, connection):
        return decrypt(value) if value is not None else value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return encrypt(value) if value else value


class EncryptedCharField(EncryptedTextField):
    """An encrypted one-line value: forms show a text input and check `max_length` on the plain text.

    The column is text, because the ciphertext is longer than the value.
    """

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": forms.CharField, "widget": forms.TextInput, **kwargs})


class EncryptedEmailField(EncryptedCharField):
    """An encrypted e-mail address, validated as an e-mail address by forms and full_clean()."""

    default_validators = [validators.validate_email]

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": forms.EmailField, "widget": forms.EmailInput, **kwargs})
