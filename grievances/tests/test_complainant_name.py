"""The complainant's name: encrypted at rest, found by the whole name only, cleared by anonymisation."""

from importlib import import_module

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from grievances.models import Complainant, name_search_key
from grievances.personal_data import grievance_anonymise
from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles
from smartgov.crypto import PREFIX

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")


def _raw_name(grievance):
    with connection.cursor() as cursor:
        cursor.execute("SELECT name, name_index FROM grievances_complainant WHERE grievance_id = %s", [grievance.pk])
        return cursor.fetchone()


def _found(client, term):
    return list(client.get(CHANGELIST, {"q": term}).context["cl"].result_list)


def test_the_database_holds_no_name_in_plain_text():
    grievance = register_grievance(complainant={"name": "Батын Дорж"})
    name, name_index = _raw_name(grievance)
    assert name.startswith(PREFIX) and "Дорж" not in name
    assert len(name_index) == 64 and "Дорж" not in name_index
    assert Complainant.objects.get(grievance=grievance).name == "Батын Дорж"


def test_the_name_key_ignores_case_spaces_and_punctuation_but_needs_the_whole_name():
    assert name_search_key("Б. Сарангэрэл") == name_search_key("б.сарангэрэл") == name_search_key(" Б Сарангэрэл ")
    assert name_search_key("Bat-Erdene") == name_search_key("bat erdene")
    assert name_search_key("Сарангэрэл") != name_search_key("Б. Сарангэрэл")
    assert name_search_key("") == name_search_key(" . ") == ""


def test_the_admin_finds_a_case_by_the_whole_name_not_by_part(client):
    mine = register_grievance(complainant={"name": "Б. Сарангэрэл"})
    register_grievance(complainant={"name": "Д. Сарангэрэл"})
    client.force_login(user_with_role(roles.PIU_OFFICER))
    assert _found(client, "б.сарангэрэл") == [mine]
    assert _found(client, "Сарангэрэл") == []  # encrypted: no search by part


def test_the_admin_search_by_name_is_not_open_to_roles_that_may_not_see_complainants(client):
    register_grievance(complainant={"name": "Батын Дорж"})
    client.force_login(user_with_role(roles.SAFEGUARDS_SPECIALIST))
    assert _found(client, "Батын Дорж") == []


def test_the_name_key_follows_a_change_of_name_and_anonymisation_clears_both():
    grievance = register_grievance(complainant={"name": "Батын Дорж"})
    complainant = grievance.complainant
    complainant.name = "Батын Болд"
    complainant.save(update_fields=["name"])
    assert _raw_name(grievance)[1] == name_search_key("Батын Болд")
    grievance_anonymise(grievance_id=grievance.pk)
    assert _raw_name(grievance) == ("", "")


def test_the_migration_encrypts_names_written_before_encryption():
    migration = import_module("grievances.migrations.0014_encrypt_existing_complainant_names")
    grievance = register_grievance()
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE grievances_complainant SET name = 'Батын Дорж', name_index = '' WHERE grievance_id = %s",
            [grievance.pk],
        )
    assert Complainant.objects.get(grievance=grievance).name == "Батын Дорж"  # a plain value is still read
    migration.encrypt_names(apps, None)
    name, name_index = _raw_name(grievance)
    assert name.startswith(PREFIX) and name_index == name_search_key("батын дорж")
    assert Complainant.objects.get(grievance=grievance).name == "Батын Дорж"
