"""An Atom feed of newly disclosed document versions, for other government sites to follow."""

from datetime import datetime, time

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import selectors

FEED_LENGTH = 30


class NewVersionsFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Newly disclosed project documents")
    subtitle = gettext_lazy("Drafts for comment, revised and final environmental and social documents of the project.")

    def link(self):
        return reverse("disclosure:document_list")

    def items(self):
        return selectors.version_list()[:FEED_LENGTH]

    def item_title(self, version):
        return _("%(title)s: %(kind)s version %(number)s") % {
            "title": version.document.title,
            "kind": version.get_kind_display(),
            "number": version.number,
        }

    def item_description(self, version):
        return version.changes or version.document.summary

    def item_link(self, version):
        return reverse("disclosure:document_detail", args=[version.document_id]) + f"#version-{version.number}"

    def item_pubdate(self, version):
        return timezone.make_aware(datetime.combine(version.disclosure_date, time.min))

    def item_updateddate(self, version):
        return version.withdrawn_at or self.item_pubdate(version)
