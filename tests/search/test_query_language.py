"""What a user types finds the right documents, and not the wrong ones (database backend)."""

import pytest

from search.service import search

pytestmark = pytest.mark.django_db


def titles(result):
    return {hit.title for hit in result.hits}


@pytest.fixture
def corpus(make_doc):
    make_doc("Laporan pelayanan kesehatan anak", "Pelayanan kesehatan bagi anak di puskesmas Muara Teweh berjalan baik.")
    make_doc("Pedoman layanan pengaduan", "Layanan pengaduan kekerasan terhadap anak dibuka setiap hari.")
    make_doc("Dinas yang melayani akta", "Petugas melayani pembuatan akta kelahiran secara keliling.")
    make_doc("Data imunisasi", "Cakupan imunisasi dasar lengkap di posyandu meningkat.")
    make_doc("Forum Anak Kecamatan Teweh Tengah", "Kegiatan forum anak kecamatan bersama sekolah.")
    make_doc("Catatan rapat", "Anak-anak hadir di forum kecamatan dan sekolah anak menyambut.")
    make_doc("Penetapan KLA", "Peraturan Bupati Nomor 5 Tahun 2024 tentang Kabupaten Layak Anak.", kind="regulasi")
    make_doc("Perbup lain", "Perbup No. 7 Tahun 2024 tentang kawasan tanpa rokok.", kind="regulasi")
    make_doc("Sekolah ramah anak", "Program sekolah ramah anak di seluruh kecamatan.")


def test_stemming_finds_every_inflection(corpus):
    expected = {"Laporan pelayanan kesehatan anak", "Pedoman layanan pengaduan", "Dinas yang melayani akta"}
    for word in ["layanan", "pelayanan", "melayani"]:
        assert titles(search(None, word)) == expected, word


def test_phrase_is_exact(corpus):
    assert titles(search(None, '"forum kecamatan"')) == {"Catatan rapat"}
    # the same words, not as a phrase
    assert titles(search(None, "forum kecamatan")) == {"Catatan rapat", "Forum Anak Kecamatan Teweh Tengah"}


def test_exclusion(corpus):
    found = titles(search(None, "forum -sekolah"))
    assert found == set()
    found = titles(search(None, "kecamatan -forum"))
    assert found == {"Sekolah ramah anak"}


def test_or_between_words(corpus):
    assert titles(search(None, "imunisasi OR pengaduan")) == {"Data imunisasi", "Pedoman layanan pengaduan"}
    assert titles(search(None, "imunisasi pengaduan")) == set()


def test_default_is_and(corpus):
    assert titles(search(None, "kesehatan puskesmas")) == {"Laporan pelayanan kesehatan anak"}


@pytest.mark.parametrize("typed", ["Perbup No. 5 Tahun 2024", "perbup 5/2024", "Peraturan Bupati Nomor 5 Tahun 2024", "PERBUP nomor 5 th 2024"])
def test_regulation_number_however_written(corpus, typed):
    assert titles(search(None, typed)) == {"Penetapan KLA"}


def test_synonyms_expand_abbreviations(corpus):
    result = search(None, "KLA")
    assert "Penetapan KLA" in titles(result)
    result = search(None, "Kabupaten Layak Anak")
    assert titles(result) == {"Penetapan KLA"}
    assert any(typed == "kabupaten layak anak" and "kla" in others for typed, others in result.synonyms_applied)
    # "Perbup" finds the document that only says "Peraturan Bupati"
    assert titles(search(None, "perbup")) == {"Penetapan KLA", "Perbup lain"}


def test_synonym_added_by_staff_is_used(corpus):
    from search.models import Synonym

    assert titles(search(None, "vaksinasi")) == set()
    Synonym.objects.create(terms="vaksinasi, imunisasi")
    result = search(None, "vaksinasi")
    assert titles(result) == {"Data imunisasi"}
    assert result.synonyms_applied == [("vaksinasi", ["imunisasi"])]


def test_synonyms_are_read_once_and_an_edit_is_seen_at_once(corpus, monkeypatch, django_assert_num_queries):
    from search import models

    monkeypatch.setattr(models, "_cacheable", lambda: True)  # outside the test's transaction, as in production
    monkeypatch.setattr(models, "_synonym_cache", {})
    monkeypatch.setattr(models.Synonym, "CACHE_SECONDS", 3600)
    models.Synonym.groups()
    with django_assert_num_queries(0):
        models.Synonym.groups()
    synonym = models.Synonym.objects.create(terms="vaksinasi, imunisasi")
    assert titles(search(None, "vaksinasi")) == {"Data imunisasi"}
    synonym.delete()
    assert titles(search(None, "vaksinasi")) == set()


def test_two_filtered_facets_count_with_the_other_filter_only(make_doc, opds):
    make_doc("Laporan gizi 2024", "gizi", kind="laporan", years=[2024], opd=opds["dinkes"])
    make_doc("Laporan gizi 2025", "gizi", kind="laporan", years=[2025], opd=opds["disdik"])
    make_doc("Data gizi 2024", "gizi", kind="data", years=[2024], opd=opds["dinkes"])
    make_doc("Data gizi 2023", "gizi", kind="data", years=[2023])
    result = search(None, "gizi", {"kind": ["data"], "year": ["2024", "2025"]})
    assert titles(result) == {"Data gizi 2024"} and result.count == 1
    counts = {name: {i["value"]: i["count"] for i in result.facets[name]["items"] if i["count"]} for name in ("kind", "year", "opd")}
    assert counts["kind"] == {"laporan": 2, "data": 1}  # years 2024/2025, every kind
    assert counts["year"] == {"2024": 1, "2023": 1}  # kind data, every year
    assert counts["opd"] == {"dinkes": 1}  # both filters


def test_snippet_marks_matches_and_escapes(make_doc):
    make_doc("Dokumen <b>tebal</b>", "Teks <script>alert(1)</script> tentang pelayanan posyandu & gizi.")
    hit = search(None, "layanan").hits[0]
    assert "<mark>pelayanan</mark>" in hit.snippet
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet
    assert "&amp;" in hit.snippet


def test_sort_by_date_and_pagination(make_doc):
    import datetime

    for i in range(5):
        make_doc(f"Laporan posyandu {i}", "posyandu", day=datetime.date(2024, 1, 1 + i))
    result = search(None, "posyandu", sort="date", per_page=2, page=1)
    assert result.count == 5 and result.num_pages == 3
    assert [h.title for h in result.hits] == ["Laporan posyandu 4", "Laporan posyandu 3"]
    assert [h.title for h in search(None, "posyandu", sort="date", per_page=2, page=3).hits] == ["Laporan posyandu 0"]


def test_a_pasted_page_is_cut_to_its_first_words_and_says_so():
    from search.query import MAX_CHARS, MAX_TERMS, parse

    pasted = parse("pelayanan " * 5000)
    assert pasted.truncated and pasted.positive_terms == [("pelayanan",)] * min(MAX_TERMS, MAX_CHARS // 10)
    assert not parse("pelayanan anak").truncated
