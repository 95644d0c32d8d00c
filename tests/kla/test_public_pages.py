import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kla.models import Cluster, Indicator

pytestmark = pytest.mark.django_db


def h1s(html):
    return re.findall(r"<h1[\s>]", html)


def test_overview_lists_every_cluster_and_indicator(client, kla_data):
    response = client.get("/kla/")
    assert response.status_code == 200
    html = response.content.decode()
    assert len(h1s(html)) == 1
    for cluster in Cluster.objects.all():
        assert cluster.get_absolute_url() in html
    for indicator in Indicator.objects.all():
        assert indicator.get_absolute_url() in html


def test_cluster_page_shows_its_indicators_only(client, kla_data):
    cluster = Cluster.objects.get(code="V")
    response = client.get(cluster.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert len(h1s(html)) == 1
    assert cluster.name in html
    for indicator in Indicator.objects.all():
        assert (indicator.get_absolute_url() in html) == (indicator.cluster_id == cluster.pk)
    assert [crumb["title"] for crumb in response.context["breadcrumbs"]][-1] == cluster.name


def test_indicator_page_explains_the_indicator(client, kla_data):
    indicator = Indicator.objects.get(number=2)
    response = client.get(indicator.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert len(h1s(html)) == 1
    assert indicator.name in html
    assert indicator.description in html
    assert indicator.evidence_examples[0] in html
    assert indicator.sources[0] in html
    assert 'id="dokumen-pendukung"' in html
    assert Indicator.objects.get(number=1).get_absolute_url() in html  # previous
    assert Indicator.objects.get(number=3).get_absolute_url() in html  # next
    titles = [crumb["title"] for crumb in response.context["breadcrumbs"]]
    assert titles[1] == indicator.cluster.name


def test_indicator_with_a_wrong_slug_redirects_to_its_address(client, kla_data):
    indicator = Indicator.objects.get(number=7)
    response = client.get("/kla/indikator/7-salah/")
    assert response.status_code == 301
    assert response["Location"] == indicator.get_absolute_url()


@pytest.mark.parametrize("url", ["/kla/indikator/25-apa-saja/", "/kla/indikator/0-nol/", "/kla/klaster/tidak-ada/"])
def test_unknown_indicator_or_cluster_is_404(client, kla_data, url):
    assert client.get(url).status_code == 404


def test_framework_pages_do_not_query_per_indicator(client, kla_data):
    client.get("/kla/")  # warm up per-site settings
    with CaptureQueriesContext(connection) as overview:
        client.get("/kla/")
    indicator_queries = [q for q in overview.captured_queries if "kla_indicator" in q["sql"]]
    assert len(indicator_queries) == 1
