"""SQLite's LIKE made case-insensitive for every alphabet, as PostgreSQL's ILIKE is.

Django's `icontains`, `iexact` and `istartswith` are LIKE on SQLite, and
SQLite's built-in LIKE folds ASCII letters only: on the embedded default a
Mongolian or Kazakh search was case-sensitive ("гомдол" found a document,
"Гомдол" did not). Each new SQLite connection gets a LIKE of its own
(`connection_created`), which compares Python's case-folded strings. It only
widens what SQLite already does for ASCII (its `contains` was never
case-sensitive there either), and PostgreSQL is untouched.
"""

import re
from functools import lru_cache

from django.db.backends.signals import connection_created


@lru_cache(maxsize=256)
def _pattern(pattern: str, escape: str | None) -> re.Pattern:
    parts, chars = [], iter(pattern.casefold())
    for char in chars:
        if escape and char == escape:
            parts.append(re.escape(next(chars, "")))
        elif char == "%":
            parts.append(".*")
        elif char == "_":
            parts.append(".")
        else:
            parts.append(re.escape(char))
    return re.compile("".join(parts), re.DOTALL)


def like(pattern, value, escape=None):
    """SQLite's like(X, Y[, Z]): does Y match the pattern X (escape character Z), ignoring case in any script."""
    if pattern is None or value is None:
        return None
    return _pattern(str(pattern), escape).fullmatch(str(value).casefold()) is not None


def register(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        connection.connection.create_function("like", 2, like, deterministic=True)
        connection.connection.create_function("like", 3, like, deterministic=True)


def connect():
    connection_created.connect(register, dispatch_uid="smartgov.sqlite_like")
