"""Two-factor sign-in for staff at every door, not only the admin: the API and the report downloads.

The admin site asks for a verified one-time code (admin_site.py). A session
signed in with a password alone must not reach the same data another way, so
the API treats such a session as anonymous and the downloads send it to the
sign-in page. With STAFF_REQUIRE_2FA off (the DEBUG demo) a password is enough
everywhere.
"""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from drf_spectacular.authentication import SessionScheme
from rest_framework.authentication import SessionAuthentication


def is_verified(user) -> bool:
    """Say whether the user signed in as staff must: with a one-time code when STAFF_REQUIRE_2FA is on."""
    if not user.is_authenticated:
        return False
    if not settings.STAFF_REQUIRE_2FA:
        return True
    verified = getattr(user, "is_verified", None)  # added by django_otp's OTPMiddleware
    return bool(verified and verified())


class VerifiedSessionAuthentication(SessionAuthentication):
    """DRF's session authentication, where a session without a verified one-time code is anonymous."""

    def authenticate(self, request):
        found = super().authenticate(request)
        if found is None or not is_verified(found[0]):
            return None
        return found


class VerifiedSessionScheme(SessionScheme):
    """The OpenAPI schema shows the verified session as what it is on the wire: Django's session cookie."""

    target_class = "smartgov.two_factor.VerifiedSessionAuthentication"


def verified_login_required(view):
    """Like login_required, and with STAFF_REQUIRE_2FA on the session must have passed the one-time code."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if is_verified(request.user):
            return view(request, *args, **kwargs)
        return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)

    return checked
