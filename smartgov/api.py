"""Cross-app pieces of the REST API: pagination and error shape."""

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions, pagination
from rest_framework.views import exception_handler as drf_exception_handler

from .exceptions import ApplicationError


class Pagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


def exception_handler(exc, context):
    """Turn domain errors into HTTP 400 with a translated message.

    Services raise ApplicationError or Django's ValidationError; the API must
    answer them as client errors, never as a 500.
    """
    if isinstance(exc, ApplicationError):
        exc = exceptions.ValidationError({exc.field or "detail": [str(exc.message)], **exc.extra})
    elif isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
        exc = exceptions.ValidationError(detail)
    return drf_exception_handler(exc, context)
