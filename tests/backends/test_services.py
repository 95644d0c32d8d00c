"""Smoke tests of the real services the backend tests and benchmarks use (scripts/services/*)."""

import time
import urllib.error
import urllib.request
import uuid

import pytest
from django.core.files.base import ContentFile

pytestmark = pytest.mark.backend


def http_get(url):
    """(status, body) of an anonymous GET, without raising on 4xx."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


# PostgreSQL

def test_postgres_indonesian_config_stems_inflections_to_one_lexeme(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url) as conn:
        lexemes = conn.execute(
            "SELECT to_tsvector('indonesian', 'pelayanan')::text, to_tsvector('indonesian', 'melayani')::text, to_tsvector('indonesian', 'kesehatan')::text"
        ).fetchone()
    assert lexemes[0] == lexemes[1]
    assert lexemes[2] != lexemes[0]


def test_postgres_indonesian_search_finds_another_inflection_only(postgres_url):
    import psycopg

    with psycopg.connect(postgres_url) as conn:
        def matches(text, query):
            return conn.execute("SELECT to_tsvector('indonesian', %s) @@ plainto_tsquery('indonesian', %s)", (text, query)).fetchone()[0]

        assert matches("Pelayanan kesehatan ibu dan anak", "melayani")
        assert not matches("Pelayanan kesehatan ibu dan anak", "pendidikan")


# OpenSearch

def test_opensearch_indonesian_analyzer_stems(opensearch_url):
    from opensearchpy import OpenSearch

    client = OpenSearch([opensearch_url])
    tokens = client.indices.analyze(body={"analyzer": "indonesian", "text": "pelayanan kesehatan"})["tokens"]
    assert [t["token"] for t in tokens] == ["layan", "sehat"]
    assert client.info()["version"]["distribution"] == "opensearch"


def test_wagtail_opensearch_backend_creates_its_index_and_searches(opensearch_url, home_page):
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("wagtail.search.backends.opensearch3", URLS=[opensearch_url], INDEX_PREFIX=f"test-{uuid.uuid4().hex[:8]}-")
    index = backend.get_index_for_model(Page)
    index.put()
    try:
        index.add_model(Page)
        backend.add(home_page)
        index.refresh()
        assert [page.pk for page in backend.search(home_page.title, Page)] == [home_page.pk]
        assert list(backend.search("kataygtidakada", Page)) == []
    finally:
        index.delete()


# Elasticsearch client path against the emulator (not a real engine)

def test_elasticsearch9_client_indexes_and_searches_on_the_emulator(elasticsearch_url):
    from elasticsearch import Elasticsearch
    from elasticsearch.dsl import Search

    client = Elasticsearch(elasticsearch_url)
    name = f"test-{uuid.uuid4().hex[:8]}"
    client.indices.create(index=name, mappings={"properties": {"title": {"type": "text"}, "kind": {"type": "keyword"}}})
    try:
        client.index(index=name, id="1", document={"title": "Peraturan Bupati tentang KLA", "kind": "regulasi"}, refresh=True)
        client.index(index=name, id="2", document={"title": "Laporan posyandu", "kind": "laporan"}, refresh=True)
        body = Search().query("match", title="peraturan").extra(aggs={"kind": {"terms": {"field": "kind"}}}).to_dict()
        result = client.search(index=name, body=body)
        assert [hit["_id"] for hit in result["hits"]["hits"]] == ["1"]
        assert [b["key"] for b in result["aggregations"]["kind"]["buckets"]] == ["regulasi"]
    finally:
        client.indices.delete(index=name)


# SeaweedFS (S3)

@pytest.fixture
def private_storage(s3_options):
    from storages.backends.s3 import S3Storage

    return S3Storage(**s3_options, location=f"private/test-{uuid.uuid4().hex[:8]}", default_acl="private", querystring_auth=True, querystring_expire=60)


def test_s3_private_object_is_not_readable_without_a_signature(private_storage, s3_options):
    name = private_storage.save("rahasia.txt", ContentFile(b"data anak"))
    try:
        status, body = http_get(f"{s3_options['endpoint_url']}/{s3_options['bucket_name']}/{private_storage.location}/{name}")
        assert status == 403
        assert b"data anak" not in body
        assert http_get(private_storage.url(name)) == (200, b"data anak")
    finally:
        private_storage.delete(name)


def test_s3_presigned_url_expires(private_storage):
    name = private_storage.save("rahasia.txt", ContentFile(b"data anak"))
    try:
        url = private_storage.bucket.meta.client.generate_presigned_url(
            "get_object", Params={"Bucket": private_storage.bucket_name, "Key": f"{private_storage.location}/{name}"}, ExpiresIn=1
        )
        time.sleep(2)
        status, body = http_get(url)
        assert status == 403
        assert b"data anak" not in body
    finally:
        private_storage.delete(name)


def test_s3_public_media_is_readable_anonymously(s3_options):
    from storages.backends.s3 import S3Storage

    media = S3Storage(**s3_options, location=f"media/test-{uuid.uuid4().hex[:8]}", default_acl=None, querystring_auth=False)
    name = media.save("logo.txt", ContentFile(b"publik"))
    try:
        assert "Signature" not in media.url(name)
        assert http_get(media.url(name)) == (200, b"publik")
    finally:
        media.delete(name)
