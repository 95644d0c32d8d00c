from django import template
from django.utils.translation import gettext as _

from wagtail.models import Site

from home.models import NavigationSettings, NewsIndexPage

register = template.Library()


def _current_state(request_path, url):
    """'page' for the link of the current page, 'true' for the section the page is in, else ''."""
    if not url or not request_path:
        return ""
    if request_path == url:
        return "page"
    if url != "/" and url.startswith("/") and request_path.startswith(url):
        return "true"
    return ""


def _menu(context, relation):
    request = context.get("request")
    if request is None:
        return []
    navigation = NavigationSettings.for_request(request)
    items = []
    for item in getattr(navigation, relation).select_related("link_page"):
        if item.link_page and not item.link_page.live:
            continue
        url = item.get_url(request)
        items.append({"title": item.title, "url": url, "current": _current_state(request.path, url)})
    return items


def _default_main_menu(request):
    """Before an editor fills the main menu: the home page's children marked "show in menus"."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    pages = site.root_page.get_children().live().public().in_menu()
    items = [{"title": _("Home"), "url": "/"}] + [{"title": page.title, "url": page.get_url(request)} for page in pages]
    for item in items:
        item["current"] = _current_state(request.path, item["url"])
    return items


@register.simple_tag(takes_context=True)
def main_menu(context):
    items = _menu(context, "main_menu_items")
    if not items and context.get("request") is not None:
        return _default_main_menu(context["request"])
    return items


@register.simple_tag(takes_context=True)
def footer_menu(context):
    return _menu(context, "footer_menu_items")


@register.simple_tag(takes_context=True)
def breadcrumb_trail(context):
    """The trail after "Home": the ancestors of the Wagtail ``page`` in the context, or the
    ``breadcrumbs`` context variable (a list of {"title": ..., "url": ...}; the last entry is the
    current page). Empty on the home page itself."""
    request = context.get("request")
    crumbs = context.get("breadcrumbs")
    if crumbs:
        trail = [{"title": crumb["title"], "url": crumb.get("url") or ""} for crumb in crumbs]
    else:
        page = context.get("page")
        if page is None or not hasattr(page, "get_ancestors") or page.depth <= 2:
            return []
        ancestors = page.get_ancestors().filter(depth__gt=2)
        trail = [{"title": ancestor.title, "url": ancestor.get_url(request)} for ancestor in ancestors]
        trail.append({"title": page.title, "url": page.get_url(request)})
    return [{"title": _("Home"), "url": "/"}] + trail


@register.simple_tag(takes_context=True)
def news_feed_url(context):
    """The address of the news feed of the site, or '' when there is no news index."""
    request = context.get("request")
    index = NewsIndexPage.objects.live().public().first()
    return index.feed_url(request) if index else ""


@register.filter
def duration(delta):
    """A timedelta in words, e.g. "30 menit"."""
    from django.utils import timezone
    from django.utils.timesince import timeuntil

    now = timezone.now()
    return timeuntil(now + delta, now)
