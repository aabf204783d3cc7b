"""The home and easy-read pages take their deadlines and office details from the settings; the favicon answers."""

import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/en/", "/en/grievances/how-it-works/"]


@pytest.mark.parametrize("url", PAGES)
def test_changed_deadline_settings_show_their_new_figures(client, settings, url):
    settings.GRM_DEADLINES = {"acknowledge": 3, "stage2": 21, "stage3": 7}
    html = client.get(url).content.decode()
    assert "3 working days" in html
    assert "21 working days" in html
    assert "7 working days" in html
    assert "30 working days" not in html and "2 working days" not in html and "10 working days" not in html


@pytest.mark.parametrize("url", PAGES)
def test_the_office_address_and_hours_come_from_the_settings_in_the_page_s_language(client, settings, url):
    settings.GRM_OFFICE = {
        "address": {"mn": "Улаанбаатар, 1-р хороо", "en": "Ulaanbaatar, khoroo 1", "kk": "Ұланбатыр, 1-хороо"},
        "opens": "08:30",
        "closes": "17:30",
    }
    english = client.get(url).content.decode()
    kazakh = client.get(url.replace("/en/", "/kk/")).content.decode()
    assert "Ulaanbaatar, khoroo 1" in english and "08:30 to 17:30" in english
    assert "Ұланбатыр, 1-хороо" in kazakh and "Ulaanbaatar, khoroo 1" not in kazakh


def test_the_easy_read_steps_have_pictures_with_text_alternatives(client):
    html = client.get("/mn/grievances/how-it-works/").content.decode()
    pictures = html.count('src="/static/grievances/easy-read/')
    assert pictures >= 10
    assert html.count('alt=""') == 0
    assert html.count(" alt=") >= pictures


def test_the_favicon_is_served_at_the_root_and_linked_as_svg(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file's header
    assert 'rel="icon" href="/static/favicon.svg"' in client.get("/mn/").content.decode()
