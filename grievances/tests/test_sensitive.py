"""The sensitive-case pathway's rules (SEA/SH): who sees such a case, who marks it, consent before a referral."""

import pytest

from grievances import sensitive, services, workflow
from grievances.models import EventType, Grievance, ReferralConsent, SupportReferral, SupportService
from grievances.tests.factories import UserFactory, register_grievance, user_with_role
from smartgov import roles
from smartgov.exceptions import ApplicationError
from smartgov.models import OutboxMessage

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return {
        "officer": user_with_role(roles.PIU_OFFICER, email="officer@example.mn"),
        "safeguards": user_with_role(roles.SAFEGUARDS_SPECIALIST),
        "psc": user_with_role(roles.PSC_MEMBER),
        "world_bank": user_with_role(roles.WORLD_BANK_VIEWER),
        "focal_point": user_with_role(roles.SEA_SH_FOCAL_POINT, email="focal@example.mn"),
        "superuser": UserFactory(is_superuser=True),
    }


@pytest.fixture
def service():
    return SupportService.objects.create(
        name_mn="Тусламжийн утас", name_en="Helpline", offers_mn="Зөвлөгөө", offers_en="Advice", phone="108"
    )


def _sensitive(**overrides):
    return register_grievance(sensitive=True, **overrides)


# --- who sees a sensitive case -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "sees_sensitive", "sees_ordinary"),
    [
        ("officer", False, True),
        ("safeguards", False, True),
        ("psc", False, False),  # an ordinary case not assigned to them
        ("world_bank", False, False),
        ("focal_point", True, False),
        ("superuser", True, True),
    ],
)
def test_only_the_focal_point_and_the_superuser_see_sensitive_cases(people, role, sees_sensitive, sees_ordinary):
    secret, ordinary = _sensitive(), register_grievance()
    visible = set(Grievance.objects.visible_to(people[role]))
    assert (secret in visible) is sees_sensitive
    assert (ordinary in visible) is sees_ordinary


def test_a_psc_member_does_not_see_a_sensitive_case_even_when_it_was_assigned_to_them(people):
    case = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=people["psc"])
    Grievance.objects.filter(pk=case.pk).update(sensitive=True)
    assert not Grievance.objects.visible_to(people["psc"]).exists()


def test_the_focal_point_handles_every_sensitive_case_and_no_other(people):
    secret, ordinary = _sensitive(), register_grievance()
    focal_point = people["focal_point"]
    assert workflow.can_handle(focal_point, secret) and not workflow.can_handle(focal_point, ordinary)
    assert "acknowledge" in workflow.allowed_actions(secret, focal_point)
    assert workflow.allowed_actions(secret, people["officer"]) == []


def test_the_roles_give_the_officer_everything_on_cases_but_the_sensitive_ones(people):
    assert people["officer"].has_perm("grievances.triage_grievance")
    assert not people["officer"].has_perm("grievances.view_sensitive_grievance")
    assert not people["officer"].has_perm("grievances.add_supportreferral")
    assert people["focal_point"].has_perm("grievances.view_sensitive_grievance")
    assert not people["focal_point"].has_perm("grievances.view_all_grievances")


def test_a_sensitive_case_cannot_be_assigned_to_someone_who_may_not_see_it(people):
    case = _sensitive()
    with pytest.raises(ApplicationError):
        services.grievance_assign(grievance=case, actor=people["focal_point"], assignee=people["officer"])
    other_focal_point = user_with_role(roles.SEA_SH_FOCAL_POINT)
    assigned = services.grievance_assign(grievance=case, actor=people["focal_point"], assignee=other_focal_point)
    assert assigned.assigned_to == other_focal_point


# --- marking and unmarking ---------------------------------------------------------------------


def test_the_officer_marks_a_case_sensitive_and_can_no_longer_see_it(people):
    case = services.grievance_assign(grievance=register_grievance(), actor=None, assignee=people["officer"])
    marked = sensitive.grievance_mark_sensitive(grievance=case, actor=people["officer"], note="Harassment")

    assert marked.sensitive
    assert marked.assigned_to is None  # the officer could no longer open it
    event = marked.events.get(event_type=EventType.MARKED_SENSITIVE)
    assert event.actor == people["officer"]
    assert event.data["changes"]["sensitive"] == [False, True]
    assert not Grievance.objects.visible_to(people["officer"]).filter(pk=case.pk).exists()


def test_marking_tells_the_focal_points_in_words_that_do_not_say_what_it_is_about(people):
    case = register_grievance()
    OutboxMessage.objects.all().delete()
    sensitive.grievance_mark_sensitive(grievance=case, actor=people["officer"])
    message = OutboxMessage.objects.get()
    assert message.recipient == "focal@example.mn"  # decrypted on reading
    text = f"{message.subject} {message.body}".lower()
    assert case.registered_no in text
    for word in ("harass", "abuse", "sexual", "sensitive", "sea/sh", "дарамт", "хүчирхийл"):
        assert word not in text


@pytest.mark.parametrize("role", ["safeguards", "psc", "world_bank"])
def test_who_cannot_triage_the_case_cannot_mark_it(people, role):
    case = register_grievance()
    with pytest.raises(ApplicationError):
        sensitive.grievance_mark_sensitive(grievance=case, actor=people[role])
    assert not Grievance.objects.get(pk=case.pk).sensitive


def test_a_case_is_marked_once(people):
    case = _sensitive()
    with pytest.raises(ApplicationError):
        sensitive.grievance_mark_sensitive(grievance=case, actor=people["focal_point"])


@pytest.mark.parametrize("role", ["officer", "safeguards", "psc"])
def test_only_the_focal_point_or_the_superuser_takes_the_mark_off(people, role):
    case = _sensitive()
    with pytest.raises(ApplicationError):
        sensitive.grievance_unmark_sensitive(grievance=case, actor=people[role], note="Not SEA")
    assert Grievance.objects.get(pk=case.pk).sensitive


def test_the_focal_point_takes_the_mark_off_with_a_reason(people):
    case = _sensitive()
    with pytest.raises(ApplicationError):
        sensitive.grievance_unmark_sensitive(grievance=case, actor=people["focal_point"], note=" ")
    unmarked = sensitive.grievance_unmark_sensitive(
        grievance=case, actor=people["focal_point"], note="About a road, not harassment"
    )
    assert not unmarked.sensitive
    assert unmarked.events.filter(event_type=EventType.UNMARKED_SENSITIVE, actor=people["focal_point"]).exists()
    assert Grievance.objects.visible_to(people["officer"]).filter(pk=case.pk).exists()


# --- consent before a referral -----------------------------------------------------------------


@pytest.mark.parametrize("consent", [ReferralConsent.NOT_ASKED, ReferralConsent.NO])
def test_no_referral_without_the_complainant_s_yes(people, service, consent):
    case = _sensitive(referral_consent=consent)
    with pytest.raises(ApplicationError) as refused:
        sensitive.grievance_support_referral_record(grievance=case, actor=people["focal_point"], service=service)
    assert refused.value.field == "service"  # the translated message stands beside the service picked
    assert not SupportReferral.objects.exists()


def test_a_referral_is_recorded_once_the_complainant_agreed(people, service):
    case = _sensitive()
    sensitive.grievance_referral_consent_record(grievance=case, actor=people["focal_point"], consent="yes")
    referral = sensitive.grievance_support_referral_record(
        grievance=case, actor=people["focal_point"], service=service, note="Gave the number"
    )
    assert referral.service == service and referral.referred_by == people["focal_point"]
    types = list(case.events.values_list("event_type", flat=True))
    assert EventType.REFERRAL_CONSENT_RECORDED in types and EventType.REFERRED_TO_SUPPORT in types


def test_no_referral_to_a_service_no_longer_offered(people, service):
    case = _sensitive(referral_consent=ReferralConsent.YES)
    SupportService.objects.filter(pk=service.pk).update(is_active=False)
    service.refresh_from_db()
    with pytest.raises(ApplicationError):
        sensitive.grievance_support_referral_record(grievance=case, actor=people["focal_point"], service=service)


def test_the_officer_cannot_record_consent_or_a_referral(people, service):
    case = _sensitive(referral_consent=ReferralConsent.YES)
    with pytest.raises(ApplicationError):
        sensitive.grievance_referral_consent_record(grievance=case, actor=people["officer"], consent="yes")
    with pytest.raises(ApplicationError):
        sensitive.grievance_support_referral_record(grievance=case, actor=people["officer"], service=service)


def test_the_support_services_are_offered_nationwide_first_and_in_kazakh_where_written(service):
    SupportService.objects.create(
        name_mn="Аймгийн төв", name_en="Aimag centre", offers_mn="Тусламж", phone="7042", aimag="MN-071", ordering=0
    )
    SupportService.objects.create(name_mn="Хаагдсан", offers_mn="-", phone="1", is_active=False)
    service.name_kk = "Көмек желісі"
    service.save()
    names = [item.name_mn for item in SupportService.objects.offered()]
    assert names == ["Тусламжийн утас", "Аймгийн төв"]
    assert service.in_language("kk")["name"] == "Көмек желісі"
    assert service.in_language("kk")["offers"] == "Зөвлөгөө"  # no Kazakh text: the Mongolian one


# --- messages --------------------------------------------------------------------------------


def test_a_reply_on_a_sensitive_case_goes_to_the_focal_point_not_the_officer(people):
    from grievances import complainant_side

    case = _sensitive()
    OutboxMessage.objects.all().delete()
    complainant_side.grievance_complainant_reply(grievance=case, text="More information")
    assert list(OutboxMessage.objects.values_list("recipient", flat=True)) == ["focal@example.mn"]


def test_the_complainant_s_messages_about_a_sensitive_case_do_not_say_what_it_is_about(people):
    case = _sensitive(complainant={"email": "person@example.mn"})
    OutboxMessage.objects.all().delete()
    services.grievance_acknowledge(grievance=case, actor=people["focal_point"])
    messages = [message for message in OutboxMessage.objects.all() if message.recipient == "person@example.mn"]
    assert messages
    for message in messages:
        text = f"{message.subject} {message.body}".lower()
        for word in ("harass", "abuse", "sexual", "sensitive", "дарамт", "хүчирхийл"):
            assert word not in text


def test_a_staff_member_exports_a_person_s_data_without_their_sensitive_cases(people):
    from grievances.personal_data import personal_data_export

    person = {"email": "same@example.mn"}
    ordinary, secret = register_grievance(complainant=person), _sensitive(complainant=person)
    by_officer = personal_data_export(actor=people["officer"], email="same@example.mn")
    by_focal_point = personal_data_export(actor=people["focal_point"], email="same@example.mn")
    assert [case["registered_no"] for case in by_officer["cases"]] == [ordinary.registered_no]
    assert secret.registered_no in [case["registered_no"] for case in by_focal_point["cases"]]
