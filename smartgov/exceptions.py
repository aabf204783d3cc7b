"""The base error for business rules, shown to users as a clear message."""


class ApplicationError(Exception):
    """A rule of the domain was broken; the message is translated and safe to show.

    Services raise subclasses of it; the admin shows it as an error message,
    forms as a non-field error and the API as HTTP 400 (see smartgov.api).
    """

    def __init__(self, message, *, field="", extra=None):
        super().__init__(message)
        self.message = message
        # The input the message is about, when there is one: the API answers under that key, not "detail".
        self.field = field
        self.extra = extra or {}
