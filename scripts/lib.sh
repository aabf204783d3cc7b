# Shared set-up steps for scripts/run and scripts/test. Every step is idempotent:
# it checks first and only installs what is missing.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"

# Debian libraries WeasyPrint needs, a font with Mongolian Cyrillic, gettext for
# compilemessages, poppler-utils for the PDF tests.
RUNTIME_DEBS="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core gettext poppler-utils"
# Headless browser for the accessibility and keyboard tests; nginx, redis-server and openssl for
# scripts/prod-smoke, which the suite runs in CI (the reverse proxy, a Redis of its own, a throw-away certificate).
TEST_DEBS="chromium nginx redis-server openssl"

log() { printf '==> %s\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    log "need root to run: $*"; return 1; fi
}

ensure_debs() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

python_bin() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))'; then
      echo "$candidate"; return 0
    fi
  done
  log "Python 3.11 is required"; return 1
}

# ensure_venv REQUIREMENTS_FILE: create .venv if missing, pip install when the file changed.
ensure_venv() {
  local requirements="$1" stamp
  if [ ! -x "$PY" ]; then
    log "creating virtualenv in .venv"
    "$(python_bin)" -m venv "$VENV"
  fi
  stamp="$VENV/.installed-$(basename "$requirements")"
  local digest
  digest="$(cat "$ROOT/requirements.txt" "$ROOT/$requirements" | sha256sum | cut -d' ' -f1)"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$digest" ]; then
    log "installing Python packages from $requirements"
    "$PY" -m pip install -q --disable-pip-version-check -r "$ROOT/$requirements" 2>&1 | grep -v "is ignored" || true
    "$PY" -m pip check >/dev/null
    echo "$digest" > "$stamp"
  fi
}

ensure_node_packages() {
  # Node may come from Debian or from elsewhere on the machine; install Debian's only if none.
  command -v npm >/dev/null || ensure_debs nodejs npm
  if [ ! -f "$ROOT/node_modules/axe-core/axe.min.js" ]; then
    log "installing axe-core from the npm registry"
    (cd "$ROOT" && npm ci --silent --no-audit --no-fund)
  fi
}

port_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

compile_messages() {
  (cd "$ROOT" && "$PY" manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0)
}
