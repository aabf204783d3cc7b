"""A grievance log equivalent to the one behind the GRM report of 25 June – 31 December 2020.

Nine cases in the period (three unrelated, the six resolved cases printed in
the report) and twenty before it since the launch on 15 September 2015. The
earlier cases' dates and texts are not in the report: only their channels,
kinds and statuses are, so those are what this log reproduces. Once the log
importer lands, this module can load its demo CSV instead.
"""

from datetime import date

from grievances.models import Status

PERIOD = (date(2020, 6, 25), date(2020, 12, 31))

# (registered_no, received, kind, channel, summary, actions taken, resolved, way)
RESOLVED_IN_PERIOD = [
    ("f-2020/03", date(2020, 7, 31), "request", "facebook", "Request a draft law on Open data",
     "Sent a draft law and introduction of Open data, which were presented on draft law discussion on July 28, 2020.",
     date(2020, 7, 31), "email"),
    ("f-2020/04", date(2020, 8, 2), "request", "facebook", "Request a draft law on Open data",
     "Sent a draft law and introduction of Open data, which were presented on draft law discussion on July 28, 2020.",
     date(2020, 8, 3), "email"),
    ("f-2020/05", date(2020, 8, 14), "clarification", "facebook",
     "Availability to use open data published on the open data portal (www.opendata.gov.mn)",
     "Informed that open data on the portal was free of charge and free to use license.",
     date(2020, 8, 14), "facebook"),
    ("f-2020/06", date(2020, 9, 24), "request", "facebook",
     "Request that 11-11 center should use AI based chat on its Facebook page.",
     "The request is informed to the Client. This function had not been included in the initial technical "
     "specification of the system. It needs additional financing.",
     date(2020, 9, 27), "meeting"),
    ("f-2020/07", date(2020, 10, 10), "clarification", "in_person",
     "Cannot get account on Dan Single Sign On system with the old mobile number.",
     "As clarified from a CITA official, an additional function to link personal information to new numbers "
     "would be added within a week.",
     date(2020, 10, 12), "phone"),
    ("f-2020/10", date(2020, 11, 25), "clarification", "website",
     "Request information on open data policy document and format requirements",
     "Sent a draft law, introduction of Open data and the policy guideline on Open data approved by the CITA chairman.",
     date(2020, 12, 10), "email"),
]  # fmt: skip

# (registered_no, received, kind, channel)
UNRELATED_IN_PERIOD = [
    ("f-2020/02", date(2020, 7, 6), "complaint", "facebook"),
    ("f-2020/08", date(2020, 10, 20), "request", "website"),
    ("f-2020/09", date(2020, 11, 3), "complaint", "email"),
]

UNRELATED_BEFORE = [
    ("f-2016/01", date(2016, 3, 14), "complaint", "facebook"),
    ("f-2016/02", date(2016, 9, 5), "request", "website"),
    ("f-2017/01", date(2017, 2, 20), "complaint", "facebook"),
    ("f-2017/02", date(2017, 6, 12), "comment", "email"),
    ("f-2017/03", date(2017, 11, 1), "request", "facebook"),
    ("f-2018/01", date(2018, 4, 17), "complaint", "website"),
    ("f-2018/02", date(2018, 8, 29), "request", "facebook"),
    ("f-2018/03", date(2018, 12, 4), "clarification", "website"),
    ("f-2019/01", date(2019, 3, 11), "complaint", "facebook"),
    ("f-2019/02", date(2019, 7, 23), "request", "email"),
    ("f-2019/03", date(2019, 10, 2), "comment", "website"),
    ("f-2020/01", date(2020, 2, 10), "complaint", "facebook"),
]

# (registered_no, received, kind, channel, resolved)
RESOLVED_BEFORE = [
    ("f-2015/01", date(2015, 10, 5), "comment", "written", date(2015, 10, 9)),
    ("f-2015/02", date(2015, 11, 16), "request", "written", date(2015, 11, 20)),
    ("f-2016/03", date(2016, 1, 18), "complaint", "written", date(2016, 1, 29)),
    ("f-2016/04", date(2016, 5, 9), "complaint", "written", date(2016, 5, 13)),
    ("f-2016/05", date(2016, 10, 3), "request", "written", date(2016, 10, 7)),
    ("f-2017/04", date(2017, 4, 3), "complaint", "written", date(2017, 4, 14)),
    ("f-2018/04", date(2018, 5, 14), "request", "facebook", date(2018, 5, 15)),
    ("f-2019/04", date(2019, 9, 16), "clarification", "website", date(2019, 9, 18)),
]


def load(case):
    """Register the whole log with `case` (reporting.tests.factories.case) and return the cases."""
    cases = []
    for number, received, kind, channel, summary, actions, resolved, way in RESOLVED_IN_PERIOD:
        cases.append(
            case(
                registered_no=number,
                received_on=received,
                kind=kind,
                channel=channel,
                summary=summary,
                status=Status.RESOLVED,
                resolved_on=resolved,
                actions_taken=actions,
                response_way=way,
            )
        )
    for number, received, kind, channel in UNRELATED_IN_PERIOD + UNRELATED_BEFORE:
        cases.append(
            case(
                registered_no=number,
                received_on=received,
                kind=kind,
                channel=channel,
                summary="Question about a service of another agency",
                status=Status.UNRELATED,
            )
        )
    for number, received, kind, channel, resolved in RESOLVED_BEFORE:
        cases.append(
            case(
                registered_no=number,
                received_on=received,
                kind=kind,
                channel=channel,
                summary="Feedback on the project",
                status=Status.RESOLVED,
                resolved_on=resolved,
                actions_taken="Answered by the PIU.",
                response_way="letter",
            )
        )
    return cases
