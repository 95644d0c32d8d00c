"""The KLA framework in the Wagtail admin: snippets under a "KLA" menu group, and the user
forms with the user's OPD."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import OPD, AssessmentPeriod, Cluster, Indicator, Kecamatan, PredicateBand


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
    ]


class KlaViewSetGroup(SnippetViewSetGroup):
    menu_label = _("KLA")
    menu_icon = "folder-inverse"
    menu_order = 250
    items = (ClusterViewSet, IndicatorViewSet, PredicateBandViewSet, KecamatanViewSet, OPDViewSet, AssessmentPeriodViewSet)


register_snippet(KlaViewSetGroup)
