"""Small-count suppression for published tables: no count under the threshold, and none recoverable.

A published table of counts by place or group (rows) and type of feedback
(columns) with its row and column totals is a small linear system: every row
and every column sums to its total. A count below `STATISTICS_SUPPRESSION_
THRESHOLD` ("primary" suppression) is shown as "fewer than 3"; but if it were
the only hidden figure of its row, the row total minus the visible figures
would give it back. So more figures are hidden ("secondary" suppression)
until no hidden figure can be computed from the published ones.

Seen as a graph, every figure of the table, totals included, is an edge
between its row and its column (the totals are the extra "total" row and
column), and every row or column whose total is published is an equation.
A set of hidden figures can be solved for one of them exactly when that
figure's edge is a bridge of the graph of hidden figures: one on a cycle can
be moved up and down round the cycle (+t, -t, ...) leaving every equation
true. Lines without a published sum (the columns of a table of overlapping
groups, where a person may be in several) are not equations: they are merged
into one free node. The algorithm hides, for every equation with exactly one
hidden figure, the smallest other figure of it, then breaks every bridge by
hiding the smallest figure that closes a cycle through it, and repeats until
neither is left. It protects against exact recovery by subtraction and by
any linear combination of the published totals. Against bounds (counts are
whole and, zeros being shown, a hidden count is at least 1) it goes part of
the way: it hides zeros only when nothing else will do and prefers partners
of the threshold or more (see _candidates), but it does not prove that no
hidden count is pinned by its bounds.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings

TOTAL = "total"
FREE = ("free", "")  # the node every column without a published sum is merged into


@dataclass
class Table:
    """Counts by (row, column), the totals included as the row and column named TOTAL where published.

    `known` are figures published exactly elsewhere (the page's overall counts
    by type): they are never hidden, and they count as visible. `column_sums`
    says whether each column's total is published (a column of a table of
    overlapping groups has none). After suppress(), `hidden` holds the hidden
    figures.
    """

    counts: dict[tuple[str, str], int]
    known: set[tuple[str, str]] = field(default_factory=set)
    column_sums: bool = True
    hidden: set[tuple[str, str]] = field(default_factory=set)
    limit: int = 3  # the threshold suppress() applied

    def shown(self, row: str, column: str):
        """The figure as published: the number, or None when it is hidden."""
        return None if (row, column) in self.hidden else self.counts[(row, column)]


def threshold() -> int:
    return settings.STATISTICS_SUPPRESSION_THRESHOLD


def _nodes(table, entry):
    """The two nodes (equations) an entry belongs to; a column without a published sum is the free node."""
    row, column = entry
    column_node = ("column", column) if table.column_sums else FREE
    return ("row", row), column_node


def _connected(table, edges, start, goal):
    """Whether `goal` is reached from `start` over the given hidden entries."""
    neighbours = defaultdict(list)
    for entry in edges:
        first, second = _nodes(table, entry)
        neighbours[first].append(second)
        neighbours[second].append(first)
    seen, stack = {start}, [start]
    while stack:
        node = stack.pop()
        if node == goal:
            return True
        for other in neighbours[node]:
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return False


def _component(table, edges, start):
    neighbours = defaultdict(list)
    for entry in edges:
        first, second = _nodes(table, entry)
        neighbours[first].append(second)
        neighbours[second].append(first)
    seen, stack = {start}, [start]
    while stack:
        for other in neighbours[stack.pop()]:
            if other not in seen:
                seen.add(other)
                stack.append(other)
    return seen


def recoverable(table: Table) -> set[tuple[str, str]]:
    """The hidden figures the published ones determine (the bridges of the hidden figures' graph)."""
    found = set()
    for entry in table.hidden:
        others = table.hidden - {entry}
        if not _connected(table, others, *_nodes(table, entry)):
            found.add(entry)
    return found


def _candidates(table, condition):
    """Visible figures that may be hidden and meet `condition`, in the order to hide them.

    Zeros last, and only when nothing else will do: a hidden 0 in a line whose
    total is 0 is known to be 0, and the figure it was meant to protect is
    then the only unknown of its other line. Among the others, figures of the
    threshold or more come first (smallest first): two hidden figures summing
    to 2 would each be known to be 1, zeros being shown.
    """
    entries = [
        entry
        for entry in table.counts
        if entry not in table.hidden and entry not in table.known and condition(entry) and not _known_zero(table, entry)
    ]
    limit = table.limit

    def order(entry):
        value = table.counts[entry]
        return (value == 0, value < limit, value, entry)

    return sorted(entries, key=order)


def _known_zero(table, entry):
    """Whether the entry lies in a line whose total is published elsewhere as 0: it is 0, hidden or not."""
    if table.counts[entry]:
        return False
    row, column = entry
    return any(total in table.known and table.counts[total] == 0 for total in ((row, TOTAL), (TOTAL, column)))


def _equations(table):
    """Each equation's hidden figures: rows always, columns when their sums are published (never the free node)."""
    members = defaultdict(set)
    for entry in table.counts:
        for node in _nodes(table, entry):
            if node != FREE:
                members[node].add(entry)
    return members


def _hide_a_partner(table, lonely_node, members):
    """Hide a second figure in an equation with one hidden figure, preferring one that links to other hidden ones."""
    hidden_nodes = {node for entry in table.hidden for node in _nodes(table, entry)}

    def linked(entry):
        return any(node in hidden_nodes and node != lonely_node for node in _nodes(table, entry))

    choices = _candidates(table, lambda e: e in members[lonely_node] and linked(e)) or _candidates(
        table, lambda e: e in members[lonely_node]
    )
    if not choices:
        raise ValueError(f"cannot protect the hidden figure of {lonely_node}: every other figure is known")
    table.hidden.add(choices[0])


def _close_a_cycle(table, bridge):
    """Hide the smallest figure that joins the two sides of a bridge, putting the bridge on a cycle."""
    others = table.hidden - {bridge}
    row_node, column_node = _nodes(table, bridge)
    side = _component(table, others, row_node)

    def crosses(entry):
        first, second = _nodes(table, entry)
        return (first in side) != (second in side)

    choices = _candidates(table, crosses)
    if not choices:
        raise ValueError(f"cannot protect the hidden figure {bridge}")
    table.hidden.add(choices[0])


def _total_entry(node):
    """The published total of an equation: a row's is in the total column, a column's in the total row."""
    kind, name = node
    return (name, TOTAL) if kind == "row" else (TOTAL, name)


def _zero_totals_to_hide(table, members):
    """Visible totals of 0 whose line has hidden figures: they would tell that every hidden figure there is 0."""
    found = []
    for node, entries in members.items():
        total = _total_entry(node)
        visible_zero = total not in table.hidden and total not in table.known and table.counts.get(total) == 0
        if visible_zero and entries & table.hidden:
            found.append(total)
    return sorted(found)


def suppress(table: Table, *, limit: int | None = None, exempt_rows: frozenset = frozenset()) -> Table:
    """Hide every figure from 1 to limit - 1 (the threshold) and enough others that none can be computed back.

    Zero is shown: it is the absence of cases, and counting it as small would
    hide most of a sparse table without protecting anyone; a zero hidden as a
    partner gets its line's total of 0 hidden too, else that total would say
    it is 0. Known figures are never hidden. The figures of `exempt_rows`
    (such as "not given": no place, no group) are never hidden for being
    small, but may be hidden as partners.
    """
    limit = threshold() if limit is None else limit
    table.limit = limit
    table.hidden = {
        entry
        for entry, value in table.counts.items()
        if 0 < value < limit and entry not in table.known and entry[0] not in exempt_rows
    }
    members = _equations(table)
    while True:
        lonely = [node for node, entries in members.items() if len(entries & table.hidden) == 1]
        if lonely:
            _hide_a_partner(table, sorted(lonely)[0], members)
            continue
        zero_totals = _zero_totals_to_hide(table, members)
        if zero_totals:
            table.hidden.add(zero_totals[0])
            continue
        bridges = sorted(recoverable(table))
        if not bridges:
            return table
        _close_a_cycle(table, bridges[0])
