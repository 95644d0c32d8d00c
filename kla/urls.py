from django.urls import path

from . import dashboard_views, views

app_name = "kla"
urlpatterns = [
    path("kla/", views.overview, name="overview"),
    path("kla/klaster/<slug:slug>/", views.cluster_detail, name="cluster"),
    path("kla/indikator/<int:number>-<slug:slug>/", views.indicator_detail, name="indicator"),
    path("kla/rad/", dashboard_views.rad_summary, name="rad"),
    path("kla/rad/klaster/<slug:slug>/", dashboard_views.rad_cluster, name="rad_cluster"),
    path("kla/nilai/", dashboard_views.scores_public, name="scores"),
]
