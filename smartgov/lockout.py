"""Sign-in lockout with two separate limits: per user name (from any address) and per address (on any user name).

django-axes counted failures per user name and address together, so guessing
a few passwords on each of many accounts from one address, or one account's
password from many addresses, never reached the limit. Now each is counted on
its own: AXES_FAILURE_LIMIT failures on a user name lock that user name
wherever they come from; AXES_ADDRESS_FAILURE_LIMIT failures from an address,
whatever user names they tried, lock that address. The address limit is the
higher one because many people may share an address (an office, a mobile
operator's gateway).
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


class SeparateLimitsHandler(AxesDatabaseHandler):
    """axes' database handler, whose failure count reaches AXES_FAILURE_LIMIT when either limit is reached.

    axes compares one count with one limit: the user name's count is that
    count, raised to the limit once the address has reached its own. The
    attempts come by AXES_LOCKOUT_PARAMETERS, user name first, then address.
    """

    def get_failures(self, request, credentials=None) -> int:
        by_name, by_address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        if by_address >= settings.AXES_ADDRESS_FAILURE_LIMIT:
            return max(by_name, settings.AXES_FAILURE_LIMIT)
        return by_name
