from django.urls import path

from . import views
from .regulations import api as regulation_api
from .regulations import views as regulation_views

app_name = "documents"
urlpatterns = [
    path("dokumen/", views.document_list, name="list"),
    path("dokumen/<int:pk>/", views.document_detail, name="detail"),
    path("dokumen/<int:pk>/thumbnail/", views.document_thumbnail, name="thumbnail"),
    path("dokumen/kelengkapan/", views.completeness_view, name="completeness"),
    path("dokumen/ekspor/", views.export_list, name="export_list"),
    path("dokumen/ekspor/minta/", views.export_request, name="export_request"),
    path("dokumen/ekspor/<int:pk>/unduh/", views.export_download, name="export_download"),
    path("produk-hukum/", regulation_views.regulation_list, name="regulation_list"),
    path("produk-hukum/<int:pk>/", regulation_views.regulation_detail, name="regulation_detail"),
    path("produk-hukum/<int:pk>/unduh/", regulation_views.regulation_download, name="regulation_download"),
    path("api/jdihn/", regulation_api.jdihn_feed, name="jdihn_feed"),
]
