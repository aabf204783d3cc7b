"""A per-IP limit on public comments, counted in the shared cache."""

from django.core.cache import cache

COMMENTS_PER_WINDOW = 10
WINDOW_SECONDS = 60 * 60


def client_ip(request):
    """The address the request came from; behind a proxy, Django's REMOTE_ADDR must be set by it."""
    return request.META.get("REMOTE_ADDR", "")


def comment_allowed(request) -> bool:
    """Count one comment attempt from this address; False once the window's allowance is used up."""
    key = f"disclosure:comment:{client_ip(request)}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= COMMENTS_PER_WINDOW
