"""Aggregates the ORM lacks, computed by the database on PostgreSQL and on SQLite alike."""

import statistics

from django.db.models import Aggregate, FloatField


class _SqliteMedian:
    """SQLite's application-defined aggregate behind Median (SQLite has no percentile function)."""

    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        return float(statistics.median(self.values)) if self.values else None


class Median(Aggregate):
    """The median of the values (the mean of the middle two for an even count); None when there are none.

    PostgreSQL's ordered-set aggregate `percentile_cont(0.5)`; on SQLite (the
    development default) a MEDIAN aggregate registered on the connection. Both
    accept `filter=`, so several medians fit in one aggregate query.
    """

    name = "Median"
    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def as_sqlite(self, compiler, connection, **extra_context):
        # Registering again replaces the same function: cheap, and it follows a reconnection.
        connection.ensure_connection()
        connection.connection.create_aggregate("MEDIAN", 1, _SqliteMedian)
        median = self.copy()
        median.function, median.template = "MEDIAN", "%(function)s(%(expressions)s)"
        return median.as_sql(compiler, connection, **extra_context)
