from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from documents import views as documents_views
from home import views as home_views
from portal.views import healthz, public_media

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    # The document file URL (same path and name as Wagtail's): checked, logged, served by documents.views.
    re_path(r"^documents/(?P<document_id>\d+)/(?P<document_filename>.*)$", documents_views.serve_document_file, name="wagtaildocs_serve"),
    path("documents/", include(wagtaildocs_urls)),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", home_views.sitemap, name="sitemap"),
    path("", include("home.urls")),
    path("", include("kla.urls")),
    path("", include("documents.urls")),
    path("", include("search.urls")),
    # Public media only: images and their renditions. Documents are stored elsewhere
    # (PRIVATE_MEDIA_ROOT) and are served only by the permission-checked document views.
    re_path(r"^media/(?P<path>(?:original_images|images)/.*)$", public_media),
    path("", include(wagtail_urls)),
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
