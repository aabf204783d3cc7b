"""Find cases for the officer's list through indexes, so a search costs the same at a million cases as at a hundred.

A term is one of three kinds, each answered by an index:

- a registration number (`f-2026/01`, in any case): the case with that year and running number, through
  their unique index;
- an e-mail address or a phone number, for staff who may see complainants: the cases whose complainant gave
  exactly that address or number, through the blind indexes (contact details are encrypted, so they are
  found whole or not at all);
- anything else: the cases in whose public summaries (Mongolian or English) every word appears, and, for
  staff who may see complainants, the cases whose complainant's name holds every word. On PostgreSQL
  trigram indexes serve these `icontains` filters (migration 0012); SQLite, the embedded default, reads
  the table.

The complainant's name lives in another table, and one OR across two tables rules out the indexes of
both. So the names are looked up first, on their own index, and the cases they belong to are matched by
their ids beside the summaries, which PostgreSQL combines with the summaries' indexes. The planner then
knows how many ids there are: with few matches it reads them through the indexes, with many it walks the
list in its own order until the page is full.
"""

import re

from django.contrib.postgres.fields import ArrayField
from django.db import connection
from django.db.models import BigIntegerField, F, Lookup, Q, Value
from django.utils.text import smart_split, unescape_string_literal

from .models import Complainant
from .numbering import parse_registration_number
from .personal_data import contact_match

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+$")
PHONE = re.compile(r"^\+?[\d\s().-]+$")
PHONE_MIN_DIGITS = 6
# Up to this many cases found by their complainant's name are matched by id; beyond, by a subquery (a
# name that common finds cases quickly in the list's own order).
NAMES_BY_ID = 20_000


def grievance_search(queryset, term, *, user):
    """Filter `queryset` to the cases `term` finds for `user` (see the module's docstring)."""
    term = term.strip()
    if not term:
        return queryset
    number = parse_registration_number(term)
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
        condition |= _named(words)
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


def _named(words):
    """Cases whose complainant's name holds every word, by their ids when there are not too many (one query)."""
    names = Complainant.objects.all()
    for word in words:
        names = names.filter(name__icontains=word)
    grievance_ids = names.values_list("grievance_id", flat=True)
    found = list(grievance_ids[: NAMES_BY_ID + 1])
    if len(found) > NAMES_BY_ID:
        return Q(pk__in=grievance_ids)
    if found and connection.vendor == "postgresql":
        # One array parameter rather than one parameter an id: ten thousand ids cost Django nothing to pass.
        return Q(AnyOf(F("pk"), Value(found, output_field=ArrayField(BigIntegerField()))))
    return Q(pk__in=found)


class AnyOf(Lookup):
    """`lhs = ANY(rhs)`, rhs an array (PostgreSQL): a list of ids as one parameter."""

    lookup_name = "any_of"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", [*lhs_params, *rhs_params]
