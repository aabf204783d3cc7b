"""share_choices: form instances share choice lists, and nothing else that a request may change."""

import uuid

from django.http import QueryDict

from grievances.forms import GrievanceForm


class PlainGrievanceForm(GrievanceForm):
    """The same fields, copied by Django's own deep copy (a subclass gets a plain base_fields dict)."""


def test_instances_share_the_choice_lists_of_the_class():
    first, second = GrievanceForm(language="mn"), GrievanceForm(language="mn")
    for name in ["kind", "aimag", "gender", "vulnerable_groups", "preferred_contact", "preferred_language"]:
        assert first.fields[name].choices is second.fields[name].choices, name
        assert first.fields[name].widget.choices is second.fields[name].widget.choices, name
    plain = PlainGrievanceForm(language="mn")
    assert plain.fields["aimag"].choices is not first.fields["aimag"].choices


def test_what_an_instance_changes_stays_in_that_instance():
    changed, other = GrievanceForm(language="en"), GrievanceForm(language="mn")
    changed.fields["aimag"].choices = [("", "—")]
    changed.fields["gender"].widget.attrs["data-mark"] = "changed"
    changed.fields["kind"].error_messages["required"] = "changed"
    changed.fields["age_group"].validators.append(lambda value: None)
    assert changed.fields["preferred_language"].initial == "en" and other.fields["preferred_language"].initial == "mn"
    for form in (other, GrievanceForm(language="mn")):
        assert len(form.fields["aimag"].choices) > 1
        assert "data-mark" not in form.fields["gender"].widget.attrs
        assert form.fields["kind"].error_messages["required"] != "changed"
        assert len(form.fields["age_group"].validators) == len(GrievanceForm.base_fields["age_group"].validators)
    assert len(GrievanceForm.base_fields["aimag"].choices) > 1


def test_the_form_renders_and_validates_as_with_django_s_own_copy():
    shared, plain = GrievanceForm(language="mn"), PlainGrievanceForm(language="mn")
    for name in shared.fields:
        if name != "submission_token":  # a new token per form
            assert str(shared[name]) == str(plain[name]), name
    data = QueryDict(mutable=True)
    data.update({"kind": "complaint", "summary": "A road is closed.", "aimag": "nowhere", "gender": "nope"})
    data.update({"preferred_language": "mn", "consent": "on", "submission_token": str(uuid.uuid4())})
    shared, plain = GrievanceForm(data, language="mn"), PlainGrievanceForm(data, language="mn")
    assert shared.is_valid() == plain.is_valid()
    assert shared.errors == plain.errors and {"aimag", "gender"} <= set(shared.errors)
