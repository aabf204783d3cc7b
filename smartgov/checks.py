"""Deploy checks of the portal's own settings (run by `manage.py check --deploy`)."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

# Backends that write messages where anyone with the server's logs or disk reads them.
DEVELOPMENT_BACKENDS = {
    "EMAIL_BACKEND": (
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
    ),
    "SMS_BACKEND": ("smartgov.sms.backends.ConsoleBackend", "smartgov.sms.backends.FileBackend"),
}


@register(Tags.security, deploy=True)
def message_backends_check(app_configs, **kwargs):
    """Warn when production would print or file messages instead of sending them.

    Messages carry the complainant's case and, for a receipt, its tracking
    code: a console or file backend would write them into logs or onto disk.
    """
    found = []
    for name, development in DEVELOPMENT_BACKENDS.items():
        if getattr(settings, name, "") in development:
            found.append(
                Warning(
                    f"{name} is {getattr(settings, name)}: messages to complainants would be written to the "
                    "console or to files, tracking codes included, and never reach them.",
                    hint=f"Set {name} to a real backend in production.",
                    id="smartgov.W001",
                )
            )
    return found
