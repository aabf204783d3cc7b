"""Who and where: the aimags from ISO 3166-2:MN with their names and tiles, and the public form's optional questions."""

import pytest

from grievances import places
from grievances.models import Complainant, Grievance
from grievances.tests.public_helpers import form_data, public_setup  # noqa: F401


def test_the_aimags_are_the_22_iso_subdivisions_each_with_mongolian_and_kazakh_names_and_a_tile():
    codes = places.aimag_codes()
    assert len(codes) == 22 and codes[0] == "MN-1"
    assert set(codes) == set(places.MONGOLIAN_NAMES) == set(places.KAZAKH_NAMES) == set(places.TILES)
    assert len(set(places.TILES.values())) == 22  # one tile each, none on top of another


def test_the_tile_map_lies_in_the_country_s_shape():
    column = {code: place[0] for code, place in places.TILES.items()}
    row = {code: place[1] for code, place in places.TILES.items()}
    assert column["MN-071"] == min(column.values())  # Bayan-Ölgii far west
    assert column["MN-061"] == max(column.values())  # Dornod far east
    assert row["MN-053"] == max(row.values())  # Ömnögovi south
    assert column["MN-1"] in (3, 4, 5) and row["MN-1"] in (1, 2)  # Ulaanbaatar in the centre


@pytest.mark.parametrize(("language", "name"), [("mn", "Баян-Өлгий"), ("kk", "Баян-Өлгей"), ("en", "Bayan-Ölgiy")])
def test_an_aimag_is_named_in_the_reader_s_language(language, name):
    assert places.aimag_name("MN-071", language) == name


@pytest.mark.django_db
@pytest.mark.usefixtures("public_setup")
def test_the_public_form_asks_why_and_keeps_the_answers_on_the_case_not_with_the_identity(client):
    page = client.get("/kk/grievances/new/").content.decode()
    assert 'id="why-we-ask"' in page and 'name="aimag"' in page and 'value="MN-071"' in page

    data = form_data(aimag="MN-071", gender="female", age_group="60_plus", disability="yes", location="Цэнгэл сум")
    data["vulnerable_groups"] = ["herder", "ethnic_minority"]
    assert client.post("/kk/grievances/new/", data).status_code == 302

    case = Grievance.objects.get()
    assert (case.aimag, case.location, case.gender, case.age_group, case.disability) == (
        "MN-071",
        "Цэнгэл сум",
        "female",
        "60_plus",
        "yes",
    )
    assert case.vulnerable_groups == ",herder,ethnic_minority,"
    assert not hasattr(Complainant, "gender")


@pytest.mark.django_db
@pytest.mark.usefixtures("public_setup")
def test_every_question_may_be_left_unanswered(client):
    assert client.post("/mn/grievances/new/", form_data()).status_code == 302
    case = Grievance.objects.get()
    assert (case.aimag, case.gender, case.age_group, case.disability, case.vulnerable_groups) == ("", "", "", "", "")


@pytest.mark.django_db
@pytest.mark.usefixtures("public_setup")
def test_an_unknown_aimag_is_refused(client):
    response = client.post("/en/grievances/new/", form_data(aimag="MN-999"))
    assert response.status_code == 200 and "aimag" in response.context["form"].errors
