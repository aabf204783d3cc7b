import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "heading"),
    [
        ("mn", "Асуудлаа хэлэх, асуулт асуух, санал өгөх"),
        ("en", "Tell us about a problem, ask a question or make a suggestion"),
        ("kk", "Мәселе туралы айтыңыз, сұрақ қойыңыз немесе ұсыныс жасаңыз"),
    ],
)
def test_home_page_speaks_the_language_of_its_prefix(client, language, heading):
    response = client.get(f"/{language}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in body
    assert heading in body


def test_home_page_has_the_landmarks_and_skip_link(client):
    body = client.get("/en/").content.decode()
    for marker in ['href="#main"', "<header", "<nav", '<main id="main"', "<footer"]:
        assert marker in body


def test_home_page_names_every_channel_and_the_world_bank_routes(client, settings):
    body = client.get("/en/").content.decode()
    for text in [
        settings.GRM_CONTACT["hotline"],
        settings.GRM_CONTACT["email"],
        "facebook.com",
        "PIU",
        "worldbank.org/grs",
        "inspectionpanel.org",
    ]:
        assert text in body


def test_language_switcher_links_to_the_same_page_in_each_language(client):
    body = client.get("/en/").content.decode()
    assert 'href="/mn/"' in body and 'href="/kk/"' in body and 'hreflang="mn"' in body


def test_root_redirects_to_a_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] in {"/mn/", "/en/", "/kk/"}


def test_health_check_answers(client):
    assert client.get("/healthz").content.startswith(b"ok\n")


def test_no_page_asset_comes_from_another_host(client):
    body = client.get("/mn/").content.decode()
    assert '<script src="http' not in body and '<link rel="stylesheet" href="http' not in body
