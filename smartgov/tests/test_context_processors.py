import pytest

pytestmark = pytest.mark.django_db


def test_menu_and_language_links_follow_the_page_its_query_and_its_language(client):
    english = client.get("/en/grievances/track/?from=letter").content.decode()
    assert 'href="/mn/grievances/track/?from=letter" lang="mn"' in english
    assert '<a href="/en/grievances/track/" aria-current="page">' in english
    mongolian = client.get("/mn/grievances/track/").content.decode()
    assert 'href="/en/grievances/track/" lang="en"' in mongolian
    assert '<a href="/mn/grievances/track/" aria-current="page">' in mongolian
    other_page = client.get("/mn/grievances/how-it-works/").content.decode()
    assert '<a href="/mn/grievances/track/">' in other_page
    assert '<a href="/mn/grievances/how-it-works/" aria-current="page">' in other_page
