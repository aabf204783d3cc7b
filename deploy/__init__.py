"""Deployment files: the image, the reverse proxy, the compose schema and scripts/prod-smoke."""
