import pytest

from reporting.tests import factories
from reporting.tests.datasets import grm_2020h2


@pytest.fixture
def log_2020h2(db):
    """The grievance log behind the 2020 H2 GRM report."""
    return grm_2020h2.load(factories.case)
