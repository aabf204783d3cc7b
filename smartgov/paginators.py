"""Paginate long lists without counting all their rows, and fetch deep pages through an index."""

from django.core.paginator import Paginator
from django.utils.functional import cached_property


class CappedCountPaginator(Paginator):
    """A paginator for admin lists of a million rows (the object list must be an ordered QuerySet).

    Counting every row of a filtered million costs tens of milliseconds on
    each page, for a figure nobody reads beyond "many": it counts up to
    `count_cap` rows, and `count_is_capped` tells the templates to say "more
    than" that. A page near or past the counted rows is counted through, and
    a few pages beyond it, so any page number in a link or typed in the
    address stays valid and links lead on. Given the page asked for
    (`wanted_page`, as the admin's get_paginator passes it), it counts that
    far at once: one count query, and the list's count is right from the start.

    A deep page (from `deferred_join_from` rows on) is fetched by its ids
    first, `WHERE id IN (SELECT id ... ORDER BY ... LIMIT 50 OFFSET n)`: with
    the order's columns and the id in one index, PostgreSQL skips the first n
    rows in the index alone instead of reading each of them from the table.
    Past the cap, that one skip also counts: the ids of the page asked for and
    of the pages after it are read instead of counting every row before them.
    """

    count_cap = 10_000
    deferred_join_from = 1_000
    pages_ahead = 3

    def __init__(self, *args, wanted_page=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.counted_up_to = self.count_cap
        self._wanted = 0  # a page past the cap, once asked for
        self._ids_ahead = None  # (first row, ids) of that page and the next ones, read while counting
        self._count_through(wanted_page)

    @cached_property
    def count(self):
        """The number of rows, or `counted_up_to` + 1 when there are more."""
        first = (self._wanted - 1) * self.per_page
        if first >= self.count_cap:
            ids = list(self.object_list.values_list("pk", flat=True)[first : self.counted_up_to + 1])
            if ids:  # else the page is past the end: count, and validate_number will say so
                self._ids_ahead = (first, ids)
                return first + len(ids)
        return self.object_list.order_by().values("pk")[: self.counted_up_to + 1].count()

    @property
    def count_is_capped(self):
        return self.count > self.counted_up_to

    def validate_number(self, number):
        """Check a page number as Paginator does, counting further first when it lies near or past the count."""
        if self.count_is_capped and self._page_number(number) + self.pages_ahead > self.num_pages:
            self._count_through(number)
        return super().validate_number(number)

    def _count_through(self, number):
        """Make the count reach a few pages past page `number` (counting again if it was done)."""
        wanted = self._page_number(number)
        rows = (wanted + self.pages_ahead) * self.per_page
        if rows > self.counted_up_to:
            self.counted_up_to = rows
            self._wanted = wanted
            for name in ("count", "num_pages"):
                self.__dict__.pop(name, None)

    @staticmethod
    def _page_number(number):
        """The page number, or 0 when it is not one (Paginator.validate_number says what is wrong with it)."""
        try:
            return max(0, int(number))
        except (TypeError, ValueError):
            return 0

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if not self.count_is_capped and top + self.orphans >= self.count:
            top = self.count
        return self._get_page(self._rows(bottom, top), number, self)

    def _rows(self, bottom, top):
        rows = self.object_list
        if self._ids_ahead and self._ids_ahead[0] == bottom:
            return rows.filter(pk__in=self._ids_ahead[1][: top - bottom])
        if bottom < self.deferred_join_from or rows.query.distinct:
            return rows[bottom:top]
        return rows.filter(pk__in=rows.values("pk")[bottom:top])
