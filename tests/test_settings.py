"""Production configuration: a missing required setting stops start-up naming it; with every
setting given, `manage.py check --deploy` reports nothing."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    "SIBULAN_ENV": "production",
    "SECRET_KEY": "k7#t2v!q9z@w4x8m1n5b3c6r0p-s_d&f+g=h*j%l^y~u2e4o6i8a0",
    "ALLOWED_HOSTS": "sibulan.baritoutarakab.go.id",
    "BASE_URL": "https://sibulan.baritoutarakab.go.id",
    "DATABASE_URL": "postgres://sibulan:rahasia@127.0.0.1:5432/sibulan",
    "EMAIL_HOST": "smtp.baritoutarakab.go.id",
}


def manage(*args, env, tmp_path):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SIBULAN_", "DATABASE_URL", "SECRET_KEY", "SEARCH_", "S3_", "DJANGO_ALLOW_ASYNC_UNSAFE"))}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**clean, "DATA_DIR": str(tmp_path), **env},
    )


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "BASE_URL", "EMAIL_HOST"])
def test_production_refuses_to_start_without_a_required_setting(missing, tmp_path):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert missing in result.stderr
    assert "SIBULAN_ENV=production" in result.stderr


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION, tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_development_default_needs_no_setting(tmp_path):
    result = manage("check", env={}, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
