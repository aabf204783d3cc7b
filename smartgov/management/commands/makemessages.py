"""makemessages without fuzzy matching.

msgmerge's guesses ("Meeting" translated as "Reporting") are wrong more often
than right for short labels; a new string should stay untranslated until a
person translates it, where the translation check in the suite will find it.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
