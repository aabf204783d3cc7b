import io
import time

import pytest
from cryptography.fernet import Fernet, InvalidToken

from smartgov import crypto


def test_encrypted_values_round_trip_and_hide_the_plain_text():
    stored = crypto.encrypt("bat@example.mn")
    assert "bat@example.mn" not in stored
    assert crypto.decrypt(stored) == "bat@example.mn"


def test_a_rotated_key_still_reads_old_values(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    stored = crypto.encrypt("99112233")
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    assert crypto.decrypt(stored) == "99112233"


def test_a_value_under_an_unknown_key_is_an_error_not_garbage(settings):
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    stored = crypto.encrypt("secret")
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    with pytest.raises(Exception, match="cannot be decrypted"):
        crypto.decrypt(stored)


def test_a_value_given_to_a_browser_comes_back_only_unaltered_and_in_time(monkeypatch):
    token = crypto.encrypt_for_client('{"code": "ABCD-EFGH-JKMN"}')
    assert "ABCD" not in token
    assert crypto.decrypt_from_client(token, max_age=60) == '{"code": "ABCD-EFGH-JKMN"}'
    assert crypto.decrypt_from_client(token[:-4] + "AAAA", max_age=60) is None
    assert crypto.decrypt_from_client("not a token at all ✓", max_age=60) is None
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    assert crypto.decrypt_from_client(token, max_age=60) is None


def test_values_given_to_browsers_use_a_key_of_their_own_not_the_personal_data_keys(settings):
    personal_data_key = Fernet.generate_key()
    settings.FIELD_ENCRYPTION_KEYS = [personal_data_key.decode()]
    token = crypto.encrypt_for_client("browser value")
    with pytest.raises(InvalidToken):
        Fernet(personal_data_key).decrypt(token.encode())
    settings.FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert crypto.decrypt_from_client(token, max_age=60) == "browser value"
    assert crypto.decrypt_from_client(crypto.encrypt("stored value")[len(crypto.PREFIX) :], max_age=60) is None


def test_values_given_to_browsers_follow_the_secret_key_and_its_fallbacks(settings):
    token = crypto.encrypt_for_client("browser value")
    old_key = settings.SECRET_KEY
    settings.SECRET_KEY = "a-new-server-key-entirely"
    assert crypto.decrypt_from_client(token, max_age=60) is None
    settings.SECRET_KEY_FALLBACKS = [old_key]
    assert crypto.decrypt_from_client(token, max_age=60) == "browser value"


def test_blind_index_ignores_case_and_spaces_but_not_content():
    assert crypto.blind_index(" Bat@Example.mn ") == crypto.blind_index("bat@example.mn")
    assert crypto.blind_index("bat@example.mn") != crypto.blind_index("bold@example.mn")
    assert crypto.blind_index("") == ""


@pytest.mark.django_db
def test_reencrypting_moves_every_value_to_the_newest_key(settings):
    from django.core.management import call_command

    from smartgov.models import OutboxMessage

    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.FIELD_ENCRYPTION_KEYS = [old]
    message = OutboxMessage.objects.create(recipient="bat@example.mn", subject="s", body="Dear Bat")
    settings.FIELD_ENCRYPTION_KEYS = [new, old]
    call_command("reencrypt_personal_data", stdout=io.StringIO())
    settings.FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone
    message.refresh_from_db()
    assert (message.recipient, message.body) == ("bat@example.mn", "Dear Bat")
