"""Public content: the home page, standard pages, news, site settings and navigation."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from search.fields import RegulationReferences

from .blocks import BodyBlock, KeyFigureBlock

NEWS_PER_PAGE = 10
# Query-string parameters of the news index (the templates use the same names).
CATEGORY_PARAM = "kategori"
TAG_PARAM = "tag"
PAGE_PARAM = "halaman"


def news_pages():
    """Published news a visitor may read (no drafts, no pages with a view restriction)."""
    return NewsPage.objects.live().public().order_by("-date", "-pk")


class HomePage(Page):
    hero_heading = models.CharField(
        _("hero heading"), max_length=200, blank=True, help_text=_("The main heading of the home page; the page title when empty.")
    )
    hero_text = models.TextField(_("hero text"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("hero image")
    )
    hero_link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("hero button page")
    )
    hero_link_label = models.CharField(_("hero button label"), max_length=80, blank=True)
    intro = RichTextField(_("programme summary"), blank=True, features=["bold", "italic", "link", "ul", "ol"])
    key_figures = StreamField([("figure", KeyFigureBlock())], blank=True, verbose_name=_("key figures"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_text"), FieldPanel("hero_image"), FieldRowPanel([PageChooserPanel("hero_link_page"), FieldPanel("hero_link_label")])],
            heading=_("Hero"),
        ),
        FieldPanel("intro"),
        FieldPanel("key_figures"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("hero_text"),
        index.SearchField("intro"),
        RegulationReferences("title", "hero_text", "intro"),  # "perbup 5/2024" finds "Perbup No. 5 Tahun 2024" (search.fields)
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def latest_news(self, count=4):
        return news_pages().descendant_of(self).select_related("lead_image")[:count]

    def get_context(self, request, *args, **kwargs):
        from kla.models import Cluster

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = self.latest_news()
        context["clusters"] = Cluster.objects.annotate(indicator_count=models.Count("indicators")).order_by("order")
        context["news_index"] = NewsIndexPage.objects.live().public().descendant_of(self).first()
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        RegulationReferences("title", "intro", "body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")


class NewsCategory(models.Model):
    """A news category (a snippet), e.g. "Kegiatan" or "Pengumuman"."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")

    def __str__(self):
        return self.name


class NewsIndexPage(RoutablePageMixin, Page):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news(self):
        return news_pages().descendant_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = self.news().select_related("lead_image").prefetch_related("categories")
        category = tag = None
        if slug := request.GET.get(CATEGORY_PARAM):
            category = NewsCategory.objects.filter(slug=slug).first()
            news = news.filter(categories=category) if category else news.none()
        if slug := request.GET.get(TAG_PARAM):
            tag = Tag.objects.filter(slug=slug).first()
            news = news.filter(tags=tag) if tag else news.none()
        context.update(
            news_page=Paginator(news, NEWS_PER_PAGE).get_page(request.GET.get(PAGE_PARAM)),
            categories=NewsCategory.objects.filter(newspage__in=self.news()).distinct(),
            active_category=category,
            active_tag=tag,
            filter_value=request.GET.get(CATEGORY_PARAM) or request.GET.get(TAG_PARAM),
        )
        return context

    @path("")
    def index_route(self, request):
        return self.render(request)

    @path("feed/", name="feed")
    def feed(self, request):
        from .feeds import LatestNewsFeed

        return LatestNewsFeed()(request, index=self)

    def feed_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("feed")


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(Page):
    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two sentences shown in lists and the feed."))
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("lead image")
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=255, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))
    categories = ParentalManyToManyField(NewsCategory, blank=True, verbose_name=_("categories"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("lead_image"), FieldPanel("lead_image_caption")], heading=_("Lead image")),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("categories", widget=forms.CheckboxSelectMultiple), FieldPanel("tags")], heading=_("Categories and tags")),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        RegulationReferences("title", "intro", "body"),
        index.FilterField("date"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name=_("logo")
    )
    secretariat_name = models.CharField(_("secretariat name"), max_length=200, default="Sekretariat Gugus Tugas KLA Kabupaten Barito Utara")
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    tiktok_url = models.URLField(_("TikTok"), blank=True)
    footer_text = models.TextField(_("footer text"), blank=True)

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel(
            [FieldPanel("secretariat_name"), FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("office_hours")],
            heading=_("Gugus Tugas secretariat contact"),
        ),
        MultiFieldPanel(
            [FieldPanel("facebook_url"), FieldPanel("instagram_url"), FieldPanel("youtube_url"), FieldPanel("x_url"), FieldPanel("tiktok_url")],
            heading=_("Social media"),
        ),
        FieldPanel("footer_text"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
            ("X", self.x_url),
            ("TikTok", self.tiktok_url),
        ]
        return [{"name": name, "url": url} for name, url in links if url]


@register_setting(icon="list-ul")
class NavigationSettings(ClusterableModel, BaseSiteSetting):
    panels = [
        InlinePanel("main_menu_items", label=_("Main menu item"), heading=_("Main menu")),
        InlinePanel("footer_menu_items", label=_("Footer menu item"), heading=_("Footer menu")),
    ]

    class Meta:
        verbose_name = _("navigation")


class MenuItem(Orderable):
    """A link to a page or to a URL (an address on this site such as /kla/klaster/... or elsewhere)."""

    link_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    link_url = models.CharField(_("URL"), max_length=500, blank=True, help_text=_("Used when no page is chosen, e.g. /kla/klaster/kelembagaan/"))
    link_title = models.CharField(_("title"), max_length=100, blank=True, help_text=_("Leave empty to use the page title."))

    panels = [PageChooserPanel("link_page"), FieldPanel("link_url"), FieldPanel("link_title")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if not self.link_page and not self.link_url:
            raise ValidationError(_("Choose a page or enter a URL."))
        if self.link_url and not self.link_page and not self.link_title:
            raise ValidationError({"link_title": _("A link to a URL needs a title.")})

    @property
    def title(self):
        return self.link_title or (self.link_page.title if self.link_page else self.link_url)

    def get_url(self, request=None):
        if self.link_page:
            return self.link_page.get_url(request)
        return self.link_url


class MainMenuItem(MenuItem):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="main_menu_items")


class FooterMenuItem(MenuItem):
    setting = ParentalKey(NavigationSettings, on_delete=models.CASCADE, related_name="footer_menu_items")
