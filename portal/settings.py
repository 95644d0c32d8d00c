"""SIBULAN settings: one module, configured by environment variables.

Nothing set gives the embedded default: SQLite and local files under ``DATA_DIR``,
Wagtail's database search backend and background tasks run immediately.
``SIBULAN_ENV=production`` requires the production settings listed in
``REQUIRED_IN_PRODUCTION`` and refuses to start without them.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=None):
    value = os.environ.get(name)
    return default if value is None or value == "" else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


PRODUCTION = env("SIBULAN_ENV", "development").lower() == "production"

# Settings production cannot run without; checked before anything else is configured.
REQUIRED_IN_PRODUCTION = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "BASE_URL", "EMAIL_HOST"]
if PRODUCTION:
    missing = [name for name in REQUIRED_IN_PRODUCTION if env(name) is None]
    if missing:
        raise ImproperlyConfigured(
            "SIBULAN_ENV=production membutuhkan variabel lingkungan berikut: "
            + ", ".join(missing)
            + " (missing required production setting(s): "
            + ", ".join(missing)
            + ")"
        )

DATA_DIR = Path(env("DATA_DIR", BASE_DIR / "data"))
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DEBUG", False) and not PRODUCTION
SECRET_KEY = env("SECRET_KEY", "sibulan-development-key-not-for-production-use-0123456789abcdef")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
BASE_URL = env("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", BASE_URL)

INSTALLED_APPS = [
    "home",
    "kla",
    "documents",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "kla.users_app.SibulanUsersConfig",  # wagtail.users, with the OPD on the user forms
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.pagecache.AnonymousPageCacheMiddleware",
    "documents.middleware.AdminDocumentAccessLogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, so that lock-outs apply to every login form (site and admin).
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=600, conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "sibulan.sqlite3",
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"},
        }
    }
USES_POSTGRES = DATABASES["default"]["ENGINE"].endswith(("postgresql", "postgis"))
if USES_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Language and time ----------------------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

# --- Static and uploaded files --------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
# Documents never live under MEDIA_ROOT: they are served only through the permission check.
PRIVATE_MEDIA_ROOT = DATA_DIR / "private"

S3_BUCKET = env("S3_BUCKET")
if S3_BUCKET:
    _s3_options = {
        "bucket_name": S3_BUCKET,
        "endpoint_url": env("S3_ENDPOINT_URL"),
        "access_key": env("S3_ACCESS_KEY_ID"),
        "secret_key": env("S3_SECRET_ACCESS_KEY"),
        "region_name": env("S3_REGION", "us-east-1"),
        "addressing_style": "path",
        "signature_version": "s3v4",
        "file_overwrite": False,
    }
    STORAGES = {
        # Public media (images and renditions) under a public prefix.
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {**_s3_options, "location": "media", "default_acl": None, "querystring_auth": False}},
        # Documents: private objects, reached only through the permission-checked serve view.
        "private": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {**_s3_options, "location": "private", "default_acl": "private", "querystring_auth": True, "querystring_expire": 60}},
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
else:
    STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": None},
        },
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
if env_bool("SIMPLE_STATICFILES", False):
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024  # larger uploads stream to a temporary file
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
DOCUMENT_MAX_UPLOAD_SIZE = int(env("DOCUMENT_MAX_UPLOAD_MB", "100")) * 1024 * 1024

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "SIBULAN — Barito Utara Layak Anak"
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAIL_I18N_ENABLED = False
# No Gravatar: signed-in staff and assessors would send a hash of their e-mail to a third party
# on every page (and see broken avatars offline); Wagtail shows its own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_DOCUMENT_MODEL = "documents.ArchiveDocument"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "documents.forms.DocumentForm"  # content validation + ingestion on every admin upload
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_MAX_UPLOAD_SIZE = DOCUMENT_MAX_UPLOAD_SIZE
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "csv", "txt", "html", "htm", "png", "jpg", "jpeg", "tif", "tiff"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 128_000_000
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Search ---------------------------------------------------------------------------------
# SEARCH_BACKEND: database (default) | opensearch | elasticsearch; SEARCH_URL: the engine's URL.
SEARCH_BACKEND = env("SEARCH_BACKEND", "database").lower()
SEARCH_URL = env("SEARCH_URL", "http://127.0.0.1:9200")
SEARCH_INDEX = env("SEARCH_INDEX", "sibulan")
# search.backends.* are Wagtail's backends with Indonesian text handling and an outage queue
# (search/backends/). With an engine the database backend stays configured as "fallback":
# Wagtail indexes into both, and search answers from it while the engine is down.
_DATABASE_SEARCH = {"BACKEND": "search.backends.database", "SEARCH_CONFIG": "indonesian" if USES_POSTGRES else None}
_ENGINE_SEARCH = {"URLS": [SEARCH_URL], "INDEX_PREFIX": f"{SEARCH_INDEX}_", "TIMEOUT": 10, "ATOMIC_REBUILD": True, "INDEX_SETTINGS": {"settings": {"index": {"analysis": {"analyzer": {"default": {"type": "indonesian"}}}}}}}
if SEARCH_BACKEND == "database":
    WAGTAILSEARCH_BACKENDS = {"default": _DATABASE_SEARCH}
elif SEARCH_BACKEND == "opensearch":
    # Built on modelsearch's "opensearch3", named after the opensearch-py 3.x client: its "opensearch2" calls the client positionally, which opensearch-py 3.2 rejects (search/backends/opensearch.py).
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.opensearch", **_ENGINE_SEARCH}, "fallback": _DATABASE_SEARCH}
elif SEARCH_BACKEND == "elasticsearch":
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.elasticsearch", **_ENGINE_SEARCH}, "fallback": _DATABASE_SEARCH}
else:
    raise ImproperlyConfigured("SEARCH_BACKEND harus database, opensearch atau elasticsearch (SEARCH_BACKEND must be one of database, opensearch, elasticsearch)")

# --- Background tasks -----------------------------------------------------------------------
# TASKS_BACKEND: immediate (default: run in the request) | database (django-tasks-db + db_worker).
TASKS_BACKEND = env("TASKS_BACKEND", "immediate").lower()
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend" if TASKS_BACKEND == "database" else "django_tasks.backends.immediate.ImmediateBackend",
    }
}

# --- Login lock-out (django-axes) -----------------------------------------------------------
AXES_FAILURE_LIMIT = int(env("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(env("LOGIN_COOLOFF_HOURS", "0.5"))  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_VERBOSE = False

LOGIN_URL = "wagtailadmin_login"
LOGIN_REDIRECT_URL = "/"

# --- E-mail ---------------------------------------------------------------------------------
EMAIL_HOST = env("EMAIL_HOST")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(env("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "SIBULAN <sibulan@baritoutarakab.go.id>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
# SAMEORIGIN, not DENY: the regulation pages show their PDF inline in a same-site frame, and the
# Wagtail admin previews pages in one. Other sites still cannot frame the portal.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if PRODUCTION:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# "pages" holds whole pages for anonymous visitors (portal/pagecache.py); it must be shared by all
# worker processes: a folder under DATA_DIR by default, or CACHE_URL-style settings in production.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "600"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": env("PAGE_CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"),
        "LOCATION": env("PAGE_CACHE_LOCATION", str(DATA_DIR / "cache" / "pages")),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}
