"""Fill only the EMPTY msgstr entries from a table (keeps translations others already made).

usage: .venv/bin/python locale/tables/fill_empty.py locale/tables/stakeholders.py locale
"""

import runpy
import sys
from pathlib import Path

import polib


def main(table_path, locale_dir):
    tables = runpy.run_path(table_path)
    singular, plurals = tables["T"], tables.get("PLURALS", {})
    for language, index in (("mn", 0), ("kk", 1)):
        path = Path(locale_dir) / language / "LC_MESSAGES" / "django.po"
        po = polib.pofile(str(path))
        for entry in po.untranslated_entries():
            if entry.msgid_plural and entry.msgid in plurals:
                one, many = plurals[entry.msgid][index]
                entry.msgstr_plural = {0: one, 1: many}
            elif not entry.msgid_plural and singular.get(entry.msgid, ("", ""))[index]:
                entry.msgstr = singular[entry.msgid][index]
        po.save(str(path))
        print(language, "untranslated:", [e.msgid for e in po.untranslated_entries()])


if __name__ == "__main__":
    main(*sys.argv[1:3])
