"""Fill translations into .po files from a Python table (a developer tool).

usage: .venv/bin/python scripts/po_fill.py TABLE.py LOCALE_DIR
TABLE.py defines T = {msgid: (mongolian, kazakh)}; kazakh may be "" where a
string is not on a citizen page. LOCALE_DIR is locale/ or an app's locale/.
Prints what is still untranslated.
"""

import runpy
import sys
from pathlib import Path

import polib


def main(table_path, locale_dir):
    table = runpy.run_path(table_path)["T"]
    for language, index in (("mn", 0), ("kk", 1)):
        path = Path(locale_dir) / language / "LC_MESSAGES" / "django.po"
        if not path.exists():
            continue
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid in table and table[entry.msgid][index]:
                entry.msgstr = table[entry.msgid][index]
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
        po.save(str(path))
        print(
            language, "untranslated:", [e.msgid for e in po.untranslated_entries()], "fuzzy:", len(po.fuzzy_entries())
        )


if __name__ == "__main__":
    main(*sys.argv[1:3])
