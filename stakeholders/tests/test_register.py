import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from stakeholders import selectors
from stakeholders.models import Level, Representative, VulnerableGroup

from .factories import StakeholderFactory, VulnerableGroupFactory

pytestmark = pytest.mark.django_db


def test_the_seps_vulnerable_groups_are_seeded():
    names = set(VulnerableGroup.objects.values_list("name_en", flat=True))
    assert {"Youth", "Women", "Elderly", "Herders", "Persons with disabilities", "Ethnic minority households"} <= names
    assert VulnerableGroup.objects.count() == 11


def test_a_vulnerable_group_with_no_representing_stakeholder_is_a_gap():
    herders = VulnerableGroup.objects.get(name_en="Herders")
    women = VulnerableGroup.objects.get(name_en="Women")
    StakeholderFactory(vulnerable_groups=[women])
    gaps = list(selectors.vulnerable_group_gaps())
    assert herders in gaps
    assert women not in gaps


def test_a_new_group_added_by_staff_is_a_gap_until_someone_represents_it():
    group = VulnerableGroupFactory(name_en="Deaf herders")
    assert group in selectors.vulnerable_group_gaps()
    StakeholderFactory(vulnerable_groups=[group])
    assert group not in selectors.vulnerable_group_gaps()


def test_the_grid_places_each_stakeholder_in_its_interest_and_influence_cell():
    ministry = StakeholderFactory(name_en="Ministry", interest=Level.MEDIUM, influence=Level.HIGH)
    rows = selectors.stakeholder_grid()
    assert [row["influence"] for row in rows] == ["high", "medium", "low"]
    top_middle = rows[0]["cells"][1]
    assert (top_middle["interest"], top_middle["influence"]) == ("medium", "high")
    assert [item["pk"] for item in top_middle["stakeholders"]] == [ministry.pk]
    assert sum(len(cell["stakeholders"]) for row in rows for cell in row["cells"]) == 1


def test_a_verified_representative_needs_the_date_and_the_way_it_was_verified():
    representative = Representative(stakeholder=StakeholderFactory(), name="Bat", is_verified=True)
    with pytest.raises(ValidationError) as error:
        representative.full_clean()
    assert "verified_on" in error.value.message_dict


def test_the_database_refuses_a_verified_representative_without_a_date():
    with pytest.raises(IntegrityError):
        Representative.objects.create(stakeholder=StakeholderFactory(), name="Bat", is_verified=True)
