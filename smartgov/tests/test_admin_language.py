"""The admin in Mongolian: the language switch, dates as the PIU writes them, titles without glued endings."""

import html
import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format

from grievances.tests.factories import register_grievance, user_with_role
from smartgov import roles

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:grievances_grievance_changelist")


@pytest.fixture
def officer_client(client):
    client.force_login(user_with_role(roles.PIU_OFFICER))
    return client


def _in_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


@pytest.mark.parametrize(
    ("format_name", "expected"),
    [
        ("DATE_FORMAT", "2026 оны 11 сарын 30"),
        ("DATETIME_FORMAT", "2026 оны 11 сарын 30, 14:05"),
        ("SHORT_DATE_FORMAT", "2026-11-30"),
        ("SHORT_DATETIME_FORMAT", "2026-11-30 14:05"),
        ("TIME_FORMAT", "14:05"),
    ],
)
def test_mongolian_dates_have_numbered_months_and_a_24_hour_clock(format_name, expected):
    moment = datetime(2026, 11, 30, 14, 5, tzinfo=ZoneInfo("Asia/Ulaanbaatar"))
    with translation.override("mn"):
        assert date_format(moment, format_name) == expected


def test_english_dates_keep_django_s_format():
    with translation.override("en"):
        assert date_format(date(2026, 11, 30)) == "Nov. 30, 2026"


def test_the_admin_header_has_a_language_switch_back_to_the_same_page(officer_client):
    page = officer_client.get(CHANGELIST, {"queue": "overdue"}).content.decode()

    form = re.search(r'<form class="language-switch" action="([^"]+)" method="post".*?</form>', page, re.DOTALL)
    assert form.group(1) == reverse("set_language")
    assert f'name="next" value="{CHANGELIST}?queue=overdue"' in form.group(0)
    assert 'name="csrfmiddlewaretoken"' in form.group(0)
    assert {"mn", "en"} == set(re.findall(r'name="language" value="(\w+)"', form.group(0)))


def test_the_language_switch_sets_the_admin_language(officer_client):
    response = officer_client.post(reverse("set_language"), {"language": "en", "next": CHANGELIST})

    assert response.status_code == 302
    assert response["Location"] == CHANGELIST
    assert '<html lang="en"' in officer_client.get(CHANGELIST).content.decode()


def test_the_sign_in_page_has_the_language_switch_too(client):
    assert 'class="language-switch"' in client.get(reverse("admin:login")).content.decode()


@pytest.mark.parametrize(
    "url",
    [
        CHANGELIST,
        reverse("admin:grievances_grievance_add"),
        reverse("admin:smartgov_calendarday_add"),
    ],
)
def test_mongolian_admin_titles_glue_no_case_ending_to_a_name(officer_client, url):
    page = _in_language(officer_client, "mn").get(url).content.decode()

    title = re.search(r"<title>(.*?)</title>", page, re.DOTALL).group(1)
    heading = re.search(r"<h1>(.*?)</h1>", page, re.DOTALL).group(1)
    for text in (title, heading):
        assert not re.search(r"\w-(г|ийг|ыг|ээр|ээс)\b", text), text
        assert "санал, гомдол" not in text


def test_the_title_of_a_case_page_reads_naturally_in_mongolian(officer_client):
    grievance = register_grievance()
    page = _in_language(officer_client, "mn").get(reverse("admin:grievances_grievance_change", args=[grievance.pk]))

    assert "<h1>Засах: санал гомдол</h1>" in page.content.decode()


@pytest.fixture
def superuser():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("root", "root@example.org", "a-long-pass-phrase-1")


def _latin_words(page):
    """Runs of Latin letters (four or more) in a page's text, scripts and styles left out."""
    text = html.unescape(re.sub(r"<(script|style)\b.*?</\1>|<[^>]+>", " ", page, flags=re.DOTALL))
    return {word.strip() for word in re.findall(r"[A-Za-z][A-Za-z ]{3,}", text)}


def test_the_admin_index_for_the_system_administrator_is_mongolian(client, superuser):
    """Django's index headings (read by screen readers) and the sign-in apps' names come from our catalogue."""
    client.force_login(superuser)
    pages = [_in_language(client, "mn").get(url).content.decode() for url in ("/admin/", "/admin/axes/accessattempt/")]

    # The user's name, the switch back to English, the brand.
    assert set().union(*map(_latin_words, pages)) <= {"root", "English", "smartgov"}
    assert (
        "Баталгаажуулах аппууд" in pages[0]
        and "Нэвтрэлтийн хамгаалалт" in pages[0]
        and "Нэвтрэх оролдлогууд" in pages[0]
        and "Бүртгэлийн төрөл" in pages[0]
    )


@pytest.mark.parametrize("model_path", ["otp_totp.TOTPDevice", "otp_static.StaticDevice"])
def test_the_device_lists_are_in_the_reader_s_language(client, superuser, model_path):
    """Columns, filters and the search hint: django-otp leaves them unmarked or builds them in English."""
    from django.apps import apps

    model = apps.get_model(model_path)
    model.objects.create(user=superuser, name="Утас", confirmed=True)
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    client.force_login(superuser)
    mongolian = _in_language(client, "mn").get(url, {"q": "root"}).content.decode()
    english = _in_language(client, "en").get(url).content.decode()

    assert _latin_words(mongolian) <= {"root", "English", "smartgov"}
    assert "Хэрэглэгчийн нэр эсвэл имэйл хаягаар хайна." in mongolian and "Утас" in mongolian
    for word in ("Үүсгэсэн", "Сүүлд ашигласан", "Баталгаажсан"):
        assert word in mongolian
    assert "Search by the user&#x27;s username or e-mail address." in english and "Last used" in english
    for column in range(1, 6):  # every column sorts
        assert "Утас" in client.get(url, {"o": str(column)}).content.decode()


def test_the_admin_s_script_messages_missing_from_django_s_mongolian_are_in_mongolian(client, superuser):
    """The two-box picker and the calendar: Django's Mongolian catalogue lacks these, so they showed in English."""
    client.force_login(superuser)
    client.cookies["django_language"] = "mn"
    catalog = _catalog(client.get("/admin/jsi18n/").content.decode())
    assert catalog["Choose all %s"] == "Бүгдийг сонгох (%s)"
    assert catalog["Jan"] == "1-р сар"
    assert catalog["Available %s"] == "Боломжтой %s"  # Django's own stay


def _catalog(script):
    """The messages of a JavaScriptCatalog script (the JSON object it assigns to newcatalog)."""
    return json.loads(script.split("const newcatalog = ", 1)[1].split(";\n", 1)[0])
