"""The register, its interest/influence grid and the vulnerable groups nobody represents."""

from django.db.models import Count

from ..models import Level, Stakeholder, VulnerableGroup

# Grid rows run from high influence (top) to low; columns from low interest (left) to high.
GRID_INFLUENCE_ROWS = [Level.HIGH, Level.MEDIUM, Level.LOW]
GRID_INTEREST_COLUMNS = [Level.LOW, Level.MEDIUM, Level.HIGH]


def stakeholder_list():
    return (
        Stakeholder.objects.annotate(representative_count=Count("representatives", distinct=True))
        .prefetch_related("vulnerable_groups")
        .order_by("name")
    )


def stakeholder_grid():
    """Place every stakeholder in its interest/influence cell.

    Returns the rows of the 3x3 grid, top (high influence) first; each cell has
    its interest, influence, and the stakeholders' ids and names in order.
    """
    placed = {}
    for row in Stakeholder.objects.order_by("name").values("pk", "name", "interest", "influence"):
        placed.setdefault((row["interest"], row["influence"]), []).append(row)
    return [
        {
            "influence": influence,
            "influence_label": influence.label,
            "cells": [
                {
                    "interest": interest,
                    "interest_label": interest.label,
                    "influence": influence,
                    "stakeholders": placed.get((interest, influence), []),
                }
                for interest in GRID_INTEREST_COLUMNS
            ],
        }
        for influence in GRID_INFLUENCE_ROWS
    ]


def vulnerable_group_gaps():
    """Vulnerable groups with no representing stakeholder in the register."""
    return VulnerableGroup.objects.gaps().order_by("position", "name")
