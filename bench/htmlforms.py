"""Read HTML forms the way a browser does and fill them like a careful person.

The load client knows no field names in advance: it parses the page it gets,
keeps hidden values (CSRF token, submission token), ticks required boxes,
chooses the first offered answer of required choices, writes text into
required text fields, gives an e-mail address where one is asked for, and
leaves every other field as the page sent it, which leaves a honeypot empty.
"""

import re
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urljoin

# smartgov's "check your answers" page has several submit buttons: "Change" ones and the one that registers.
CHECK_PAGE_SEND = 'name="step" value="send"'
HONEYPOT_NAMES = {"homepage", "website", "url", "honeypot", "hp", "leave_empty", "nickname"}


@dataclass
class Field:
    tag: str
    name: str
    type: str = "text"
    value: str = ""
    required: bool = False
    checked: bool = False
    disabled: bool = False
    options: list = field(default_factory=list)  # (value, selected) for <select>


@dataclass
class Form:
    action: str
    method: str
    enctype: str
    fields: list = field(default_factory=list)

    @property
    def is_multipart(self):
        return self.enctype.lower() == "multipart/form-data"

    def names(self):
        return {f.name for f in self.fields}


class _FormBuilder:
    """Builds Form objects from the tags of a page, as an HTML parser would hand them over."""

    def __init__(self):
        self.forms, self._form, self._text_field, self._option = [], None, None, None

    def handle_starttag(self, tag, attrs):
        attrs = {key: (value if value is not None else "") for key, value in attrs}
        if tag == "form":
            self._form = Form(attrs.get("action", ""), attrs.get("method", "get").lower(), attrs.get("enctype", ""))
            self.forms.append(self._form)
            return
        if self._form is None:
            return
        common = {"required": "required" in attrs, "disabled": "disabled" in attrs}
        if tag == "input" and attrs.get("name"):
            kind = attrs.get("type", "text").lower()
            default = "on" if kind in ("radio", "checkbox") else ""  # what a browser sends without a value attribute
            value = attrs.get("value", default)
            self._form.fields.append(Field("input", attrs["name"], kind, value, checked="checked" in attrs, **common))
        elif tag in ("textarea", "select") and attrs.get("name"):
            self._text_field = Field(tag, attrs["name"], tag, **common)
            self._form.fields.append(self._text_field)
        elif tag == "option" and self._text_field is not None and self._text_field.tag == "select":
            self._option = [attrs.get("value"), "selected" in attrs, ""]
            self._text_field.options.append(self._option)
        elif tag == "button" and attrs.get("name") and attrs.get("type", "submit") == "submit":
            self._form.fields.append(Field("button", attrs["name"], "submit", attrs.get("value", "")))

    def handle_data(self, data):
        if self._option is not None:
            self._option[2] += data
        elif self._text_field is not None and self._text_field.tag == "textarea":
            self._text_field.value += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag in ("textarea", "select"):
            self._text_field = self._option = None  # an option's end tag may be left out
        elif tag == "option":
            self._option = None


# A page's forms, each from its start tag to its end tag (forms do not nest): only these are read, so the
# client's CPU does not grow with a page's header, menus and footer, which no browser needs to read a form.
FORM_REGION = re.compile(r"<form\b.*?</form\s*>", re.IGNORECASE | re.DOTALL)
# The only tags a form's values depend on, with their attributes (quoted values may hold ">"). A scan for
# these instead of Python's HTMLParser, which handles every tag and text of the page in Python code: the
# client reads the form page in 40 % of the time, so its CPU says less about itself and more about the servers.
FORM_TAG = re.compile(
    r"<(/?)(form|input|textarea|select|option|button)\b((?:[^>\"']+|\"[^\"]*\"|'[^']*')*)>", re.IGNORECASE
)
ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?""")


def _attributes(text: str) -> list[tuple[str, str | None]]:
    """(name, value) pairs as HTMLParser gives them: names lower-cased, references resolved, None if no value."""
    pairs = []
    for match in ATTRIBUTE.finditer(text):
        value = next((group for group in match.groups()[1:] if group is not None), None)
        pairs.append((match[1].lower(), None if value is None else unescape(value)))
    return pairs


def _scan(html: str, builder: _FormBuilder):
    for match in FORM_TAG.finditer(html):
        closing, tag = match[1], match[2].lower()
        if closing:
            builder.handle_endtag(tag)
            continue
        builder.handle_starttag(tag, _attributes(match[3]))
        if tag in ("textarea", "option"):  # their text is their value (an option's when it has none)
            end = html.find("</textarea" if tag == "textarea" else "<", match.end())
            text = html[match.end() : end if end >= 0 else len(html)]
            if text:
                builder.handle_data(unescape(text))


def parse_forms(html: str, base_url: str) -> list[Form]:
    parser = _FormBuilder()
    for region in FORM_REGION.finditer(html):
        _scan(region[0], parser)
    for form in parser.forms:
        form.action = urljoin(base_url, form.action or base_url)
        for select in (f for f in form.fields if f.tag == "select"):
            select.options = [
                (text.strip() if value is None else value, selected) for value, selected, text in select.options
            ]
    return parser.forms


def main_form(html: str, base_url: str) -> Form | None:
    """The page's POST form with the most fields, leaving out the language switcher."""
    forms = [f for f in parse_forms(html, base_url) if f.method == "post" and "setlang" not in f.action]
    return max(forms, key=lambda f: len(f.fields), default=None)


def _choose(field_, required):
    chosen = next((value for value, selected in field_.options if selected), None)
    if chosen is None and field_.options:
        chosen = field_.options[0][0]
    if required and not chosen:
        chosen = next((value for value, _selected in field_.options if value), chosen)
    return chosen


def fill(form: Form, *, text: str, email: str, overrides=None) -> list[tuple[str, str]]:
    """Name/value pairs a person would send; `overrides(name)` may give a field's value."""
    pairs, radios_done = [], set()
    radios = {}
    for f in form.fields:
        if f.type == "radio":
            radios.setdefault(f.name, []).append(f)
    for f in form.fields:
        given = overrides(f.name) if overrides else None
        if f.disabled or f.type in {"submit", "button", "reset", "image", "file"} or f.tag == "button":
            continue
        if given is not None:
            pairs.append((f.name, given))
        elif f.type == "radio":
            if f.name in radios_done:
                continue
            radios_done.add(f.name)
            group = radios[f.name]
            checked = next((r for r in group if r.checked), None)
            if checked is None and any(r.required for r in group):
                checked = next((r for r in group if r.value), group[0])
            if checked is not None:
                pairs.append((f.name, checked.value))
        elif f.type == "checkbox":
            if f.checked or f.required:
                pairs.append((f.name, f.value))
        elif f.tag == "select":
            chosen = _choose(f, f.required)
            if chosen is not None:
                pairs.append((f.name, chosen))
        elif f.type == "hidden" or f.name.lower() in HONEYPOT_NAMES:
            pairs.append((f.name, f.value if f.type == "hidden" else ""))
        elif f.type == "email" or "email" in f.name.lower():
            pairs.append((f.name, email))
        elif f.required and not f.value.strip():
            if f.type == "tel" or "phone" in f.name.lower():
                pairs.append((f.name, "99112233"))
            elif f.tag == "textarea":
                pairs.append((f.name, text))
            else:
                pairs.append((f.name, text[:60]))
        else:
            pairs.append((f.name, f.value))
    return pairs


def as_post(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The pairs as Django's test client takes a POST: each name with its list of values, in order."""
    data = {}
    for name, value in pairs:
        data.setdefault(name, []).append(value)
    return data


def send_button(html: str) -> list[tuple[str, str]]:
    """The pair a "check your answers" page's "Send" button adds to its form; [] on any other page.

    fill() leaves buttons out (a form sent by Enter carries none); on the
    check page only "Send" registers, so the clients press it by name.
    """
    return [("step", "send")] if CHECK_PAGE_SEND in (html or "") else []
