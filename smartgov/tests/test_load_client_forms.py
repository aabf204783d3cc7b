"""bench/htmlforms.py, the form reader of the load and smoke clients: it reads forms as a browser sends them."""

import sys
from pathlib import Path

import pytest
from django.test import Client

from grievances.models import Grievance
from grievances.tests.public_helpers import public_setup  # noqa: F401

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from htmlforms import as_post, fill, main_form, parse_forms, send_button  # noqa: E402

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("public_setup")]
URL = "/en/grievances/new/"


def test_the_feedback_form_is_read_as_the_page_declares_it():
    client = Client(enforce_csrf_checks=True)
    form = main_form(client.get(URL).content.decode(), "http://testserver" + URL)
    fields = {field.name: field for field in form.fields}
    assert form.action == "http://testserver" + URL and form.method == "post" and form.is_multipart
    assert [f.value for f in form.fields if f.name == "kind"] == ["complaint", "request", "clarification", "comment"]
    assert fields["kind"].required and not fields["name"].required
    assert fields["summary"].tag == "textarea" and fields["email"].type == "email"
    assert fields["csrfmiddlewaretoken"].type == "hidden" and len(fields["csrfmiddlewaretoken"].value) == 64
    assert fields["aimag"].tag == "select" and ("", True) in fields["aimag"].options  # "Not given", chosen
    assert len(fields["aimag"].options) == 23  # the capital and the 21 aimags


def test_filled_like_a_careful_person_the_form_and_its_check_page_register_one_case():
    client = Client(enforce_csrf_checks=True)
    page = client.get(URL).content.decode()
    form = main_form(page, "http://testserver" + URL)
    pairs = fill(form, text="The clinic road is closed.", email="reader@example.org")
    assert dict(pairs)["homepage"] == ""  # the honeypot stays empty
    check = client.post(URL, as_post(pairs), HTTP_REFERER="http://testserver" + URL).content.decode()
    assert send_button(check) == [("step", "send")] and Grievance.objects.count() == 0
    again = main_form(check, "http://testserver" + URL)
    pairs = fill(again, text="The clinic road is closed.", email="reader@example.org") + send_button(check)
    response = client.post(URL, as_post(pairs), HTTP_REFERER="http://testserver" + URL)
    assert response.status_code == 302
    case = Grievance.objects.get()
    assert case.message == "The clinic road is closed." and case.complainant.email == "reader@example.org"


def test_markup_a_browser_accepts_is_read_too():
    html = """<header><FORM method=post action="/i18n/setlang/"><input name=language></FORM></header>
    <form method=POST action='/send?a=1&amp;b=2' enctype="multipart/form-data">
      <input name=title value="x &gt; y" required data-note='1 > 0'>
      <input type="checkbox" name="agree" checked/>
      <input type=radio name=way value=a><input type=radio name=way value=b>
      <select name="size" required><option>Small &amp; light<option value="l" selected>Large</select>
      <textarea name="text">a &lt;b&gt; c</textarea>
      <button name="go" value="1">Go</button><button type="button" name="help">?</button>
      <input name="old" disabled>
    </form>"""
    first, second = parse_forms(html, "http://example.org/page/")
    assert first.action == "http://example.org/i18n/setlang/" and [f.name for f in first.fields] == ["language"]
    assert second.action == "http://example.org/send?a=1&b=2" and second.method == "post" and second.is_multipart
    fields = {field.name: field for field in second.fields}
    assert fields["title"].value == "x > y" and fields["title"].required
    assert fields["agree"].checked and fields["agree"].value == "on"
    assert fields["size"].options == [("Small & light", False), ("l", True)]
    assert fields["text"].value == "a <b> c"
    assert "help" not in fields and fields["go"].type == "submit" and fields["old"].disabled
    assert main_form(html, "http://example.org/page/") == second  # the page's form, not the language switch
    pairs = dict(fill(second, text="t", email="e@example.org"))
    assert pairs == {"title": "x > y", "agree": "on", "size": "l", "text": "a <b> c"}
