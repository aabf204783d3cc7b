"""The portal's roles as Django groups and the permissions each one holds.

This is the one place where a role's permissions are written down. Patterns
are `app_label.codename` with shell wildcards; a pattern starting with "!"
takes away what the others gave (the officer's "grievances.*" is not the
right to sensitive cases). Groups are created by a data
migration; their permissions are re-synchronised after every `migrate`, because
permissions of models added later exist only once their migrations have run.
"""

from fnmatch import fnmatch

PIU_OFFICER = "PIU communication officer"
SAFEGUARDS_SPECIALIST = "Safeguards specialist"
PSC_MEMBER = "Project Steering Committee member"
WORLD_BANK_VIEWER = "World Bank viewer"
SEA_SH_FOCAL_POINT = "SEA/SH focal point"

# The sensitive-case pathway (SEA/SH): the cases themselves and the consent-bound referrals to support services.
SENSITIVE_ONLY = ["grievances.view_sensitive_grievance", "grievances.*supportreferral"]

ROLE_PERMISSIONS = {
    PIU_OFFICER: [
        "smartgov.*",
        # grievances, but not the sensitive cases (the focal point's)
        "grievances.*",
        *(f"!{pattern}" for pattern in SENSITIVE_ONLY),
        # stakeholders
        "stakeholders.view_*",
        # disclosure
        "disclosure.view_*",
        # reporting: generates the reports; approving them for publication is the safeguards specialist's
        # (the four-eyes rule: whoever publishes in the documents library did not write the figures)
        "reporting.*_reportrecord",
        "reporting.*_pressmaterial",
        "reporting.generate_report",
        "reporting.view_sep_dashboard",
    ],
    SAFEGUARDS_SPECIALIST: [
        # grievances: the figures, never the complainant's identity
        "grievances.view_grievance",
        "grievances.view_all_grievances",
        # stakeholders
        "stakeholders.*",
        # disclosure
        "disclosure.*",
        # reporting, approve_report included: approval publishes the report in the documents library
        "reporting.*",
    ],
    PSC_MEMBER: [
        # grievances: only the cases assigned to them (enforced by the selectors)
        "grievances.view_grievance",
        "grievances.change_grievance",
        "grievances.view_grievanceevent",
        "grievances.view_stageresolution",
        "grievances.resolve_grievance",
    ],
    WORLD_BANK_VIEWER: [
        # reporting: read-only access to the generated reports and the SEP monitoring figures
        "reporting.view_reportrecord",
        "reporting.view_sep_dashboard",
    ],
    SEA_SH_FOCAL_POINT: [
        # grievances: every sensitive case (GrievanceQuerySet.visible_to), none of the others unless assigned;
        # its complainant, history, files and transitions, and the register of support services; a case told to
        # them they register themselves, sensitive from its first save (sensitive.registers_sensitive)
        "grievances.add_grievance",
        "grievances.view_grievance",
        "grievances.change_grievance",
        "grievances.view_complainant",
        "grievances.change_complainant",
        "grievances.view_grievanceevent",
        "grievances.view_stageresolution",
        "grievances.view_attachment",
        "grievances.triage_grievance",
        "grievances.resolve_grievance",
        "grievances.*supportservice",
        *SENSITIVE_ONLY,
    ],
}

ROLE_NAMES = list(ROLE_PERMISSIONS)


def create_role_groups(apps, schema_editor=None):
    """Create the role groups (used by the data migration)."""
    group_model = apps.get_model("auth", "Group")
    for name in ROLE_NAMES:
        group_model.objects.get_or_create(name=name)


def permissions_for(role, permissions):
    """Pick from `permissions` (Permission objects) those the role's patterns match."""
    patterns = [pattern for pattern in ROLE_PERMISSIONS[role] if not pattern.startswith("!")]
    taken_away = [pattern[1:] for pattern in ROLE_PERMISSIONS[role] if pattern.startswith("!")]

    def matches(name, patterns):
        return any(fnmatch(name, pattern) for pattern in patterns)

    return [
        permission
        for permission in permissions
        if matches(name := f"{permission.content_type.app_label}.{permission.codename}", patterns)
        and not matches(name, taken_away)
    ]


def sync_role_permissions(sender=None, **kwargs):
    """Give each role group exactly the permissions its patterns match."""
    from django.contrib.auth.models import Group, Permission

    all_permissions = list(Permission.objects.select_related("content_type"))
    for name in ROLE_NAMES:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.set(permissions_for(name, all_permissions))
