"""One set of queries, the same expected hits and facet counts, on every search backend.

``database``: Wagtail's database backend on the session's database — SQLite FTS5 (stemmed by
PySastrawi) in the normal suite, PostgreSQL (``indonesian`` configuration) when the suite runs
with ``SIBULAN_TEST_KEEP_ENV=1 DATABASE_URL=postgres://...``. ``opensearch``: a real OpenSearch
node (scripts/services/opensearch; skipped on a developer's machine without it, fails in CI).
"""

import datetime
import uuid

import pytest

from search.service import search
from tests.documents.ingest_fixtures import run_tasks  # noqa: F401 (fixture)
from tests.search.conftest import anonymous, assessor, contributor, make_doc, make_regulation, opds  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.django_db]

OPENSEARCH_SETTINGS = {"settings": {"index": {"analysis": {"analyzer": {"default": {"type": "indonesian"}}}}}}


def titles(result):
    return {hit.title for hit in result.hits}


def facet(result, name):
    return {i["value"]: i["count"] for i in result.facets[name]["items"] if i["count"]}


def _engine_settings(url, prefix, timeout=10):
    return {
        "default": {"BACKEND": "search.backends.opensearch", "URLS": [url], "INDEX_PREFIX": prefix, "TIMEOUT": timeout, "INDEX_SETTINGS": OPENSEARCH_SETTINGS},
        "fallback": {"BACKEND": "search.backends.database"},
    }


class Engine:
    """The backend under test: ``refresh()`` makes the last writes searchable."""

    name = "database"

    def refresh(self):
        pass


class OpenSearchEngine(Engine):
    name = "opensearch"

    def __init__(self, settings, url):
        from wagtail.documents import get_document_model
        from wagtail.models import Page
        from wagtail.search.backends import get_search_backend
        from wagtail.search.index import get_indexed_models

        from documents.regulations.models import Regulation

        self.settings, self.url, self.prefix = settings, url, f"test-{uuid.uuid4().hex[:8]}_"
        self.use(url)
        backend = get_search_backend("default")
        self.indexes = []
        for root in (Page, get_document_model(), Regulation):
            index = backend.get_index_for_model(root)
            index.put()
            for model in get_indexed_models():
                if issubclass(model, root):
                    index.add_model(model)
            self.indexes.append(index)

    def use(self, url, timeout=10):
        self.settings.SEARCH_BACKEND = "opensearch"
        self.settings.WAGTAILSEARCH_BACKENDS = _engine_settings(url, self.prefix, timeout)

    def refresh(self):
        for index in self.indexes:
            index.refresh()

    def close(self):
        self.use(self.url)
        for index in self.indexes:
            index.delete()


@pytest.fixture(params=["database", "opensearch"])
def engine(request, settings, db):
    from search import engines

    engines._health.update(checked=0.0, up=True)
    if request.param == "database":
        yield Engine()
        return
    url = request.getfixturevalue("opensearch_url")
    engine = OpenSearchEngine(settings, url)
    yield engine
    engine.close()
    engines._health.update(checked=0.0, up=True)


@pytest.fixture
def corpus(engine, make_doc, opds, home_page):
    from home.models import StandardPage

    make_doc("Laporan pelayanan kesehatan anak", "Pelayanan kesehatan bagi anak di puskesmas Muara Teweh berjalan baik.", kind="laporan", opd=opds["dinkes"], indicators=[17])
    make_doc("Pedoman layanan pengaduan", "Layanan pengaduan kekerasan terhadap anak dibuka setiap hari.", opd=opds["disdik"])
    make_doc("Dinas yang melayani akta", "Petugas melayani pembuatan akta kelahiran secara keliling.", indicators=[4])
    make_doc("Data imunisasi", "Cakupan imunisasi dasar lengkap di posyandu meningkat.", kind="data", opd=opds["dinkes"], years=[2024], indicators=[17])
    make_doc("Forum Anak Kecamatan Teweh Tengah", "Kegiatan forum anak kecamatan bersama sekolah.")
    make_doc("Catatan rapat", "Anak-anak hadir di forum kecamatan dan sekolah anak menyambut.")
    make_doc("Penetapan KLA", "Peraturan Bupati Nomor 5 Tahun 2024 tentang Kabupaten Layak Anak.", kind="regulasi")
    make_doc("Perbup lain", "Perbup No. 7 Tahun 2024 tentang kawasan tanpa rokok.", kind="regulasi")
    make_doc("Sekolah ramah anak", "Program sekolah ramah anak di seluruh kecamatan.")
    make_doc("Bukti imunisasi untuk asesor", "Rincian imunisasi rahasiakatakunci per desa.", access_level="assessor", kind="bukti", opd=opds["dinkes"], years=[2026], indicators=[18])
    make_doc("Catatan internal imunisasi", "Catatan imunisasi rahasiakatakunci internal.", access_level="internal", kind="data", opd=opds["dinkes"], years=[2027])
    home_page.add_child(instance=StandardPage(title="Layanan posyandu keliling", slug="layanan-posyandu", intro="Jadwal pelayanan posyandu di desa."))
    engine.refresh()
    return engine


def test_stemming_finds_every_inflection(corpus):
    expected = {"Laporan pelayanan kesehatan anak", "Pedoman layanan pengaduan", "Dinas yang melayani akta", "Layanan posyandu keliling"}
    for word in ["layanan", "pelayanan", "melayani"]:
        result = search(None, word)
        assert result.engine == corpus.name and not result.fallback
        assert titles(result) == expected, word
        assert facet(result, "content_kind") == {"document": 3, "page": 1}


def test_phrase_exclusion_or_and(corpus):
    assert titles(search(None, '"forum kecamatan"')) == {"Catatan rapat"}
    assert titles(search(None, "forum kecamatan")) == {"Catatan rapat", "Forum Anak Kecamatan Teweh Tengah"}
    assert titles(search(None, "kecamatan -forum")) == {"Sekolah ramah anak"}
    assert titles(search(None, "forum -sekolah")) == set()
    assert titles(search(None, "imunisasi OR pengaduan")) == {"Data imunisasi", "Pedoman layanan pengaduan"}
    assert titles(search(None, "imunisasi pengaduan")) == set()
    assert titles(search(None, "kesehatan puskesmas")) == {"Laporan pelayanan kesehatan anak"}


@pytest.mark.parametrize("typed", ["Perbup No. 5 Tahun 2024", "perbup 5/2024", "Peraturan Bupati Nomor 5 Tahun 2024"])
def test_regulation_number_however_written(corpus, typed):
    assert titles(search(None, typed)) == {"Penetapan KLA"}


def test_synonyms(corpus):
    assert titles(search(None, "perbup")) == {"Penetapan KLA", "Perbup lain"}
    assert titles(search(None, "Kabupaten Layak Anak")) == {"Penetapan KLA"}
    assert "Penetapan KLA" in titles(search(None, "KLA"))


def test_snippets_mark_the_match(corpus):
    hit = next(h for h in search(None, "melayani").hits if h.title == "Pedoman layanan pengaduan")
    assert "<mark>Layanan</mark>" in hit.snippet


def test_permissions_in_hits_and_facets(corpus, anonymous, assessor, contributor):
    from kla.models import Indicator

    public = search(anonymous, "imunisasi")
    assert titles(public) == {"Data imunisasi"}
    assert public.count == 1
    assert facet(public, "kind") == {"data": 1}
    assert facet(public, "year") == {"2024": 1}
    assert facet(public, "opd") == {"dinkes": 1}
    assert facet(public, "indicator") == {"17": 1}
    assert search(anonymous, "rahasiakatakunci").count == 0

    assert titles(search(contributor("disdik"), "imunisasi")) == {"Data imunisasi"}
    assert titles(search(contributor("dinkes"), "rahasiakatakunci")) == {"Bukti imunisasi untuk asesor", "Catatan internal imunisasi"}

    result = search(assessor, "imunisasi")
    assert titles(result) == {"Data imunisasi", "Bukti imunisasi untuk asesor"}
    assert facet(result, "year") == {"2024": 1, "2026": 1}
    assert facet(result, "indicator") == {"17": 1, "18": 1}
    clusters = {}
    for number in (17, 18):
        code = Indicator.objects.get(number=number).cluster.code
        clusters[code] = clusters.get(code, 0) + 1
    assert facet(result, "cluster") == clusters
    assert "<mark>rahasiakatakunci</mark>" in str(search(assessor, "rahasiakatakunci").hits[0].snippet)


def test_filters_and_disjunctive_facets(corpus, assessor):
    result = search(assessor, "imunisasi", {"kind": ["data"]})
    assert titles(result) == {"Data imunisasi"}
    assert facet(result, "kind") == {"data": 1, "bukti": 1}
    assert facet(result, "year") == {"2024": 1}
    assert search(assessor, "imunisasi", {"kind": ["data", "bukti"]}).count == 2
    assert titles(search(assessor, "imunisasi", {"indicator": ["18"]})) == {"Bukti imunisasi untuk asesor"}
    assert titles(search(assessor, "imunisasi", {"year": ["2026"]})) == {"Bukti imunisasi untuk asesor"}
    assert titles(search(assessor, "imunisasi", {"opd": ["disdik"]})) == set()
    pages_only = search(None, "layanan", {"content_kind": ["page"]})
    assert titles(pages_only) == {"Layanan posyandu keliling"}
    assert facet(pages_only, "content_kind") == {"document": 3, "page": 1}
    assert titles(search(None, "layanan", {"kind": ["bukti"]})) == {"Pedoman layanan pengaduan", "Dinas yang melayani akta"}


def test_sort_by_date_and_pages(engine, make_doc):
    for i in range(5):
        make_doc(f"Laporan posyandu {i}", "posyandu", day=datetime.date(2024, 1, 1 + i))
    engine.refresh()
    result = search(None, "posyandu", sort="date", per_page=2)
    assert result.count == 5 and result.num_pages == 3
    assert [h.title for h in result.hits] == ["Laporan posyandu 4", "Laporan posyandu 3"]
    assert [h.title for h in search(None, "posyandu", sort="date", per_page=2, page=3).hits] == ["Laporan posyandu 0"]


def test_page_publish_unpublish_delete_update_the_index(engine, home_page):
    from home.models import StandardPage

    page = home_page.add_child(instance=StandardPage(title="Jadwal bermain", slug="jadwal", intro="Taman bermainkatakunci dibuka.", live=False))
    engine.refresh()
    assert search(None, "bermainkatakunci").count == 0  # a draft is not found
    page.save_revision().publish()
    engine.refresh()
    assert titles(search(None, "bermainkatakunci")) == {"Jadwal bermain"}
    page.refresh_from_db()
    page.unpublish()
    engine.refresh()
    assert search(None, "bermainkatakunci").count == 0
    page.save_revision().publish()
    engine.refresh()
    assert search(None, "bermainkatakunci").count == 1
    page.delete()
    engine.refresh()
    assert search(None, "bermainkatakunci").count == 0


def test_document_edit_and_delete_update_the_index(engine, make_doc):
    doc = make_doc("Profil gizi", "Data gizi balita.")
    engine.refresh()
    assert search(None, "stuntingbaru").count == 0
    doc.extracted_text = "Data gizi balita dan stuntingbaru."
    doc.save()
    engine.refresh()
    assert titles(search(None, "stuntingbaru")) == {"Profil gizi"}
    doc.delete()
    engine.refresh()
    assert search(None, "stuntingbaru").count == 0


def test_regulations_number_stemming_facets_and_unpublishing(engine, make_regulation, anonymous):
    """Published regulations (JDIH) next to documents: found by number however written and by
    another inflection of their abstract, counted per regulation type, gone once unpublished;
    the text of their restricted file never shows."""
    kla = make_regulation(5, 2024, "Kabupaten Layak Anak", abstract="Pelayanan terpadu bagi anak.", indicators=[17], file_level="internal", file_text="lampiran rahasiakatakunci")
    make_regulation(7, 2024, "Kawasan Tanpa Rokok", abstract="Larangan merokok bagi anak.")
    make_regulation(2, 2023, "Perlindungan Anak", type="PERDA", abstract="Perlindungan anak.")
    make_regulation(9, 2024, "Rancangan Anak", publish=False)
    engine.refresh()

    def regulations(result):
        return {h.title for h in result.hits if h.content_kind == "regulation"}

    for typed in ["Perbup No. 5 Tahun 2024", "perbup 5/2024", "Peraturan Bupati Nomor 5 Tahun 2024"]:
        assert regulations(search(anonymous, typed)) == {"PERBUP No. 5 Tahun 2024 tentang Kabupaten Layak Anak"}, typed
    hits = search(anonymous, "melayani").hits
    assert [h.title for h in hits] == ["PERBUP No. 5 Tahun 2024 tentang Kabupaten Layak Anak"]
    assert "rahasiakatakunci" not in hits[0].snippet and "layanan" in hits[0].snippet.lower()
    assert search(anonymous, "rahasiakatakunci").count == 0

    result = search(anonymous, "anak", {"content_kind": ["regulation"]})
    assert result.count == 3
    assert facet(result, "regulation_type") == {"PERBUP": 2, "PERDA": 1}
    assert facet(result, "year") == {"2024": 2, "2023": 1}
    assert facet(result, "indicator") == {"17": 1}
    perda = search(anonymous, "anak", {"regulation_type": ["PERDA"]})
    assert regulations(perda) == {"PERDA No. 2 Tahun 2023 tentang Perlindungan Anak"} and perda.count == 1
    assert facet(perda, "regulation_type") == {"PERBUP": 2, "PERDA": 1}

    kla.refresh_from_db()
    kla.unpublish()
    engine.refresh()
    assert regulations(search(anonymous, "perbup 5/2024")) == set()
    assert facet(search(anonymous, "anak", {"content_kind": ["regulation"]}), "regulation_type") == {"PERBUP": 1, "PERDA": 1}


@pytest.mark.backend
def test_opensearch_down_then_back_loses_no_edit(settings, make_doc, opensearch_url, db):
    """The engine stops answering (its URL points at a closed port), the site keeps searching
    from the database, an edit made meanwhile is queued and is found in OpenSearch once it
    answers again."""
    from search import engines
    from search.backends.queue import replay
    from search.models import PendingIndexOperation

    engine = OpenSearchEngine(settings, opensearch_url)
    try:
        doc = make_doc("Laporan gizi", "Gizi balita di posyandu.")
        engine.refresh()
        assert titles(search(None, "gizi")) == {"Laporan gizi"}

        engine.use("http://127.0.0.1:9", timeout=1)  # down
        doc.extracted_text = "Gizi balita dan pemantauankatakunci di posyandu."
        doc.save()
        assert PendingIndexOperation.objects.filter(object_id=str(doc.pk)).exists()
        during = search(None, "pemantauankatakunci")
        assert during.fallback and titles(during) == {"Laporan gizi"}

        engine.use(opensearch_url)  # back
        engines._health.update(checked=0.0, up=False)
        sent, left = replay()
        assert sent >= 1 and left == 0
        engine.refresh()
        after = search(None, "pemantauankatakunci")
        assert not after.fallback and after.engine == "opensearch"
        assert titles(after) == {"Laporan gizi"}
    finally:
        engine.close()
        engines._health.update(checked=0.0, up=True)


def test_text_only_in_a_scanned_pdf_is_found(engine, tmp_path, run_tasks, anonymous):
    """A scan has no text layer: OCR (documents.ingest) makes its words searchable, stemmed."""
    from documents import ingest
    from tests.documents import files
    from tests.documents.ingest_fixtures import require_tesseract

    require_tesseract()
    path = files.scanned_pdf(tmp_path / "pindaian.pdf", text="Laporan pendampingan kelompok anyaman rotan di desa.")
    with run_tasks(), open(path, "rb") as handle:
        document = ingest.ingest_file(handle, path.name, title="Hasil pindaian", access_level="public").document
    document.refresh_from_db()
    assert "anyaman" in document.extracted_text.lower() and "anyaman" not in document.title.lower()
    engine.refresh()
    result = search(anonymous, "anyaman rotan")
    assert titles(result) == {"Hasil pindaian"}
    assert "<mark>anyaman</mark>" in str(result.hits[0].snippet).lower()
    assert titles(search(anonymous, "mendampingi")) == {"Hasil pindaian"}  # another inflection of "pendampingan"


@pytest.mark.backend
def test_elasticsearch9_client_path_on_the_emulator(settings, make_doc, elasticsearch_url, anonymous, monkeypatch):
    """The Elasticsearch 9 path (client ``elasticsearch``, same engine queries) against the
    Elasticsearch-compatible emulator. It is not an engine (no Indonesian analyzer, no copy_to
    into _all_text, no ``reverse_nested`` aggregation, so the indicator and cluster facets are
    left out here), so only browsing with facet filters is compared: the permission filter,
    post_filter and aggregations are sent and answered through the real client."""
    from wagtail.documents import get_document_model
    from wagtail.search.backends import get_search_backend

    from search import engines

    flat = {name: spec for name, spec in engines.ENGINE_FACETS["document"].items() if not spec[1]}
    monkeypatch.setitem(engines.ENGINE_FACETS, "document", flat)

    prefix = f"test-{uuid.uuid4().hex[:8]}_"
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.elasticsearch", "URLS": [elasticsearch_url], "INDEX_PREFIX": prefix, "TIMEOUT": 10},
        "fallback": {"BACKEND": "search.backends.database"},
    }
    backend = get_search_backend("default")
    index = backend.get_index_for_model(get_document_model())
    index.put()
    index.add_model(get_document_model())
    try:
        make_doc("Laporan publik", "teks", kind="laporan")
        make_doc("Data publik", "teks", kind="data")
        make_doc("Laporan rahasia", "teks", kind="laporan", access_level="internal")
        index.refresh()
        result = search(anonymous, "", {"kind": ["laporan"]})
        assert result.engine == "elasticsearch" and not result.fallback
        assert titles(result) == {"Laporan publik"}
        assert facet(result, "kind") == {"laporan": 1, "data": 1}
    finally:
        index.delete()


@pytest.mark.parametrize("typed", ["perbup 5/2024", "Peraturan Bupati Nomor 5 Tahun 2024"])
def test_page_found_by_regulation_number_in_its_body(engine, home_page, typed):
    """A news item or page that cites a regulation is found by the number however it is typed,
    on every backend (the reference in a rich-text block of the body)."""
    from home.models import StandardPage

    body = [{"type": "paragraph", "value": "<p>Sosialisasi <b>Perbup No. 5 Tahun 2024</b> kepada OPD.</p>"}]
    home_page.add_child(instance=StandardPage(title="Sosialisasi KLA di kecamatan", slug="sosialisasi-kla", body=body))
    home_page.add_child(instance=StandardPage(title="Sosialisasi kawasan tanpa rokok", slug="sosialisasi-ktr", intro="Perbup No. 7 Tahun 2024."))
    engine.refresh()
    assert titles(search(None, typed)) == {"Sosialisasi KLA di kecamatan"}


LONG_TEXT = " ".join(["Rapat koordinasi gugus tugas membahas program desa bersama kader posyandu."] * 200)


def test_snippet_of_a_long_document_marks_the_matched_word(engine, make_doc, anonymous):
    """A word deep inside a long extracted text (~15 KB, as a five-page report) is marked in a
    short snippet cut around it, not at the start of the text."""
    make_doc("Laporan tahunan gugus tugas", f"{LONG_TEXT} Hasil pemantauan tumbuh kembang balita dilaporkan. {LONG_TEXT}")
    make_doc("Catatan lain", "Tidak ada yang relevan.")
    engine.refresh()
    result = search(anonymous, "pemantauan")
    assert titles(result) == {"Laporan tahunan gugus tugas"}
    snippet = str(result.hits[0].snippet)
    assert "<mark>pemantauan</mark>" in snippet.lower() and "balita" in snippet
    assert len(snippet) < 500


@pytest.mark.backend
def test_index_built_without_term_vectors_still_gives_snippets(settings, make_doc, opensearch_url, anonymous, monkeypatch):
    """An index created before the long text fields kept term vectors (not rebuilt yet) still
    answers, with the matched word marked in the snippet."""
    from modelsearch.backends.opensearch3 import OpenSearch3Mapping

    from search.backends.opensearch import SearchBackend

    monkeypatch.setattr(SearchBackend, "mapping_class", OpenSearch3Mapping)
    engine = OpenSearchEngine(settings, opensearch_url)
    try:
        make_doc("Laporan tahunan", f"{LONG_TEXT} Hasil pemantauan balita. {LONG_TEXT}")
        engine.refresh()
        result = search(anonymous, "pemantauan")
        assert not result.fallback and titles(result) == {"Laporan tahunan"}
        assert "<mark>pemantauan</mark>" in str(result.hits[0].snippet).lower()
    finally:
        engine.close()


ODD_INPUT = ['"unclosed phrase', "OR", "-", '"" ""', "*", "(", "NEAR(anak sekolah)", "title:anak", "anak AND", "anak OR OR sekolah",
             "^anak", "anak*", "{title}: anak", "'; DROP TABLE x; --", "%", "\\", "anak\x00sekolah", "😀 anak", "perbup 5/", "a" * 3000]


@pytest.mark.parametrize("typed", ODD_INPUT)
def test_odd_input_in_the_search_box_is_answered(corpus, typed):
    result = search(None, typed)
    assert len(result.hits) == min(result.count, 20)
    assert not {"Bukti imunisasi untuk asesor", "Catatan internal imunisasi"} & titles(result)


def test_a_query_of_only_exclusions_finds_everything_else(corpus):
    found = titles(search(None, "-forum -sekolah", filters={"content_kind": ["document"]}))
    assert found == {"Laporan pelayanan kesehatan anak", "Pedoman layanan pengaduan", "Dinas yang melayani akta", "Data imunisasi", "Penetapan KLA", "Perbup lain"}


def test_a_very_long_query_searches_its_first_words_and_says_so(corpus):
    from search.query import MAX_TERMS

    result = search(None, " ".join(["imunisasi"] * MAX_TERMS + ["pengaduan"]))  # the last word is dropped
    assert result.truncated
    assert titles(result) == {"Data imunisasi"}
    assert not search(None, "imunisasi pengaduan").truncated
