"""Role-by-endpoint matrix: every role gets exactly the answer it should on every page, download and API.

The table below is the specification, written from DOMAIN.md and issues 3 to 7:
the PIU officer runs the grievance log; the safeguards specialist keeps the
register, disclosure and reports and sees the log without complainants'
identities; a Project Steering Committee member sees and resolves only the
cases assigned to them; the World Bank viewer downloads reports and reads the
SEP figures and nothing else; the public sees the public site and public API.
A citizen holding a tracking code is no one to the staff side. The SEA/SH
focal point sees every sensitive case and no other (issue 15); a sensitive case
is seen by no one else but the superuser, whatever their role. The focal
point's column is FOCAL_POINT below, kept apart so each row stays one line.

One test per role runs every row (fresh data each time, so the transition
POSTs start from the same states) and compares the whole column at once.
"""

from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import URLResolver, get_resolver, resolve
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from disclosure.tests.factories import make_version, pdf_upload
from grievances import services
from grievances.models import Attachment, Grievance, ReferralLetter, Stage, State
from grievances.tests.factories import UserFactory, case_in_state, register_grievance
from grievances.tracking import tracking_code_hash
from reporting.tests.factories import ReportRecordFactory
from smartgov import roles
from smartgov.models import OutboxMessage
from stakeholders.evidence import event_evidence_attach, event_evidence_update
from stakeholders.models import FeedbackSource
from stakeholders.tests.factories import ConsultationEventFactory, StakeholderFactory, feedback_on

pytestmark = pytest.mark.django_db

LOGIN = "login"  # 302 to the staff sign-in page
ROLES = ["anonymous", "citizen", "officer", "safeguards", "psc", "world_bank", "superuser", "focal_point"]
STAFF_ROLES = {
    "officer": roles.PIU_OFFICER,
    "safeguards": roles.SAFEGUARDS_SPECIALIST,
    "psc": roles.PSC_MEMBER,
    "world_bank": roles.WORLD_BANK_VIEWER,
    "focal_point": roles.SEA_SH_FOCAL_POINT,
}
# Who may see a complainant's name and contact details anywhere.
SEES_IDENTITY = {"officer", "superuser"}
COMPLAINANT = {"name": "Oyunchimeg Batbayar", "email": "oyunchimeg@example.mn", "phone": "99118822"}
# A sensitive case (SEA/SH): its complainant and its texts are shown to no one but these two.
SEES_SENSITIVE = {"focal_point", "superuser"}
SENSITIVE_COMPLAINANT = {"name": "Tsetsegmaa Enkhbold", "email": "tsetsegmaa@example.mn", "phone": "99334455"}
SENSITIVE_TEXTS = {"summary": "Supervisor touched me at the camp", "message": "He waited for me after the shift"}
TRACKING_CODE = "ABCD-EFGH-JKMN"

ALL_200 = (200,) * 7
STAFF_ONLY = (LOGIN, LOGIN, 200, 200, 200, 200, 200)
SUPERUSER_ONLY = (LOGIN, LOGIN, 403, 403, 403, 403, 200)
NOBODY = (LOGIN, LOGIN, 403, 403, 403, 403, 403)
OFFICER_WRITES = (LOGIN, LOGIN, 200, 403, 403, 403, 200)
REGISTER_VIEW = (LOGIN, LOGIN, 200, 200, 403, 403, 200)  # stakeholders and disclosure: officer reads
REGISTER_ADD = (LOGIN, LOGIN, 403, 200, 403, 403, 200)  # ... the safeguards specialist writes
API_TRIAGE = (403, 403, 200, 403, 403, 403, 200)
API_RESOLVE = (403, 403, 200, 403, 200, 403, 200)

# Every model registered in the admin site: (changelist, add page).
ADMIN_MODELS = {
    "auth.group": (SUPERUSER_ONLY, SUPERUSER_ONLY),
    "auth.user": (SUPERUSER_ONLY, SUPERUSER_ONLY),
    "axes.accessattempt": (SUPERUSER_ONLY, NOBODY),  # lockout records are written by axes only
    "axes.accesslog": (SUPERUSER_ONLY, NOBODY),
    "axes.accessfailurelog": (SUPERUSER_ONLY, NOBODY),
    "otp_totp.totpdevice": (SUPERUSER_ONLY, SUPERUSER_ONLY),
    "otp_static.staticdevice": (SUPERUSER_ONLY, SUPERUSER_ONLY),
    "smartgov.calendarday": (OFFICER_WRITES, OFFICER_WRITES),
    "smartgov.outboxmessage": (OFFICER_WRITES, NOBODY),  # written by services, never by hand
    "grievances.grievance": ((LOGIN, LOGIN, 200, 200, 200, 403, 200), OFFICER_WRITES),
    "grievances.referralbody": (OFFICER_WRITES, OFFICER_WRITES),  # the officer marks cases unrelated
    "grievances.supportservice": (OFFICER_WRITES, OFFICER_WRITES),  # and the focal point (FOCAL_POINT)
    "stakeholders.vulnerablegroup": (REGISTER_VIEW, REGISTER_ADD),
    "stakeholders.stakeholder": (REGISTER_VIEW, REGISTER_ADD),
    "stakeholders.consultationevent": (REGISTER_VIEW, REGISTER_ADD),
    "stakeholders.feedbackitem": (REGISTER_VIEW, REGISTER_ADD),
    "disclosure.document": (REGISTER_VIEW, REGISTER_ADD),
    "disclosure.documentversion": (REGISTER_VIEW, REGISTER_ADD),
    "reporting.reportrecord": ((LOGIN, LOGIN, 200, 200, 403, 200, 200), NOBODY),  # records come from the task
    "audit.auditentry": (SUPERUSER_ONLY, NOBODY),  # the audit log: read by the superuser, written by the chain only
    "reporting.pressmaterial": (REGISTER_VIEW[:3] + (200, 403, 403, 200), REGISTER_VIEW[:3] + (200, 403, 403, 200)),
}

#                                                  (method, url, body)
ENDPOINTS = {
    # --- admin: custom pages ------------------------------------------------------------------
    "admin index": (("GET", "/admin/", None), STAFF_ONLY),
    "admin stakeholder grid": (("GET", "/admin/stakeholders/stakeholder/grid/", None), REGISTER_VIEW),
    "admin report generation": (("GET", "/admin/reporting/reportrecord/generate/", None), REGISTER_VIEW),
    "admin event minutes": (("GET", "/admin/stakeholders/consultationevent/{event}/minutes/en/", None), REGISTER_VIEW),
    "admin event evidence": (
        ("GET", "/admin/stakeholders/consultationevent/evidence/{evidence}/", None),
        REGISTER_VIEW,
    ),
    "admin SEP dashboard": (
        ("GET", "/admin/reporting/reportrecord/dashboard/", None),
        (LOGIN, LOGIN, 200, 200, 403, 200, 200),
    ),
    "admin SEP dashboard export": (
        ("GET", "/admin/reporting/reportrecord/dashboard/export/?format=csv", None),
        (LOGIN, LOGIN, 200, 200, 403, 200, 200),
    ),
    "admin grievance log export": (
        ("GET", "/admin/reporting/reportrecord/grievance-log/export/?format=csv", None),
        REGISTER_VIEW,
    ),
    # The case list's log export: whoever sees the list, of the cases they see (never who complained).
    "admin case list export": (
        ("GET", "/admin/grievances/grievance/export/csv/", None),
        (LOGIN, LOGIN, 200, 200, 200, 403, 200),
    ),
    "admin case page, assigned to the PSC member": (
        ("GET", "/admin/grievances/grievance/{assigned}/change/", None),
        (LOGIN, LOGIN, 200, 200, 200, 403, 200),
    ),
    "admin case page, not assigned": (
        ("GET", "/admin/grievances/grievance/{other}/change/", None),
        (LOGIN, LOGIN, 200, 200, 404, 403, 200),
    ),
    "admin case attachment": (
        ("GET", "/admin/grievances/grievance/{assigned}/attachments/{attachment}/", None),
        OFFICER_WRITES,  # attachments may show who complained
    ),
    "admin case referral letter": (
        ("GET", "/admin/grievances/grievance/{assigned}/referral-letters/{letter}/", None),
        OFFICER_WRITES,  # the letter names the complainant
    ),
    # The receipt shows the tracking code; a new code is the officer's to issue (grievances.triage_grievance).
    "admin case receipt": (("GET", "/admin/grievances/grievance/{assigned}/receipt/", None), OFFICER_WRITES),
    "admin case new tracking code, confirmation": (
        ("GET", "/admin/grievances/grievance/{assigned}/tracking-code/", None),
        OFFICER_WRITES,
    ),
    "admin case new tracking code": (
        ("POST", "/admin/grievances/grievance/{other}/tracking-code/", {}),
        (LOGIN, LOGIN, 302, 403, 403, 403, 302),
    ),
    # The case page's workflow panel posts a form (one transition each) and comes back to the case page (302),
    # with a success or the service's refusal as a message; lacking the right is 403, an unseen case 404.
    "admin case transition, acknowledge": (
        ("POST", "/admin/grievances/grievance/{admin_to_acknowledge}/transition/acknowledge/", {}),
        (LOGIN, LOGIN, 302, 403, 403, 403, 302),
    ),
    "admin case transition, escalate": (
        ("POST", "/admin/grievances/grievance/{admin_to_escalate}/transition/escalate/", {"escalate-stage": "4"}),
        (LOGIN, LOGIN, 302, 403, 302, 403, 302),
    ),
    "admin case transition, not assigned": (
        ("POST", "/admin/grievances/grievance/{unassigned_to_resolve}/transition/resolve/", {}),
        (LOGIN, LOGIN, 302, 403, 404, 403, 302),
    ),
    # A call to the complainant is recorded by whoever may change the case (the PSC member on their own).
    "admin case call to the complainant recorded": (
        ("POST", "/admin/grievances/grievance/{to_call}/calls/{call}/done/", {"call-{call}-note": "Called"}),
        (LOGIN, LOGIN, 302, 403, 302, 403, 302),
    ),
    "admin case transition, GET": (
        ("GET", "/admin/grievances/grievance/{to_close}/transition/close/", None),
        (LOGIN, LOGIN, 405, 405, 405, 405, 405),
    ),
    # A sensitive case (SEA/SH): as if it did not exist for everyone but the focal point and the superuser.
    "admin sensitive case page": (
        ("GET", "/admin/grievances/grievance/{sensitive}/change/", None),
        (LOGIN, LOGIN, 404, 404, 404, 403, 200),
    ),
    "admin sensitive case history": (
        ("GET", "/admin/grievances/grievance/{sensitive}/history/", None),
        (LOGIN, LOGIN, 404, 404, 404, 403, 200),
    ),
    "admin sensitive case attachment": (
        ("GET", "/admin/grievances/grievance/{sensitive}/attachments/{sensitive_attachment}/", None),
        (LOGIN, LOGIN, 404, 403, 403, 403, 200),
    ),
    # Whoever triages a case may mark it sensitive; it then leaves their sight (302 to the list).
    "admin case marked sensitive": (
        ("POST", "/admin/grievances/grievance/{to_mark}/sensitive/mark/", {}),
        (LOGIN, LOGIN, 302, 403, 404, 403, 302),
    ),
    "admin sensitive case unmarked": (
        ("POST", "/admin/grievances/grievance/{to_unmark}/sensitive/unmark/", {"sensitive-unmark-note": "Not SEA"}),
        (LOGIN, LOGIN, 404, 403, 404, 403, 302),
    ),
    # A message is the record that the complainant was told: nobody deletes one by hand, the superuser neither.
    "admin outbox message delete page": (("GET", "/admin/smartgov/outboxmessage/{message}/delete/", None), NOBODY),
    "admin TOTP device set-up page": (("GET", "/admin/otp_totp/totpdevice/{device}/config/", None), SUPERUSER_ONLY),
    "admin TOTP device QR code": (("GET", "/admin/otp_totp/totpdevice/{device}/qrcode/", None), SUPERUSER_ONLY),
    # --- report download (outside the admin, checked on every request) ----------------------
    "report record download": (
        ("GET", "/en/reports/records/{record}/download/", None),
        (LOGIN, LOGIN, 200, 200, 403, 200, 200),
    ),
    # --- grievance API ------------------------------------------------------------------------
    "api grievance list": (("GET", "/api/grievances/", None), (403, 403, 200, 200, 200, 403, 200)),
    "api grievance, assigned": (("GET", "/api/grievances/{assigned}/", None), (403, 403, 200, 200, 200, 403, 200)),
    "api grievance, not assigned": (("GET", "/api/grievances/{other}/", None), (403, 403, 200, 200, 404, 403, 200)),
    "api sensitive grievance": (("GET", "/api/grievances/{sensitive}/", None), (403, 403, 404, 404, 404, 403, 200)),
    "api acknowledge": (("POST", "/api/grievances/{to_acknowledge}/acknowledge/", {}), API_TRIAGE),
    "api mark unrelated": (
        ("POST", "/api/grievances/{to_mark_unrelated}/mark-unrelated/", {"referred_to": "Tax office"}),
        API_TRIAGE,
    ),
    "api assign": (("POST", "/api/grievances/{to_assign}/assign/", {"assignee": "matrix-officer"}), API_TRIAGE),
    "api escalate": (("POST", "/api/grievances/{to_escalate}/escalate/", {"stage": 4}), API_RESOLVE),
    "api resolve": (
        (
            "POST",
            "/api/grievances/{to_resolve}/resolve/",
            {"actions_taken_mn": "Уулзсан", "actions_taken_en": "Met them", "response_way": "meeting"},
        ),
        API_RESOLVE,
    ),
    "api resolve, not assigned": (
        (
            "POST",
            "/api/grievances/{unassigned_to_resolve}/resolve/",
            {"actions_taken_mn": "Уулзсан", "actions_taken_en": "Met", "response_way": "email"},
        ),
        (403, 403, 200, 403, 404, 403, 200),
    ),
    "api request information": (
        ("POST", "/api/grievances/{to_ask}/request-information/", {"message": "Which road?"}),
        API_RESOLVE,
    ),
    "api information received": (("POST", "/api/grievances/{awaiting}/information-received/", {}), API_RESOLVE),
    "api close, no answer": (("POST", "/api/grievances/{unanswered}/close-no-response/", {}), API_TRIAGE),
    "api reopen": (("POST", "/api/grievances/{to_reopen}/reopen/", {}), API_TRIAGE),
    "api close": (("POST", "/api/grievances/{to_close}/close/", {}), API_TRIAGE),
    # --- other staff API ----------------------------------------------------------------------
    "api stakeholder list": (("GET", "/api/stakeholders/", None), (403, 403, 200, 200, 403, 403, 200)),
    "api stakeholder": (("GET", "/api/stakeholders/{stakeholder}/", None), (403, 403, 200, 200, 403, 403, 200)),
    "api GRM report": (
        ("GET", "/api/reports/grm/?start=2020-06-25&end=2020-12-31", None),
        (403, 403, 200, 200, 403, 200, 200),
    ),
    # --- public API ---------------------------------------------------------------------------
    "api schema": (("GET", "/api/schema/", None), ALL_200),
    "api consultation event list": (("GET", "/api/consultation-events/", None), ALL_200),
    "api consultation event": (("GET", "/api/consultation-events/{event}/", None), ALL_200),
    "api feedback list": (("GET", "/api/feedback/", None), ALL_200),
    "api feedback": (("GET", "/api/feedback/{feedback}/", None), ALL_200),
    "api engagement figures": (("GET", "/api/engagement-figures/?start=2021-01-01&end=2021-12-31", None), ALL_200),
    "api document list": (("GET", "/api/disclosure/documents/", None), ALL_200),
    "api document": (("GET", "/api/disclosure/documents/{document}/", None), ALL_200),
    "api version list": (("GET", "/api/disclosure/versions/", None), ALL_200),
    "api version": (("GET", "/api/disclosure/versions/{version}/", None), ALL_200),
    # --- public pages -------------------------------------------------------------------------
    "home": (("GET", "/mn/", None), ALL_200),
    "health check": (("GET", "/healthz", None), ALL_200),
    "favicon": (("GET", "/favicon.ico", None), ALL_200),
    "grievance form": (("GET", "/kk/grievances/new/", None), ALL_200),
    "confirmation without a submission": (("GET", "/mn/grievances/new/done/", None), (302,) * 7),  # to the form
    "tracking": (("GET", "/en/grievances/track/", None), ALL_200),
    "easy read": (("GET", "/mn/grievances/how-it-works/", None), ALL_200),
    "support services": (("GET", "/kk/grievances/safe/", None), ALL_200),
    "consultations": (("GET", "/mn/consultations/", None), ALL_200),
    "consultation event": (("GET", "/en/consultations/{event}/", None), ALL_200),
    "consultation feed": (("GET", "/mn/consultations/feed/", None), ALL_200),
    "consultation calendar": (("GET", "/kk/consultations/calendar.ics", None), ALL_200),
    "consultation registration": (("GET", "/en/consultations/{event}/register/", None), (405,) * 7),  # POST only
    "consultation comment": (("GET", "/en/consultations/{event}/comment/", None), (405,) * 7),  # POST only
    "consultation evidence (published)": (
        ("GET", "/mn/consultations/evidence/{evidence}/{evidence_name}", None),
        ALL_200,
    ),
    "documents": (("GET", "/mn/documents/", None), ALL_200),
    "document": (("GET", "/en/documents/{document}/", None), ALL_200),
    "document feed": (("GET", "/mn/documents/feed/", None), ALL_200),
    "document file": (("GET", "/mn/documents/files/{version_file}/{version_file_name}", None), ALL_200),
    "grievance statistics": (("GET", "/kk/grievances/statistics/", None), ALL_200),
    "grievance statistics download": (("GET", "/en/grievances/statistics/data.csv", None), ALL_200),
    "grievance statistics data dictionary": (("GET", "/mn/grievances/statistics/data-dictionary/", None), ALL_200),
}
for _label, (_changelist, _add) in ADMIN_MODELS.items():
    _app, _model = _label.split(".")
    ENDPOINTS[f"admin {_label} changelist"] = (("GET", f"/admin/{_app}/{_model}/", None), _changelist)
    ENDPOINTS[f"admin {_label} add"] = (("GET", f"/admin/{_app}/{_model}/add/", None), _add)

# The SEA/SH focal point's column: the admin home, the case list (sensitive cases only, of which the world below
# has two), their transitions and files, registering a case (sensitive), the register of support services, the
# public site; nothing else.
FOCAL_POINT_200 = {
    "admin index",
    "admin case list export",
    "admin sensitive case page",
    "admin sensitive case history",
    "admin sensitive case attachment",
    "api grievance list",
    "api sensitive grievance",
    "admin grievances.grievance changelist",
    "admin grievances.grievance add",
    "admin grievances.supportservice changelist",
    "admin grievances.supportservice add",
}
# Cases that are not sensitive and not assigned to them answer as if they did not exist.
FOCAL_POINT_404 = {
    "admin case page, assigned to the PSC member",
    "admin case page, not assigned",
    "admin case attachment",
    "admin case referral letter",
    "admin case receipt",
    "admin case new tracking code, confirmation",
    "admin case new tracking code",
    "admin case transition, acknowledge",
    "admin case transition, escalate",
    "admin case transition, not assigned",
    "admin case call to the complainant recorded",
    "admin case marked sensitive",
    "api grievance, assigned",
    "api grievance, not assigned",
    "api acknowledge",
    "api mark unrelated",
    "api assign",
    "api escalate",
    "api resolve",
    "api resolve, not assigned",
    "api request information",
    "api information received",
    "api close, no answer",
    "api reopen",
    "api close",
}
FOCAL_POINT = {}
for _name, ((_method, _url, _body), _answers) in ENDPOINTS.items():
    if _answers == ALL_200 or _answers == (302,) * 7:  # the public site
        FOCAL_POINT[_name] = _answers[0]
    elif _name in FOCAL_POINT_200:
        FOCAL_POINT[_name] = 200
    elif _name in FOCAL_POINT_404:
        FOCAL_POINT[_name] = 404
    else:
        FOCAL_POINT[_name] = 403 if _url.startswith(("/admin/", "/api/", "/en/reports/")) else _answers[0]
FOCAL_POINT |= {
    "admin sensitive case unmarked": 302,
    "admin case transition, GET": 405,
    "api schema": 200,
}


def _case(*, assignee=None, acknowledge=True, stage=None, resolve=False, complainant=None):
    """A case brought to a state through the workflow services (system actor)."""
    grievance = register_grievance(complainant=complainant)
    if assignee is not None:
        grievance = services.grievance_assign(grievance=grievance, actor=None, assignee=assignee)
    if acknowledge:
        grievance = services.grievance_acknowledge(grievance=grievance, actor=None)
    if stage:
        grievance = services.grievance_escalate(grievance=grievance, actor=None, stage=stage)
    if resolve:
        grievance = services.grievance_resolve(
            grievance=grievance,
            actor=None,
            actions_taken_mn="Answered",
            actions_taken_en="Answered",
            response_way="email",
        )
    return grievance


@pytest.fixture
def world(settings):
    """Users of every role, cases in every state the rows need, and one row of each public thing."""
    settings.STAFF_REQUIRE_2FA = False  # two-factor sign-in has its own tests; here staff are signed in
    users = {"superuser": UserFactory(username="matrix-superuser", is_superuser=True)}
    for key, group in STAFF_ROLES.items():
        users[key] = UserFactory(username=f"matrix-{key}")
        users[key].groups.add(Group.objects.get(name=group))
    psc = users["psc"]
    assigned = _case(assignee=psc, stage=Stage.STEERING_COMMITTEE, complainant=COMPLAINANT)
    Grievance.objects.filter(pk=assigned.pk).update(tracking_code_hash=tracking_code_hash(TRACKING_CODE))
    attachment = Attachment.objects.create(
        grievance=assigned,
        file=ContentFile(b"%PDF-1.4 letter", name="letter.pdf"),
        original_name="letter.pdf",
        content_type="application/pdf",
        size=15,
    )
    letter = ReferralLetter.objects.create(
        grievance=assigned,
        event=assigned.events.first(),
        language="mn",
        file=ContentFile(b"%PDF-1.4 referral", name="referral.pdf"),
    )
    to_call = _case(assignee=psc, acknowledge=False, complainant={"phone": "7011 2233", "preferred_contact": "phone"})
    sensitive = register_grievance(
        sensitive=True,
        complainant=SENSITIVE_COMPLAINANT,
        message=SENSITIVE_TEXTS["message"],
        translations={"summary_mn": SENSITIVE_TEXTS["summary"], "summary_en": SENSITIVE_TEXTS["summary"]},
    )
    sensitive_attachment = Attachment.objects.create(
        grievance=sensitive,
        file=ContentFile(b"%PDF-1.4 statement", name="statement.pdf"),
        original_name="statement.pdf",
        content_type="application/pdf",
        size=18,
    )
    event = ConsultationEventFactory()
    version = make_version()
    version_file = version.files.get()
    evidence = event_evidence_attach(event=event, kind="attendance_sheet", upload=pdf_upload(name="sheet.pdf"))
    evidence = event_evidence_update(evidence=evidence, data={"is_published": True})
    ids = {
        "assigned": assigned.pk,
        "other": _case(assignee=users["officer"], complainant=COMPLAINANT).pk,
        "attachment": attachment.pk,
        "letter": letter.pk,
        "to_acknowledge": _case(assignee=psc, acknowledge=False).pk,
        "to_mark_unrelated": _case(assignee=psc).pk,
        "to_assign": _case(assignee=psc).pk,
        "to_escalate": _case(assignee=psc, stage=Stage.STEERING_COMMITTEE).pk,
        "to_resolve": _case(assignee=psc, stage=Stage.STEERING_COMMITTEE).pk,
        "unassigned_to_resolve": _case().pk,
        "admin_to_acknowledge": _case(assignee=psc, acknowledge=False).pk,
        "admin_to_escalate": _case(assignee=psc, stage=Stage.STEERING_COMMITTEE).pk,
        "to_ask": _case(assignee=psc).pk,
        "awaiting": services.grievance_request_information(
            grievance=_case(assignee=psc), actor=None, message="Which road?"
        ).pk,
        "unanswered": services.grievance_assign(
            grievance=case_in_state(State.AWAITING_COMPLAINANT, long_unanswered=True), actor=None, assignee=psc
        ).pk,
        "to_call": to_call.pk,
        "call": to_call.contact_tasks.get().pk,
        "sensitive": sensitive.pk,
        "sensitive_attachment": sensitive_attachment.pk,
        "to_mark": _case().pk,
        "to_unmark": register_grievance(sensitive=True).pk,
        "to_reopen": _case(assignee=psc, resolve=True).pk,
        "to_close": _case(assignee=psc, resolve=True).pk,
        "record": ReportRecordFactory().pk,
        "message": OutboxMessage.objects.filter(reference=f"grievance:{assigned.pk}").earliest("pk").pk,
        "device": TOTPDevice.objects.create(user=users["superuser"], name="phone").pk,
        "stakeholder": StakeholderFactory().pk,
        "event": event.pk,
        "feedback": feedback_on(event, decision="accepted", source=FeedbackSource.EVENT).pk,
        "document": version.document_id,
        "version": version.pk,
        "version_file": version_file.pk,
        "version_file_name": version_file.download_name,
        "evidence": evidence.pk,
        "evidence_name": evidence.download_name,
    }
    return SimpleNamespace(users=users, ids=ids, tracked=assigned)


def _client_for(role, world):
    client = Client()
    if role == "citizen":
        # A member of the public who has just followed their own case with its number and code.
        response = client.post(
            "/en/grievances/track/", {"registered_no": world.tracked.registered_no, "code": TRACKING_CODE}
        )
        assert response.status_code == 200 and response.context["grievance"] == world.tracked
    elif role != "anonymous":
        client.force_login(world.users[role])
    return client


def _answer(response):
    if response.status_code == 302 and response["Location"].startswith("/admin/login/"):
        return LOGIN
    return response.status_code


def _body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_the_table_covers_every_model_registered_in_the_admin():
    registered = {model._meta.label_lower for model in admin.site._registry}
    assert registered == set(ADMIN_MODELS)


# Routes with no page of their own to check: the admin's per-object and sign-in pages, the language switch.
UNLISTED_ADMIN_PAGES = ("_change", "_delete", "_history", "_password_change")
UNLISTED_ROUTES = {"set_language", "admin:login", "admin:logout", "admin:password_change"}
UNLISTED_ROUTES |= {"admin:password_change_done", "admin:autocomplete", "admin:jsi18n", "admin:view_on_site"}
UNLISTED_ROUTES |= {"admin:app_list"}


def _route_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(filter(None, [namespace, pattern.app_name or pattern.namespace]))
            yield from _route_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}:{pattern.name}" if namespace else pattern.name


def test_the_table_covers_every_route_of_the_portal():
    dummy_ids = {key: 1 for key in ("assigned", "other", "attachment", "record", "device", "stakeholder", "event")}
    dummy_ids["message"] = 1
    dummy_ids |= {"feedback": 1, "letter": 1, "evidence": 1, "evidence_name": "sheet.pdf"}
    dummy_ids |= {key: 1 for key in ("document", "version", "version_file")} | {"version_file_name": "sep.pdf"}
    dummy_ids |= {key: 1 for key in ("to_acknowledge", "to_mark_unrelated", "to_assign", "to_escalate")}
    dummy_ids |= {key: 1 for key in ("to_resolve", "unassigned_to_resolve", "to_reopen", "to_close")}
    dummy_ids |= {
        "admin_to_acknowledge": 1,
        "admin_to_escalate": 1,
        "to_ask": 1,
        "awaiting": 1,
        "unanswered": 1,
        "to_call": 1,
        "call": 1,
        "sensitive": 1,
        "sensitive_attachment": 1,
        "to_mark": 1,
        "to_unmark": 1,
    }
    covered = set()
    for (_method, url, _body), _answers in ENDPOINTS.values():
        path = urlsplit(url.format(**dummy_ids)).path
        language = path.split("/")[1]
        with translation.override(language if language in dict(settings.LANGUAGES) else None):
            match = resolve(path)
        covered.add(":".join([*match.app_names, match.url_name]))
    routes = {
        name
        for name in _route_names(get_resolver().url_patterns)
        if name not in UNLISTED_ROUTES and not name.endswith(UNLISTED_ADMIN_PAGES)
    }
    assert routes - covered == set()


def test_the_focal_point_s_column_covers_every_row():
    assert set(FOCAL_POINT) == set(ENDPOINTS)


def _expected(name, answers, role):
    return FOCAL_POINT[name] if role == "focal_point" else answers[ROLES.index(role)]


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_exactly_the_expected_answer_everywhere(role, world):
    client = _client_for(role, world)
    expected, actual, identity_shown, sensitive_shown = {}, {}, [], []
    for name, ((method, url, body), answers) in ENDPOINTS.items():
        url = url.format(**world.ids)
        post = method == "POST"
        if not post:
            response = client.get(url)
        elif url.startswith("/admin/"):
            # The admin's forms are form-encoded; a field's prefix may name the row it is about.
            response = client.post(url, {key.format(**world.ids): value for key, value in body.items()})
        else:
            response = client.post(url, body, content_type="application/json")
        expected[name], actual[name] = _expected(name, answers, role), _answer(response)
        content = _body(response)
        if role not in SEES_IDENTITY and any(value.encode() in content for value in COMPLAINANT.values()):
            identity_shown.append(name)
        secrets = [*SENSITIVE_COMPLAINANT.values(), *SENSITIVE_TEXTS.values()]
        if role not in SEES_SENSITIVE and any(value.encode() in content for value in secrets):
            sensitive_shown.append(name)

    assert actual == expected
    assert identity_shown == []
    assert sensitive_shown == []


# --- a tracking code is the right to one case only ---------------------------------------------

OTHER_CODE = "PQRS-TUVW-XYZ2"
TRACK_ANSWERS = [
    {},  # the look-up: the timeline
    {"action": "reply", "text": "Let me add something"},
    {"action": "resolution", "resolved": "yes"},
    {"action": "resolution", "resolved": "no", "reason": "Not fixed"},
]


@pytest.mark.parametrize("answer", TRACK_ANSWERS)
def test_a_tracking_code_opens_only_its_own_case_s_timeline_and_forms(world, settings, answer):
    """The code of one case, sent with another case's number, gets nothing, changes nothing, and counts."""
    from django.core.cache import cache

    cache.clear()
    settings.GRM_TRACKING_FAILURE_RATE_LIMIT = "2/h"
    resolved = Grievance.objects.get(pk=world.ids["to_close"])
    Grievance.objects.filter(pk=resolved.pk).update(tracking_code_hash=tracking_code_hash(OTHER_CODE))
    history = {case.pk: list(case.events.values_list("id", flat=True)) for case in (resolved, world.tracked)}
    client = Client()
    for _attempt in range(2):
        body = {"registered_no": resolved.registered_no, "code": TRACKING_CODE, **answer}
        response = client.post("/en/grievances/track/", body)
        assert response.context["not_found"] and "timeline" not in response.context
        assert resolved.summary.encode() not in response.content
    body = {"registered_no": resolved.registered_no, "code": OTHER_CODE, **answer}
    assert client.post("/en/grievances/track/", body).status_code == 429  # the failures were counted
    for case in (resolved, world.tracked):
        case.refresh_from_db()
        assert list(case.events.values_list("id", flat=True)) == history[case.pk]
    assert resolved.state == "resolved"

    cache.clear()
    own = Client().post("/en/grievances/track/", {"registered_no": resolved.registered_no, "code": OTHER_CODE})
    assert own.context["grievance"] == resolved
    assert {event.grievance_id for event in own.context["timeline"]} == {resolved.pk}
    cache.clear()
