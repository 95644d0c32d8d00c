from django.urls import path

from . import views

app_name = "kla"
urlpatterns = [
    path("kla/", views.overview, name="overview"),
    path("kla/klaster/<slug:slug>/", views.cluster_detail, name="cluster"),
    path("kla/indikator/<int:number>-<slug:slug>/", views.indicator_detail, name="indicator"),
]
