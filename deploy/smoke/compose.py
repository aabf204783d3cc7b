"""Read docker-compose.yml the way Compose does, for the parts scripts/prod-smoke needs.

Interpolation (`${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?error}`,
`$$`), YAML merge keys (PyYAML resolves `<<:`), a service's environment
(env_file values under its `environment:`), its command as an argument list,
and its health check. The smoke run then changes only what differs between
containers and processes on one machine: service host names become
127.0.0.1 and their ports (`addresses`), and container paths become
temporary folders (`paths`).
"""

import re
import shlex
from pathlib import Path

import yaml

VARIABLE = re.compile(r"\$(?:\$|\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\})")


class InterpolationError(ValueError):
    pass


def interpolate(text: str, variables: dict) -> str:
    """Substitute variables as Compose does; `$$` stands for a literal `$` (kept for the container's shell)."""

    def substitute(match):
        if match.group(0) == "$$":
            return "$"
        name, op, arg = match["name"], match["op"], match["arg"]
        value = variables.get(name)
        unset, empty = value is None, not value
        if op == ":-" and empty or op == "-" and unset:
            return interpolate(arg, variables)
        if op == ":?" and empty or op == "?" and unset:
            raise InterpolationError(f"{name}: {arg or 'required'}")
        return value or ""

    return VARIABLE.sub(substitute, text)


def _walk(node, variables):
    if isinstance(node, str):
        return interpolate(node, variables)
    if isinstance(node, list):
        return [_walk(item, variables) for item in node]
    if isinstance(node, dict):
        return {key: _walk(value, variables) for key, value in node.items()}
    return node


def load(path: Path, variables: dict) -> dict:
    """The compose file with every value interpolated from `variables` (the shell and .env, for Compose)."""
    return _walk(yaml.safe_load(Path(path).read_text()), variables)


def read_env_file(path: Path) -> dict:
    """KEY=VALUE lines as Compose reads an env_file (comments and blank lines skipped, no quotes processing)."""
    found = {}
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            found[key.strip()] = value
    return found


def _as_dict(environment) -> dict:
    if isinstance(environment, list):
        return dict(item.split("=", 1) if "=" in item else (item, "") for item in environment)
    return {key: "" if value is None else str(value) for key, value in (environment or {}).items()}


def service_environment(compose: dict, name: str, env_file_values: dict) -> dict:
    """What the container's process sees: env_file first, `environment:` over it."""
    service = compose["services"][name]
    return {**(env_file_values if service.get("env_file") else {}), **_as_dict(service.get("environment"))}


def service_command(compose: dict, name: str) -> list[str]:
    command = compose["services"][name]["command"]
    return list(command) if isinstance(command, list) else shlex.split(command)


def healthcheck_argv(compose: dict, name: str) -> list[str] | None:
    """The health check as a process to start: CMD runs its arguments, CMD-SHELL runs `sh -c`."""
    check = compose["services"][name].get("healthcheck")
    if not check or check.get("disable"):
        return None
    test = check["test"]
    if isinstance(test, str):
        return ["sh", "-c", test]
    kind, *rest = test
    if kind == "CMD":
        return rest
    if kind == "CMD-SHELL":
        return ["sh", "-c", " ".join(rest)]
    return None  # NONE


def relocate(value: str, addresses: dict, paths: dict) -> str:
    """Rewrite service addresses (`redis:6379` -> `127.0.0.1:6402`) and container paths in one value."""
    for (host, port), (new_host, new_port) in addresses.items():
        value = re.sub(rf"(?<![\w.-]){re.escape(host)}:{port}(?!\d)", f"{new_host}:{new_port}", value)
    for container_path, local_path in paths.items():
        value = value.replace(container_path, str(local_path))
    return value
