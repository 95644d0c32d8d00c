"""Whole-page cache for anonymous visitors, shared by every worker process.

Anonymous visitors only ever see public content, so the HTML they get can be reused for the
next anonymous visitor. Signed-in users (staff, contributors, assessors) always get a fresh
page. Every saved or deleted content object starts a new cache *generation*: all cached pages
become stale at once in every process (the generation lives in the shared cache), so a publish,
an unpublish, a menu or settings change shows up on the next request.

Settings: ``PAGE_CACHE_SECONDS`` (0 turns the cache off), the ``pages`` cache in ``CACHES``.
"""

import functools
import hashlib
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse

GENERATION_KEY = "pagecache:generation"
# Paths never cached: the admin, file downloads, search (every query is recorded), health check.
SKIPPED_PREFIXES = ("/admin/", "/documents/", "/cari/", "/api/search/", "/healthz/", "/static/", "/media/")
CACHED_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml", "application/json", "text/plain")
# Content changes bump the generation; these models change without changing what visitors see.
CONTENT_APPS = {"home", "kla", "documents", "search", "wagtailcore", "wagtailimages", "wagtaildocs", "wagtailredirects", "taggit", "wagtailsettings"}
IGNORED_MODELS = {"documents.accesslog", "documents.exportbundle", "search.querystat", "search.pendingindexoperation", "wagtailcore.pagelogentry", "wagtailcore.modellogentry", "wagtailimages.rendition"}


def _cache():
    return caches["pages"]


def generation():
    value = _cache().get(GENERATION_KEY)
    if value is None:
        value = time.time_ns()
        _cache().add(GENERATION_KEY, value, None)
        value = _cache().get(GENERATION_KEY, value)
    return value


@functools.cache
def deployment():
    """Identifies the static files this process links to (the hashed names of the manifest):
    after a deploy with new CSS/JS, restarted workers use new keys and never serve pages that
    point at old assets."""
    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    try:
        return hashlib.sha256(manifest.read_bytes()).hexdigest()[:12]
    except OSError:
        return "-"


def invalidate():
    _cache().set(GENERATION_KEY, time.time_ns(), None)


def _is_content(sender):
    meta = sender._meta
    return meta.app_label in CONTENT_APPS and meta.label_lower not in IGNORED_MODELS


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def _content_changed(sender, **kwargs):
    if settings.PAGE_CACHE_SECONDS and _is_content(sender):
        invalidate()


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def _key(self, request):
        return f"page:{deployment()}:{generation()}:{request.get_host()}:{request.get_full_path()}"

    def _cacheable_request(self, request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and not request.path.startswith(SKIPPED_PREFIXES)
            and not request.user.is_authenticated
        )

    def _cacheable_response(self, response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and "private" not in cache_control
            and "no-store" not in cache_control
            and response.get("Content-Type", "").split(";")[0] in CACHED_TYPES
        )

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        cached = _cache().get(key)
        if cached is not None:
            content, headers = cached
            response = HttpResponse(content, headers=headers)
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._cacheable_response(response):
            _cache().set(key, (response.content, dict(response.headers)), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
