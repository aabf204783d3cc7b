import pytest
from django.db.backends.sqlite3.base import DatabaseWrapper
from django.db.models import Count, F, Q
from django.db.models.sql import Query

from grievances.models import Grievance
from grievances.tests.factories import register_grievance
from smartgov.aggregates import Median

pytestmark = pytest.mark.django_db

DAYS = [4, 1, 9, 2, 30]


@pytest.fixture
def sqlite():
    """A SQLite database in memory with a grievances table holding working_days_waited only."""
    wrapper = DatabaseWrapper(
        {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": ":memory:",
            **dict.fromkeys(["USER", "PASSWORD", "HOST", "PORT"], ""),
            "OPTIONS": {},
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "TEST": {},
        },
        alias="median_on_sqlite",
    )
    with wrapper.cursor() as cursor:
        cursor.execute("CREATE TABLE grievances_grievance (id integer primary key, working_days_waited integer)")
        cursor.executemany("INSERT INTO grievances_grievance VALUES (%s, %s)", list(enumerate(DAYS, start=1)))
    yield wrapper
    wrapper.close()


def _select_on(wrapper, expression):
    query = Query(Grievance)
    compiler = query.get_compiler(connection=wrapper)
    sql, params = expression.resolve_expression(query).as_sqlite(compiler, wrapper)
    with wrapper.cursor() as cursor:
        cursor.execute(f'SELECT {sql} FROM "grievances_grievance"', params)  # noqa: S608 - SQL compiled by Django
        return cursor.fetchone()[0]


def test_median_is_the_middle_value_or_the_mean_of_the_middle_two():
    for days in DAYS:
        Grievance.objects.filter(pk=register_grievance().pk).update(working_days_waited=days)

    numbers = Grievance.objects.aggregate(
        all=Median("working_days_waited"),
        even=Median("working_days_waited", filter=~Q(working_days_waited=30)),
        none=Median("working_days_waited", filter=Q(working_days_waited__gt=100)),
        count=Count("id"),
    )

    assert numbers == {"all": 4.0, "even": 3.0, "none": None, "count": 5}


def test_median_on_sqlite_uses_the_registered_aggregate_with_its_filter(sqlite):
    assert _select_on(sqlite, Median(F("working_days_waited"))) == 4.0
    assert _select_on(sqlite, Median(F("working_days_waited"), filter=~Q(working_days_waited=30))) == 3.0
    assert _select_on(sqlite, Median(F("working_days_waited"), filter=Q(working_days_waited__gt=100))) is None
