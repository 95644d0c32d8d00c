"""Loaded by pytest as a plugin (``-p tests.testenv``) before Django reads its settings:
every test run gets its own data folder and the embedded defaults."""

import os
import tempfile

os.environ["DATA_DIR"] = tempfile.mkdtemp(prefix="sibulan-test-")
os.makedirs(os.path.join(os.environ["DATA_DIR"], "static"))  # STATIC_ROOT: whitenoise warns when it is missing
os.environ.setdefault("SIMPLE_STATICFILES", "1")
# The anonymous page cache is off in tests (tests/test_pagecache.py turns it on to test it).
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
for _name in ("SIBULAN_ENV", "DATABASE_URL", "SEARCH_BACKEND", "S3_BUCKET", "TASKS_BACKEND"):
    if os.environ.get("SIBULAN_TEST_KEEP_ENV") != "1":
        os.environ.pop(_name, None)
