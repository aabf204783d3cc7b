"""Site-wide request guards."""

from django.conf import settings

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
