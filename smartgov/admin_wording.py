"""Django admin strings the portal words differently in Mongolian; nothing imports this module.

Django's Mongolian catalogue composes titles such as "Add %s" as "%s-ийг
нэмэх", gluing a case ending onto whatever name fills the placeholder
("санал, гомдол-г"). Our catalogue (LOCALE_PATHS) is read after Django's, so
the same msgid translated in locale/mn wins. Listing the msgids here keeps
them in that catalogue: makemessages drops entries it cannot find in our
source. Each must be copied exactly from Django's admin, spaces included.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

ADMIN_TITLES = [
    gettext_noop("Add %s"),
    gettext_noop("Add %(name)s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("Select %s"),
    gettext_noop("Select %s to change"),
    gettext_noop("Select %s to view"),
    gettext_noop("Add another %(verbose_name)s"),
    gettext_noop("Delete selected %(verbose_name_plural)s"),
    gettext_noop(" By %(filter_title)s "),
]

ADMIN_MESSAGES = [
    gettext_noop("The {name} “{obj}” was added successfully."),
    gettext_noop("The {name} “{obj}” was added successfully. You may add another {name} below."),
    gettext_noop("The {name} “{obj}” was changed successfully."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may edit it again below."),
    gettext_noop("The {name} “{obj}” was changed successfully. You may add another {name} below."),
    gettext_noop("Changed {fields} for {name} “{object}”."),
    gettext_noop("%(name)s with ID “%(key)s” doesn’t exist. Perhaps it was deleted?"),
    ngettext_lazy(
        "%(count)s %(name)s was changed successfully.", "%(count)s %(name)s were changed successfully.", "count"
    ),
]

# The admin index's table headings (read by screen readers, visually hidden): Django's Mongolian catalogue
# leaves them in English.
ADMIN_INDEX_HEADINGS = [
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
]

# django-axes (failed sign-ins and lockouts) has no Mongolian catalogue: the names its models and admin
# show the system administrator. django-otp's device names are not marked for translation at all.
AXES_WORDS = [
    gettext_noop("User Agent"),
    gettext_noop("IP Address"),
    gettext_noop("Username"),
    gettext_noop("HTTP Accept"),
    gettext_noop("Path"),
    gettext_noop("Attempt Time"),
    gettext_noop("Access lock out"),
    gettext_noop("access failure"),
    gettext_noop("access failures"),
    gettext_noop("GET Data"),
    gettext_noop("POST Data"),
    gettext_noop("Failed Logins"),
    gettext_noop("access attempt"),
    gettext_noop("access attempts"),
    gettext_noop("Access Attempt"),
    gettext_noop("Expires At"),
    gettext_noop("The time when access attempt expires and is no longer valid."),
    gettext_noop("access attempt expiration"),
    gettext_noop("access attempt expirations"),
    gettext_noop("Logout Time"),
    gettext_noop("Session key hash (sha256)"),
    gettext_noop("access log"),
    gettext_noop("access logs"),
    gettext_noop("Locked Out"),
    gettext_noop("Form Data"),
    gettext_noop("Meta Data"),
    gettext_noop("Clean up expired attempts"),
    gettext_noop("Not set"),
    gettext_noop("Attempt Remaining"),
]
