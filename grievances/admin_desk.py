"""The officer's desk on the admin home: each work queue with its count and a link to exactly those cases."""

from django.urls import reverse
from django.utils.http import urlencode

from . import queues, selectors


def desk_queues(user) -> list[dict] | None:
    """The user's work queues (label, count, link to the filtered case list), or None if they work no cases.

    The counts are one aggregate query over the cases the user may see; each
    link opens the case list with the queue's filter, which applies the same
    condition (queues.QUEUES) to the same cases.
    """
    if not queues.handles_cases(user):
        return None
    counts = selectors.grievance_queue_counts(user=user)
    changelist = reverse("admin:grievances_grievance_changelist")
    return [
        {
            "key": queue.key,
            "label": queue.label,
            "count": counts[queue.key],
            "url": f"{changelist}?{urlencode({queues.PARAMETER: queue.key})}",
        }
        for queue in queues.QUEUES
    ]
