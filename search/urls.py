from django.urls import path

from . import api, views

app_name = "search"
urlpatterns = [
    path("cari/", views.search_view, name="search"),
    path("cari/asesor/", views.assessor_search_view, name="assessor"),
    path("api/search/", api.search_api, name="api"),
]
