"""The rendered pieces of public pages kept in each process ({% cache ... using="fragments" %}).

The empty feedback form's fields and every page's header and footer are the
same for every visitor of a page in a language, so each process renders them
once. What they show comes from code, translations and settings: settings
change only in tests (override_settings), and each change forgets them all.
"""

from django.core.cache import caches
from django.core.signals import setting_changed

FRAGMENTS = "fragments"


def fragments_forget(**_kwargs):
    caches[FRAGMENTS].clear()


def connect():
    setting_changed.connect(fragments_forget, dispatch_uid="smartgov.fragments_forget")
