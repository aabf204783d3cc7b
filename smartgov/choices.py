"""Choice sets shared by several apps."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectStage(models.TextChoices):
    """The stage of the project an event or a document belongs to (SEP table 4)."""

    PREPARATION = "preparation", _("Project preparation")
    IMPLEMENTATION = "implementation", _("Project implementation")
    COMPLETION = "completion", _("Project completion")
