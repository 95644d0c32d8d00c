"""Regulations (JDIH) in the one search box: published ones for everyone, found by their number
however it is written, with the regulation-type facet; the text of a restricted file never shows."""

import pytest

from search.service import search

pytestmark = pytest.mark.django_db


def regulation_hits(result):
    return [hit for hit in result.hits if hit.content_kind == "regulation"]


def facet(result, name):
    return {i["value"]: i["count"] for i in result.facets[name]["items"] if i["count"]}


@pytest.mark.parametrize("typed", ["Perbup No. 5 Tahun 2024", "perbup 5/2024", "Peraturan Bupati Nomor 5 Tahun 2024"])
def test_found_by_its_number_however_written(make_regulation, anonymous, typed):
    wanted = make_regulation(5, 2024, "Kabupaten Layak Anak", indicators=[1])
    make_regulation(7, 2024, "Kawasan Tanpa Rokok")
    make_regulation(5, 2023, "Forum Anak")

    hits = regulation_hits(search(anonymous, typed))
    assert [hit.title for hit in hits] == ["PERBUP No. 5 Tahun 2024 tentang Kabupaten Layak Anak"]
    hit = hits[0]
    assert hit.url == wanted.get_absolute_url()
    assert hit.document_kind == "Peraturan Bupati"
    assert hit.year == 2024 and [i["number"] for i in hit.indicators] == [1]


def test_found_by_another_inflection_of_a_word_of_its_abstract(make_regulation, anonymous):
    make_regulation(3, 2024, "Pusat Pembelajaran Keluarga", abstract="Mengatur pelayanan konseling keluarga oleh PUSPAGA.")
    make_regulation(4, 2024, "Kawasan Tanpa Rokok", abstract="Larangan merokok di sekolah.")

    hits = regulation_hits(search(anonymous, "melayani"))
    assert [hit.title for hit in hits] == ["PERBUP No. 3 Tahun 2024 tentang Pusat Pembelajaran Keluarga"]
    assert "<mark>pelayanan</mark>" in hits[0].snippet


def test_drafts_and_unpublished_regulations_are_not_found(make_regulation, anonymous, assessor):
    make_regulation(8, 2024, "Rancangan ruangbermainkatakunci", publish=False)
    published = make_regulation(9, 2024, "Taman tamanbacakatakunci")
    for user in (anonymous, assessor):
        assert search(user, "ruangbermainkatakunci").count == 0
    assert [h.title for h in regulation_hits(search(anonymous, "tamanbacakatakunci"))] == ["PERBUP No. 9 Tahun 2024 tentang Taman tamanbacakatakunci"]

    published.refresh_from_db()
    published.unpublish()
    result = search(anonymous, "tamanbacakatakunci")
    assert result.count == 0 and "regulation" not in facet(result, "content_kind")


def test_regulation_type_facet_counts_and_filter(make_regulation, anonymous):
    make_regulation(1, 2024, "Perlindungan Anak", type="PERDA")
    make_regulation(2, 2024, "Perlindungan Anak di Sekolah")
    make_regulation(3, 2023, "Perlindungan Anak di Desa")
    make_regulation(4, 2024, "Perlindungan Anak Terlantar", publish=False)

    result = search(anonymous, "perlindungan", {"content_kind": ["regulation"]})
    assert result.count == 3
    assert facet(result, "content_kind") == {"regulation": 3}
    assert facet(result, "regulation_type") == {"PERDA": 1, "PERBUP": 2}
    labels = {i["value"]: i["label"] for i in result.facets["regulation_type"]["items"]}
    assert labels == {"PERDA": "Peraturan Daerah", "PERBUP": "Peraturan Bupati"}
    assert facet(result, "year") == {"2024": 2, "2023": 1}

    perda = search(anonymous, "perlindungan", {"regulation_type": ["PERDA"]})
    assert [h.title for h in perda.hits] == ["PERDA No. 1 Tahun 2024 tentang Perlindungan Anak"]
    assert facet(perda, "regulation_type") == {"PERDA": 1, "PERBUP": 2}  # disjunctive: the other type stays choosable
    assert facet(perda, "content_kind") == {"regulation": 1}
    both = search(anonymous, "perlindungan", {"regulation_type": ["PERBUP"], "year": ["2023"]})
    assert [h.title for h in both.hits] == ["PERBUP No. 3 Tahun 2023 tentang Perlindungan Anak di Desa"]
    assert facet(both, "regulation_type") == {"PERBUP": 1}  # the 2023 regulations, of every type
    assert facet(both, "year") == {"2024": 1, "2023": 1}  # the Perbup of every year
    assert facet(both, "content_kind") == {"regulation": 1}
    assert search(anonymous, "perlindungan", {"kind": ["laporan"]}).count == 0  # a document facet: no regulation passes


def test_the_text_of_a_restricted_file_never_shows(make_regulation, anonymous, contributor):
    make_regulation(
        6, 2024, "Gugus Tugas KLA", abstract="Pembentukan gugus tugas.", file_level="internal",
        file_text="Gugus tugas lampiran rahasiakatakunci nama dan nomor telepon anggota.",
    )
    result = search(anonymous, "gugus tugas")
    assert [h.title for h in result.hits] == ["PERBUP No. 6 Tahun 2024 tentang Gugus Tugas KLA"]
    assert "rahasiakatakunci" not in result.hits[0].snippet and "telepon" not in result.hits[0].snippet
    assert search(anonymous, "rahasiakatakunci").count == 0
    assert search(contributor("disdik"), "rahasiakatakunci").count == 0
