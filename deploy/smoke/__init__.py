"""scripts/prod-smoke: the compose file's processes run on one machine, without Docker."""
