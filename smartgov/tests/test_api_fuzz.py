"""Schemathesis against /api/schema/: generated requests never get a server error.

Every operation is called as a superuser. Path ids that look like real ids are
pointed at objects that exist (cases in each workflow state, a stakeholder, an
event, feedback, a published document), so that the bodies and filters are
exercised on real rows and not only answered 404; ids that cannot be ids
(negative, huge, text) are sent as generated.
"""

from datetime import date

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core import signals
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from smartgov.wsgi import application

CSRF_SECRET = "a" * 32  # a fixed, valid-shaped token sent both as cookie and header
LARGEST_ID = 2**31 - 1

# Dates anywhere in 0001-9999 and often the very first and last ones (schemathesis's own stay in recent years):
# the last day once overflowed the report periods into a 500.
BOUNDARY_DATES = st.sampled_from([date.min, date.max])
schemathesis.openapi.format("date", st.one_of(BOUNDARY_DATES, st.dates()).map(date.isoformat))

# Loading the schema needs no database: drf-spectacular builds it from the URL conf.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)
# The coverage phase sends a few hundred boundary bodies per operation; the fuzzing phase
# (max_examples below) keeps its variety while the module stays under a minute on an idle 2-core machine.
schema.config.phases.coverage.enabled = False


def _existing_objects():
    """One set of rows per resource; returns {path prefix: [ids]}."""
    from disclosure.tests.factories import make_version
    from grievances.tests.factories import case_in_state, register_grievance
    from grievances.workflow import State
    from stakeholders.models import FeedbackSource
    from stakeholders.tests.factories import ConsultationEventFactory, StakeholderFactory, feedback_on

    cases = [case_in_state(state) for state in State.values]
    cases.append(register_grievance(complainant={"name": "Bat", "email": "bat@example.org", "phone": "99112233"}))
    event = ConsultationEventFactory()
    feedback = feedback_on(event, decision="accepted", source=FeedbackSource.EVENT)
    version = make_version()
    return {
        "/api/grievances/": [case.pk for case in cases],
        "/api/stakeholders/": [StakeholderFactory().pk],
        "/api/consultation-events/": [event.pk],
        "/api/feedback/": [feedback.pk],
        "/api/disclosure/documents/": [version.document_id],
        "/api/disclosure/versions/": [version.pk],
    }


@pytest.fixture
def api_session(db):
    """A superuser's session cookie and the rows the ids point to; requests run inside the test's transaction."""
    # No password: hashing one would cost more than the whole operation's examples.
    user = get_user_model().objects.create(username="fuzzer", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(user)
    cookies = {"sessionid": client.cookies["sessionid"].value, "csrftoken": CSRF_SECRET}
    # As Django's test client does: a finished request must not close the test's connection.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield cookies, _existing_objects()
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def _point_id_at_an_existing_row(case, existing):
    """Replace a plausible generated id by a real one (chosen by the generated value, so runs replay)."""
    generated = (case.path_parameters or {}).get("id")
    if not isinstance(generated, int) or isinstance(generated, bool) or not 0 <= generated <= LARGEST_ID:
        return
    for prefix, ids in existing.items():
        if case.path.startswith(prefix):
            case.path_parameters["id"] = ids[generated % len(ids)]
            return


@schema.parametrize()
@hypothesis_settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_never_answers_with_a_server_error(case, api_session):
    # Cookies go through `cookies=`: the WSGI client replaces any Cookie header with its own jar.
    cookies, existing = api_session
    _point_id_at_an_existing_row(case, existing)
    response = case.call(headers={"X-CSRFToken": CSRF_SECRET}, cookies=cookies)
    assert response.status_code < 500, f"{case.method} {case.formatted_path} -> {response.status_code}"
