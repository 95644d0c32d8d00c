import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def docs(make_doc, opds):
    make_doc("Perbup perlindungan anak", "Peraturan Bupati Nomor 5 Tahun 2024 tentang pelayanan perlindungan anak.", kind="regulasi")
    make_doc("Bukti rahasia pelayanan", "Daftar pelayanan rahasia.", access_level="assessor", opd=opds["dinkes"])


def test_public_search_page(client, docs, home_page):
    response = client.get("/cari/", {"q": "layanan"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'for="search-q"' in html and 'id="search-q"' in html
    assert "Perbup perlindungan anak" in html
    assert "Bukti rahasia" not in html
    assert "<legend>" in html
    assert "<mark>pelayanan</mark>" in html


def test_synonym_shown(client, docs, home_page):
    html = client.get("/cari/", {"q": "perbup"}).content.decode()
    assert "peraturan bupati" in html


def test_no_results_suggests_dropping_filters(client, docs, home_page):
    html = client.get("/cari/", {"q": "layanan", "year": "1999"}).content.decode()
    assert "?q=layanan" in html


def test_queries_are_recorded(client, docs, home_page):
    from search.models import QueryStat

    client.get("/cari/", {"q": "Layanan"})
    client.get("/cari/", {"q": "layanan "})
    client.get("/cari/", {"q": "tidakadasamasekali"})
    assert QueryStat.objects.get(query="layanan").hits == 2
    assert QueryStat.objects.get(query="tidakadasamasekali").zero_results == 1


def test_assessor_search_requires_role(client, docs, django_user_model, assessor, home_page):
    assert client.get("/cari/asesor/", {"q": "layanan"}).status_code == 302
    plain = django_user_model.objects.create_user(username="warga", password="kata-sandi-panjang-123")
    client.force_login(plain)
    assert client.get("/cari/asesor/", {"q": "layanan"}).status_code == 403
    client.force_login(assessor)
    html = client.get("/cari/asesor/", {"q": "layanan"}).content.decode()
    assert "Bukti rahasia pelayanan" in html
    assert 'name="period"' in html


def test_api(client, docs, assessor):
    data = client.get("/api/search/", {"q": "layanan"}).json()
    assert data["count"] == 1
    assert data["results"][0]["title"] == "Perbup perlindungan anak"
    assert set(data["results"][0]) >= {"title", "kind", "url", "snippet", "indicators", "year"}
    assert {i["value"]: i["count"] for i in data["facets"]["kind"]} == {"regulasi": 1}
    client.force_login(assessor)
    assert client.get("/api/search/", {"q": "layanan"}).json()["count"] == 2
    assert client.get("/api/search/", {"q": "layanan", "kind": "regulasi"}).json()["count"] == 1


def test_a_very_long_query_says_only_its_first_words_were_searched(client, docs, home_page):
    from search.query import MAX_TERMS

    html = client.get("/cari/", {"q": " ".join(["pelayanan"] * MAX_TERMS + ["rahasia"])}).content.decode()
    assert f"hanya {MAX_TERMS} kata dan frasa pertamanya yang dicari" in html
    assert "Perbup perlindungan anak" in html  # "rahasia", the word after the limit, was not searched
    assert "hanya" not in client.get("/cari/", {"q": "pelayanan"}).content.decode()
