"""Site-wide request guards."""

from django.conf import settings
from django.core.exceptions import BadRequest

from .views import request_too_large


class RequestSizeLimitMiddleware:
    """Refuse a request whose declared body is over REQUEST_MAX_BYTES with a friendly 413 page.

    DATA_UPLOAD_MAX_MEMORY_SIZE does not count uploaded files, so without this
    a huge upload would be read and spooled to disk before any view sees it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            return request_too_large(request)
        return self.get_response(request)


class RefuseNulMiddleware:
    """Answer 400 to a URL or query string holding a NUL character, before it reaches a view.

    PostgreSQL cannot store or compare text with NUL in it: an admin filter
    such as ?status__exact=%00 would otherwise end in a 500 from the database
    driver. No page of the portal has a use for it. Form fields refuse it
    themselves (Django's ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any("\x00" in key or "\x00" in value for key, value in _pairs(request.GET)):
            raise BadRequest("NUL character in the URL")
        return self.get_response(request)


def _pairs(query):
    for key, values in query.lists():
        for value in values:
            yield key, value
