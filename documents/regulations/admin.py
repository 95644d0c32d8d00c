"""Regulations in the Wagtail admin (registered from documents/wagtail_hooks.py): a snippet with
drafts and revisions. The Sekretariat edits and publishes; a Kontributor OPD saves drafts only
(the group permissions are set by documents/migrations/0004_regulation_permissions.py)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Regulation


class RegulationViewSet(SnippetViewSet):
    model = Regulation
    icon = "doc-full-inverse"
    menu_label = _("Regulations (JDIH)")
    menu_name = "regulations"
    add_to_admin_menu = True
    menu_order = 260
    list_display = ["title", "type", "number", "year", "status", "download_count"]
    list_filter = ["type", "year", "status", "live", "indicators"]
    search_fields = ["title", "number", "subject", "abstract"]
    ordering = ["-year", "-pk"]
    list_per_page = 50

    def get_queryset(self, request):
        return Regulation.objects.all()

    panels = [
        MultiFieldPanel([
            FieldPanel("document_type"),
            FieldPanel("title"),
            FieldRowPanel([FieldPanel("type"), FieldPanel("number"), FieldPanel("year")]),
            FieldPanel("main_entry"),
        ], heading=_("Identification")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("place_enacted"), FieldPanel("enacted_on"), FieldPanel("promulgated_on")]),
            FieldPanel("source"),
            FieldPanel("signatory"),
            FieldRowPanel([FieldPanel("initiator_opd"), FieldPanel("initiator")]),
        ], heading=_("Enactment")),
        MultiFieldPanel([
            FieldPanel("subject"),
            FieldRowPanel([FieldPanel("legal_field"), FieldPanel("language")]),
            FieldPanel("location"),
            FieldPanel("abstract"),
        ], heading=_("Description")),
        MultiFieldPanel([FieldPanel("file"), FieldPanel("abstract_file")], heading=_("Files")),
        FieldPanel("status", help_text=_("A regulation revoked by a published regulation becomes tidak berlaku by itself.")),
        InlinePanel("relations", heading=_("This regulation revokes or amends"), label=_("Related regulation")),
        FieldPanel("indicators", widget=forms.CheckboxSelectMultiple),
    ]
