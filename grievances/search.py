"""Find cases for the officer's list through indexes, so a search costs the same at a million cases as at a hundred.

A term is one of three kinds, each answered by an index:

- a registration number (`f-2026/01`, in any case, or without the prefix as the tracking page takes it:
  `2026/01`, `ф-2026/1`): the case with that year and running number, through their unique index;
- an e-mail address or a phone number, for staff who may see complainants: the cases whose complainant gave
  exactly that address or number, through the blind indexes;
- anything else: the cases in whose public summaries (Mongolian or English) every word appears and, for
  staff who may see complainants, the cases whose complainant's whole name is the term (through its blind
  index: the name is encrypted, so it is never found by part). On PostgreSQL trigram indexes serve the
  summaries' `icontains` filters (migration 0015); SQLite, the embedded default, reads the table.

The complainant lives in another table, and one OR across two tables rules out the indexes of both. So
the complainants named by the term are looked up first, on their own index, and their cases matched by
id beside the summaries, which PostgreSQL combines with the summaries' indexes.
"""

import re

from django.db.models import Q
from django.utils.text import smart_split, unescape_string_literal

from .models import Complainant
from .numbering import parse_registration_number, parse_typed_number
from .personal_data import contact_match, identity_match

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\s().-]+$")
PHONE_MIN_DIGITS = 6
# Up to this many cases found through their complainant are matched by id (a whole name is rarely shared
# by more); beyond, by a subquery.
CASES_BY_ID = 1_000


# The year and running number without the prefix ("2026/06"), as the tracking page takes it. Not any word before
# them: "decree 2026/12" is a search of the summaries.
BARE_NUMBER = re.compile(r"^\d{4}\s*/\s*\d{1,9}$")


def grievance_search(queryset, term, *, user):
    """Filter `queryset` to the cases `term` finds for `user` (see the module's docstring)."""
    term = term.strip()
    if not term:
        return queryset
    number = parse_registration_number(term) or (parse_typed_number(term) if BARE_NUMBER.match(term) else None)
    if number:
        year, sequence = number
        return queryset.filter(registration_year=year, registration_sequence=sequence)
    may_see_complainants = user.has_perm("grievances.view_complainant")
    if may_see_complainants and _is_contact(term):
        complainants = Complainant.objects.filter(contact_match(email=term, phone=term))
        return queryset.filter(pk__in=complainants.values("grievance_id"))
    words = list(_words(term))
    if not words:
        return queryset
    condition = Q()
    for word in words:
        condition &= Q(summary_mn__icontains=word) | Q(summary_en__icontains=word)
    if may_see_complainants:
        condition |= _of_complainants_named(term)
    return queryset.filter(condition)


def _is_contact(term):
    """Whether the term is an e-mail address or a phone number (at least six digits and phone punctuation)."""
    if EMAIL.match(term):
        return True
    return bool(PHONE.match(term)) and sum(character.isdigit() for character in term) >= PHONE_MIN_DIGITS


def _words(term):
    """The words of the term as the admin splits them: on spaces, a quoted phrase staying one word."""
    for word in smart_split(term):
        if word[0] in "\"'" and word[0] == word[-1] and len(word) > 1:
            word = unescape_string_literal(word)
        if word:
            yield word


def _of_complainants_named(term):
    """Cases whose complainant's whole name is the term, by their ids (one query on the blind index).

    As a list of ids the planner knows how many there are, and can read them
    through the primary key beside the summaries' indexes.
    """
    grievance_ids = Complainant.objects.filter(identity_match(term=term)).values_list("grievance_id", flat=True)
    found = list(grievance_ids[: CASES_BY_ID + 1])
    if len(found) > CASES_BY_ID:
        return Q(pk__in=grievance_ids)
    return Q(pk__in=found)
