"""The RSS 2.0 feed of the latest news of a news index page."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import gettext as _

FEED_LENGTH = 20


class LatestNewsFeed(Feed):
    def get_object(self, request, index):
        self.request = request
        return index

    def title(self, index):
        return f"{index.title} · SIBULAN Barito Utara"

    def link(self, index):
        return index.get_full_url(self.request)

    def description(self, index):
        return index.intro or _("The latest news of the KLA programme of Barito Utara.")

    def items(self, index):
        return index.news().prefetch_related("categories")[:FEED_LENGTH]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro or item.search_description

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time()))

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [category.name for category in item.categories.all()]
