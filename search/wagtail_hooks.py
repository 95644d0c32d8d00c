from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import QueryStat, Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    menu_label = _("Search synonyms")
    list_display = ["terms"]
    search_fields = ["terms"]
    add_to_admin_menu = False


class QueryStatViewSet(SnippetViewSet):
    model = QueryStat
    icon = "search"
    menu_label = _("Search queries")
    list_display = ["query", "hits", "zero_results", "last_results", "last_searched_at"]
    list_filter = []
    ordering = ["-hits"]
    search_fields = ["query"]


register_snippet(SynonymViewSet)
register_snippet(QueryStatViewSet)


class SearchEngineNotice(Component):
    """On the admin dashboard: the search engine is down, or changes wait to reach it."""

    order = 50

    def render_html(self, parent_context=None):
        from .engines import engine_status

        status = engine_status()
        if status is None:
            return ""
        up, pending = status
        if up and not pending:
            return ""
        if not up:
            message = _("The search engine is not answering. Search uses the database index meanwhile; %(n)s change(s) wait to be sent to the engine.")
        else:
            message = _("%(n)s change(s) are waiting to be sent to the search engine (manage.py replay_search_queue).")
        return format_html('<div class="help-block help-warning" role="status"><p>{}</p></div>', message % {"n": pending})


@hooks.register("construct_homepage_panels")
def add_search_engine_notice(request, panels):
    if request.user.is_staff:
        panels.insert(0, SearchEngineNotice())


