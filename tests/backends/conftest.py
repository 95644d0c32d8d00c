"""Fixtures for tests against real services (scripts/services/*, started by `.ci/run`).

Each fixture reads the service's SIBULAN_TEST_* variables (`scripts/services/all env` prints them). When they are
absent the test is skipped on a developer's machine, and fails in CI (env CI set), where every service must run.
"""

import os

import pytest


def service_env(service, *names):
    """The values of the environment variables ``names``, or skip (fail in CI) when one is missing."""
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        message = f"{service} not configured: {', '.join(missing)} unset (start it with scripts/services/{service} start, then export `scripts/services/all env`)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return [os.environ[name] for name in names]


@pytest.fixture
def postgres_url():
    return service_env("postgres", "SIBULAN_TEST_DATABASE_URL")[0]


@pytest.fixture
def opensearch_url():
    return service_env("opensearch", "SIBULAN_TEST_OPENSEARCH_URL")[0]


@pytest.fixture
def elasticsearch_url():
    """The Elasticsearch-compatible emulator (scripts/services/es-emulator), not a real engine."""
    return service_env("es-emulator", "SIBULAN_TEST_ELASTICSEARCH_URL")[0]


@pytest.fixture
def s3_options():
    """django-storages S3 options for the SeaweedFS gateway (the same shape as portal/settings.py builds)."""
    bucket, endpoint, key, secret = service_env(
        "seaweedfs", "SIBULAN_TEST_S3_BUCKET", "SIBULAN_TEST_S3_ENDPOINT_URL", "SIBULAN_TEST_S3_ACCESS_KEY_ID", "SIBULAN_TEST_S3_SECRET_ACCESS_KEY"
    )
    return {
        "bucket_name": bucket, "endpoint_url": endpoint, "access_key": key, "secret_key": secret,
        "region_name": "us-east-1", "addressing_style": "path", "signature_version": "s3v4", "file_overwrite": False,
    }
