"""The case list's search (grievances.search): numbers, exact contacts, words of the summaries and names."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection

from grievances import search
from grievances.models import Grievance
from grievances.search import grievance_search
from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles

pytestmark = pytest.mark.django_db

PERSON = {"name": "Bat Dorj", "email": "Bat.Dorj@example.mn", "phone": "9911 2233"}


def _case(mn="Нээлттэй өгөгдлийн хуулийн төсөл", en="Draft law on open data", **overrides):
    return register_grievance(summary=mn, translations={"summary_mn": mn, "summary_en": en}, **overrides)


def _found(term, user):
    return set(grievance_search(Grievance.objects.all(), term, user=user))


@pytest.fixture
def officer():
    return user_with_role(roles.PIU_OFFICER)


@pytest.fixture
def specialist():
    """Sees every case, never a complainant's identity."""
    return user_with_role(roles.SAFEGUARDS_SPECIALIST)


def test_a_registration_number_finds_its_case_in_any_case_and_without_the_leading_zero(specialist):
    first, second = _case(), _case()
    assert first.registered_no == "f-2020/01"
    for term in ["f-2020/01", "F-2020/01", " f-2020/1 ", "2020/01", "2020/1", "ф-2020/01"]:  # as the tracking page
        assert _found(term, specialist) == {first}, term
    assert _found(second.registered_no.upper(), specialist) == {second}
    assert _found("f-2020/99", specialist) == set()
    assert _found("decree 2020/1", specialist) == set()  # words before a number are a search of the summaries


def test_a_number_is_looked_for_only_among_the_cases_given(specialist):
    case = _case()
    assert set(grievance_search(Grievance.objects.exclude(pk=case.pk), case.registered_no, user=specialist)) == set()


def test_an_exact_email_or_phone_finds_the_complainants_cases(officer):
    mine, again = _case(complainant=PERSON), _case(complainant={"phone": "+976 99112233"})
    _case(complainant={"email": "other@example.mn", "phone": "88887777"})
    assert _found(" BAT.DORJ@EXAMPLE.MN", officer) == {mine}
    assert _found("9911-2233", officer) == {mine, again}
    assert _found("(976) 9911 2233", officer) == {mine, again}


def test_part_of_an_email_or_phone_finds_nothing(officer):
    _case(complainant=PERSON)
    assert _found("example.mn", officer) == set()
    assert _found("@example.mn", officer) == set()
    assert _found("99112", officer) == set()


def test_staff_who_may_not_see_complainants_cannot_find_them_by_contact_or_name(specialist):
    _case(complainant=PERSON)
    for term in ["bat.dorj@example.mn", "99112233", "Bat Dorj"]:
        assert _found(term, specialist) == set(), term


def test_every_word_must_be_in_a_summary_either_language(specialist):
    both = _case(mn="Сумын интернэт удаан", en="Slow internet in the soum")
    only_mongolian = _case(mn="Багийн интернэт тасарсан", en="Connection lost")
    _case(mn="Цахим үнэмлэх", en="Electronic ID")
    assert _found("INTERNET", specialist) == {both}
    assert _found("интернэт", specialist) == {both, only_mongolian}
    assert _found("slow удаан", specialist) == {both}  # one word in each language
    assert _found("slow lost", specialist) == set()


def test_mongolian_words_are_found_in_any_case(specialist):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's LIKE folds the case of ASCII letters only")
    case = _case(mn="Интернэт тасарсан")
    assert _found("ИНТЕРНЭТ", specialist) == _found("интернэт", specialist) == {case}


def test_a_quoted_phrase_is_one_word(specialist):
    case = _case(en="The road works blocked the clinic")
    _case(en="The clinic works; the road is blocked")
    assert _found('"road works"', specialist) == {case}


def test_the_whole_name_finds_the_complainants_cases_beside_the_summaries(officer):
    named = _case(complainant=PERSON)
    about = _case(en="Bat Dorj asked about the draft law")
    _case(complainant={"name": "Bat Erdene"})
    assert _found("Bat Dorj", officer) == {named, about}
    assert _found("bat-dorj", officer) == {named}  # case, spaces and punctuation do not matter in a name


def test_part_of_an_encrypted_name_finds_nothing(officer):
    _case(complainant=PERSON)
    assert _found("Dorj", officer) == set()
    assert _found("Dorj Bat", officer) == set()


def test_many_cases_of_one_name_are_matched_without_listing_their_ids(officer, monkeypatch):
    named = {_case(complainant={"name": "Bat Dorj"}) for _ in range(3)}
    _case(complainant={"name": "Bat Erdene"})
    monkeypatch.setattr(search, "CASES_BY_ID", 2)
    assert _found("Bat Dorj", officer) == named


def test_a_search_of_nothing_but_spaces_or_quotes_keeps_every_case(specialist):
    cases = {_case(), _case()}
    assert _found("   ", specialist) == cases
    assert _found('""', specialist) == cases


def test_nobody_signed_in_gets_no_names_and_no_contacts():
    _case(complainant=PERSON)
    assert _found("Bat Dorj", AnonymousUser()) == set()
    assert _found("99112233", AnonymousUser()) == set()
