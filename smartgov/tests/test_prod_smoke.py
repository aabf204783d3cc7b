"""scripts/prod-smoke passes: the compose file's processes behind nginx, through a gunicorn kill, a worker kill
and a Redis restart, lose nothing, duplicate nothing and send every message once (deploy/smoke/run.py).

It takes about two minutes, so it runs in CI (CI=true) and when asked (PROD_SMOKE=1), and is skipped otherwise.
"""

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.prodsmoke
@pytest.mark.skipif(
    os.environ.get("CI") != "true" and os.environ.get("PROD_SMOKE") != "1",
    reason="about two minutes: runs in CI, or with PROD_SMOKE=1",
)
def test_the_production_shape_survives_its_faults_behind_nginx():
    result = subprocess.run(
        [str(ROOT / "scripts" / "prod-smoke")],
        cwd=ROOT,
        env={key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    print(result.stdout[-6000:])
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert '"lost (confirmed but not stored, or never confirmed)": 0' in result.stdout
    assert '"duplicated": 0' in result.stdout
    assert '"messages not sent exactly once": 0' in result.stdout
