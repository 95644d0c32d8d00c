"""The KLA framework in the Wagtail admin: snippets under a "KLA" menu group, and the user
forms with the user's OPD."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import permissions, rad_admin_views, roles
from .models import OPD, AssessmentPeriod, Cluster, Indicator, IndicatorScore, Kecamatan, PredicateBand, RadAction, RadPlan


class ClusterViewSet(SnippetViewSet):
    model = Cluster
    icon = "folder-open-inverse"
    menu_label = _("Clusters")
    list_display = ["name", "code", "order"]
    search_fields = ["name", "name_en", "description"]
    ordering = ["order"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("order")], heading=_("Code and order")),
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sources"),
    ]


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "list-ol"
    menu_label = _("Indicators")
    list_display = ["number", "name", "cluster"]
    list_filter = ["cluster"]
    search_fields = ["name", "name_en", "description"]
    ordering = ["number"]
    list_per_page = 50

    def get_queryset(self, request):
        return Indicator.objects.select_related("cluster")

    panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("number"), FieldPanel("cluster")]), FieldPanel("name"), FieldPanel("name_en"), FieldPanel("slug")],
            heading=_("Indicator"),
        ),
        FieldPanel("description"),
        MultiFieldPanel([FieldPanel("evidence_examples"), FieldPanel("evidence_sources")], heading=_("Evidence (bukti dukung)")),
        MultiFieldPanel([FieldPanel("name_variants"), FieldPanel("measures"), FieldPanel("sources"), FieldPanel("notes")], heading=_("Sources and notes")),
    ]


class PredicateBandViewSet(SnippetViewSet):
    model = PredicateBand
    icon = "pick"
    menu_label = _("Predicates")
    list_display = ["name", "min_score", "max_score"]
    ordering = ["min_score"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("min_score"), FieldPanel("max_score")], heading=_("Score range")),
        FieldPanel("sources"),
    ]


class KecamatanViewSet(SnippetViewSet):
    model = Kecamatan
    icon = "site"
    menu_label = _("Kecamatan")
    list_display = ["name", "code", "capital"]
    search_fields = ["name", "code", "capital"]
    ordering = ["code"]
    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("name")]),
        FieldPanel("capital"),
        FieldRowPanel([FieldPanel("desa_count"), FieldPanel("kelurahan_count")], heading=_("Villages")),
        FieldPanel("aliases"),
        FieldPanel("notes"),
        FieldPanel("sources"),
    ]


class OPDViewSet(SnippetViewSet):
    model = OPD
    icon = "group"
    menu_label = _("OPD")
    list_display = ["name", "short_name", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "code"]
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("short_name"), FieldPanel("code")]),
        FieldPanel("kind"),
        FieldPanel("notes"),
        FieldPanel("sources"),
    ]


class AssessmentPeriodViewSet(SnippetViewSet):
    model = AssessmentPeriod
    icon = "date"
    menu_label = _("Assessment periods")
    list_display = ["name", "year", "opens_on", "closes_on"]
    ordering = ["-year"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("year")]),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Window for assessors")),
        FieldRowPanel([FieldPanel("scores_published"), FieldPanel("scores_published_on")], heading=_("Result of the ministry")),
    ]


class RadPlanViewSet(SnippetViewSet):
    model = RadPlan
    icon = "doc-full"
    menu_label = _("RAD KLA plans")
    list_display = ["name", "start_year", "end_year", "status"]
    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]), FieldPanel("status"), FieldPanel("document")]


class RadActionViewSet(SnippetViewSet):
    model = RadAction
    icon = "tasks"
    menu_label = _("RAD actions")
    list_display = ["indicator", "activity", "output_indicator", "responsible_opd"]
    list_filter = ["plan", "indicator__cluster", "responsible_opd"]
    search_fields = ["programme", "activity", "output_indicator"]
    list_per_page = 50

    def get_queryset(self, request):
        return RadAction.objects.select_related("indicator", "responsible_opd")

    panels = [
        FieldRowPanel([FieldPanel("plan"), FieldPanel("indicator")]),
        FieldPanel("programme"),
        FieldPanel("activity"),
        FieldRowPanel([FieldPanel("output_indicator"), FieldPanel("unit"), FieldPanel("baseline")]),
        FieldRowPanel([FieldPanel("responsible_opd"), FieldPanel("supporting_opds")], heading=_("OPD")),
        InlinePanel("targets", heading=_("Target and budget estimate per year"), label=_("Year")),
    ]


class IndicatorScoreViewSet(SnippetViewSet):
    model = IndicatorScore
    icon = "pick"
    menu_label = _("Indicator scores")
    list_display = ["indicator", "period", "self_assessment", "verified_score", "max_points"]
    list_filter = ["period"]
    list_per_page = 50

    def get_queryset(self, request):
        return IndicatorScore.objects.select_related("indicator", "period")

    panels = [
        FieldRowPanel([FieldPanel("period"), FieldPanel("indicator")]),
        FieldRowPanel([FieldPanel("self_assessment"), FieldPanel("verified_score"), FieldPanel("max_points")]),
        FieldPanel("notes"),
    ]


class KlaViewSetGroup(SnippetViewSetGroup):
    menu_label = _("KLA")
    menu_icon = "folder-inverse"
    menu_order = 250
    items = (
        ClusterViewSet, IndicatorViewSet, PredicateBandViewSet, KecamatanViewSet, OPDViewSet, AssessmentPeriodViewSet,
        RadPlanViewSet, RadActionViewSet, IndicatorScoreViewSet,
    )


register_snippet(KlaViewSetGroup)


# --- RAD KLA monitoring, realisation and scores (kla.rad_admin_views) ---------------------------


@hooks.register("register_admin_urls")
def register_rad_urls():
    return [
        path("rad/", rad_admin_views.dashboard, name="kla_rad_dashboard"),
        path("rad/realisasi/", rad_admin_views.realisation_list, name="kla_rad_realisations"),
        path("rad/aksi/<int:action_id>/lapor/", rad_admin_views.realisation_create, name="kla_rad_report"),
        path("rad/realisasi/<int:pk>/", rad_admin_views.realisation_edit, name="kla_rad_realisation_edit"),
        path("rad/realisasi/<int:pk>/verifikasi/", rad_admin_views.realisation_review, name="kla_rad_review"),
        path("rad/ekspor.<str:fmt>", rad_admin_views.export, name="kla_rad_export"),
        path("rad/impor/", rad_admin_views.import_view, name="kla_rad_import"),
        path("rad/nilai/", rad_admin_views.scores, name="kla_scores"),
    ]


class RoleMenuItem(MenuItem):
    def __init__(self, *args, shown_to, **kwargs):
        super().__init__(*args, **kwargs)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)


@hooks.register("register_admin_menu_item")
def register_rad_menu():
    menu = Menu(
        items=[
            RoleMenuItem(_("Monitoring"), reverse("kla_rad_dashboard"), icon_name="table", order=10, shown_to=permissions.can_use_rad_admin),
            RoleMenuItem(_("Realisation"), reverse("kla_rad_realisations"), icon_name="tasks", order=20, shown_to=permissions.can_use_rad_admin),
            RoleMenuItem(_("Export and import"), reverse("kla_rad_import"), icon_name="download", order=30, shown_to=roles.is_secretariat),
            RoleMenuItem(_("KLA score"), reverse("kla_scores"), icon_name="pick", order=40, shown_to=roles.is_secretariat),
        ]
    )
    return SubmenuMenuItem(_("RAD KLA"), menu, icon_name="list-ul", order=260)
