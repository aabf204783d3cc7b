"""Which language each copy of a text staff write is in, and how a text box says so.

The PIU keeps the public summary and the actions taken in Mongolian and in
English (the half-yearly report is published in both) and the answer to the
complainant in Mongolian, English and Kazakh. Each copy has its own column
(summary_mn, summary_en, ...; modeltranslation, translation.py). A text is only
ever written into the column of the language it is in: never through the plain
name (which writes whichever language the page happens to be in) and never
copied from one language's column into another's.
"""

from django.utils.translation import gettext_lazy as _

# The languages the report is published in: a resolved case has its public summary and actions taken in each.
REPORT_LANGUAGES = ("mn", "en")
# The texts the report prints for each case, by their plain name.
REPORT_TEXTS = ("summary", "actions_taken")

# The label of each language's copy: a box names the language it holds.
COPY_LABELS = {
    "summary_mn": _("public summary — Mongolian"),
    "summary_en": _("public summary — English"),
    "actions_taken_mn": _("summary of actions taken — Mongolian"),
    "actions_taken_en": _("summary of actions taken — English"),
    "public_answer_mn": _("answer to the complainant — Mongolian"),
    "public_answer_en": _("answer to the complainant — English"),
    "public_answer_kk": _("answer to the complainant — Kazakh"),
}


def language_of(name: str) -> str:
    """Return the language code of a per-language column (`summary_en` -> "en"), or "" for any other name."""
    return name.rsplit("_", 1)[-1] if name in COPY_LABELS else ""


def label_as_copy(name: str, field):
    """Label a form field for one language's copy and mark its box with that language (`lang`).

    The `lang` attribute lets screen readers and spell checkers read the text in
    the right language; the label says which copy the box holds.
    """
    language = language_of(name)
    if not language:
        return field
    field.label = COPY_LABELS[name]
    field.widget.attrs["lang"] = language
    return field
