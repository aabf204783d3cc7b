"""Writes shared by the apps' services."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import models


def model_update(*, instance: models.Model, fields: Iterable[str], data: Mapping[str, Any]) -> list[str]:
    """Set the listed fields that `data` changes and save only those; return their names.

    The shape of HackSoft's `model_update`, for descriptive edits: a service
    names the fields an edit may touch, so a form cannot reach the others, and
    the row is written with `update_fields`, so a concurrent change to another
    field is not overwritten. Validation stays with the calling service (its
    rules) and the form before it (field formats).
    """
    changed = [name for name in fields if name in data and getattr(instance, name) != data[name]]
    for name in changed:
        setattr(instance, name, data[name])
    if changed:
        instance.save(update_fields=changed)
    return changed
