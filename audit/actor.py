"""Who is acting, for the entries written by signal receivers (model saves), which are given no actor.

A middleware keeps the request of the moment in a context variable; the
receivers read its user. Outside a request (tasks, commands) nobody is acting:
the entry's actor is empty, meaning the system.
"""

from contextvars import ContextVar

_request = ContextVar("audit_request", default=None)


def current_actor():
    """The signed-in user of the request being answered, or None."""
    request = _request.get()
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None


class AuditActorMiddleware:
    """Remember the request while it is answered (after AuthenticationMiddleware, which gives it its user)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)
