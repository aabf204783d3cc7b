"""manage.py audit_verify: walk the audit log's hash chain; exit 0 when whole, 1 naming the first broken entry."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from audit import chain


class Command(BaseCommand):
    # Reads one table: it must answer even when a system check fails elsewhere (after an incident, say).
    requires_system_checks = []
    help = (
        "Recompute the hash of every audit log entry in order and check each names the one before. "
        "Exits 0 when the chain is whole, 1 naming the first broken entry."
    )

    def handle(self, *args, **options):
        verdict = chain.verify()
        if not verdict.intact:
            raise CommandError(
                _("Audit log broken at entry %(id)s: %(reason)s (%(count)s entries before it are intact).")
                % {"id": verdict.broken_id, "reason": verdict.reason, "count": verdict.checked},
                returncode=1,
            )
        self.stdout.write(
            _("Audit log intact: %(count)s entries; last hash %(hash)s.")
            % {"count": verdict.checked, "hash": verdict.last_hash}
        )
