"""The PostgreSQL matcher (search/match_postgres.py): the words of a query may sit in the title
or the body, a title match ranks first, and the bounded body ranking keeps pages consistent.
Runs when the suite runs on PostgreSQL (SIBULAN_TEST_KEEP_ENV=1 DATABASE_URL=postgres://...)."""

import datetime

import pytest
from django.db import connection

from search import match_postgres
from search.service import search

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL matcher (the suite runs on SQLite)"),
]


def titles(result):
    return [hit.title for hit in result.hits]


@pytest.fixture(autouse=True, params=["through the primary key", "by a table scan"])
def restriction(request, monkeypatch):
    """Every test runs with both ways of narrowing a table to the matching rows."""
    if request.param == "by a table scan":
        monkeypatch.setattr(match_postgres, "FEW_MATCHES", 0)


@pytest.fixture
def ranked(make_doc):
    """One document with the word in its title (the oldest), four with it only in the body."""
    make_doc("Rencana imunisasi desa", "Jadwal kegiatan posyandu bulan ini.", day=datetime.date(2024, 1, 1))
    for i, times in enumerate([1, 3, 5, 2]):
        make_doc(f"Laporan kegiatan {i}", " ".join(["Cakupan imunisasi dasar meningkat."] * times + ["Kegiatan berjalan baik."] * 5),
                 day=datetime.date(2025, 1, 1 + i))


def test_a_title_match_ranks_above_body_only_matches(ranked):
    found = titles(search(None, "imunisasi"))
    assert found[0] == "Rencana imunisasi desa"
    assert len(found) == 5


def test_body_matches_are_ordered_by_how_often_the_word_occurs(ranked):
    found = titles(search(None, "imunisasi"))
    assert found[1:3] == ["Laporan kegiatan 2", "Laporan kegiatan 1"]  # five, then three times


def test_bounded_body_ranking_keeps_title_matches_first_and_pages_consistent(ranked, monkeypatch):
    monkeypatch.setattr(match_postgres, "BODY_RANKED", 2)
    pages = [titles(search(None, "imunisasi", per_page=2, page=page)) for page in (1, 2, 3)]
    assert pages[0][0] == "Rencana imunisasi desa"
    every = [title for page in pages for title in page]
    assert sorted(every) == sorted(["Rencana imunisasi desa"] + [f"Laporan kegiatan {i}" for i in range(4)])


def test_words_split_between_title_and_body_match_together(make_doc):
    make_doc("Rencana imunisasi", "Kegiatan di posyandu Muara Teweh.")
    make_doc("Rencana kerja", "Kegiatan di posyandu Lahei.")
    assert titles(search(None, "imunisasi posyandu")) == ["Rencana imunisasi"]
    assert titles(search(None, '"rencana imunisasi"')) == ["Rencana imunisasi"]


def test_an_excluded_word_in_the_title_excludes_the_document(make_doc):
    make_doc("Catatan rahasia", "Pelayanan kesehatan anak di puskesmas.")
    make_doc("Catatan terbuka", "Pelayanan kesehatan anak di sekolah.")
    assert titles(search(None, "pelayanan -rahasia")) == ["Catatan terbuka"]


def test_a_query_of_only_an_exclusion_finds_everything_else(make_doc):
    make_doc("Catatan rahasia", "Pelayanan kesehatan anak di puskesmas.")
    make_doc("Catatan terbuka", "Pelayanan kesehatan anak di sekolah.")
    result = search(None, "-puskesmas", filters={"content_kind": ["document"]})
    assert titles(result) == ["Catatan terbuka"]
    assert result.count == 1


def test_restricted_documents_stay_out_of_bounded_ranking(make_doc, monkeypatch):
    monkeypatch.setattr(match_postgres, "BODY_RANKED", 1)
    make_doc("Imunisasi terbatas", "Imunisasi imunisasi imunisasi.", access_level="internal")
    make_doc("Laporan terbuka", "Cakupan imunisasi dasar.")
    result = search(None, "imunisasi")
    assert titles(result) == ["Laporan terbuka"]
    assert result.count == 1
    assert result.facets["kind"]["items"][0]["count"] == 1
