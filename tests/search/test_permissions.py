"""Restricted documents never show in hits, snippets or facet counts to someone who may not read them."""

import pytest

from search.service import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(make_doc, opds):
    make_doc("Laporan imunisasi publik", "Cakupan imunisasi di posyandu.", kind="laporan", opd=opds["dinkes"], indicators=[17])
    make_doc("Bukti imunisasi untuk asesor", "Rincian imunisasi rahasiakatakunci per desa.", access_level="assessor", kind="bukti", opd=opds["dinkes"], years=[2026], indicators=[18])
    make_doc("Catatan internal imunisasi", "Catatan imunisasi rahasiakatakunci internal.", access_level="internal", kind="data", opd=opds["dinkes"], years=[2027])


def facet_total(result, name):
    return {i["value"]: i["count"] for i in result.facets[name]["items"]}


def test_anonymous_sees_only_public(archive, anonymous):
    result = search(anonymous, "imunisasi")
    assert [h.title for h in result.hits] == ["Laporan imunisasi publik"]
    assert result.count == 1
    assert facet_total(result, "kind") == {"laporan": 1}
    assert facet_total(result, "year") == {"2025": 1}
    assert "18" not in facet_total(result, "indicator")
    assert search(anonymous, "rahasiakatakunci").count == 0
    assert all("rahasia" not in str(h.snippet) for h in result.hits)


def test_other_opd_contributor_does_not_see_restricted(archive, contributor):
    result = search(contributor("disdik"), "imunisasi")
    assert result.count == 1
    assert facet_total(result, "opd") == {"dinkes": 1}


def test_own_opd_contributor_sees_its_restricted(archive, contributor):
    result = search(contributor("dinkes"), "rahasiakatakunci")
    assert {h.title for h in result.hits} == {"Bukti imunisasi untuk asesor", "Catatan internal imunisasi"}


def test_assessor_sees_assessor_documents_but_not_internal(archive, assessor):
    result = search(assessor, "imunisasi")
    assert {h.title for h in result.hits} == {"Laporan imunisasi publik", "Bukti imunisasi untuk asesor"}
    assert facet_total(result, "year") == {"2025": 1, "2026": 1}
    assert "<mark>rahasiakatakunci</mark>" in str(search(assessor, "rahasiakatakunci").hits[0].snippet)


def test_assessor_outside_period_sees_only_public(archive, assessor):
    from kla.models import AssessmentPeriod

    AssessmentPeriod.objects.all().delete()
    assert search(assessor, "imunisasi").count == 1


def test_filters_and_disjunctive_facets(archive, assessor):
    result = search(assessor, "imunisasi", {"kind": ["laporan"]})
    assert [h.title for h in result.hits] == ["Laporan imunisasi publik"]
    # the other kind is still offered with its count, so that it can be ticked too
    assert facet_total(result, "kind") == {"laporan": 1, "bukti": 1}
    assert facet_total(result, "year") == {"2025": 1}
    assert search(assessor, "imunisasi", {"kind": ["laporan", "bukti"]}).count == 2
    assert search(assessor, "imunisasi", {"indicator": ["18"]}).count == 1
    assert search(assessor, "", {"cluster": ["IV"]}).count >= 0  # browse without words works


def test_regulation_type_facet_is_empty_until_regulations_exist(archive, anonymous):
    assert search(anonymous, "imunisasi").facets["regulation_type"]["items"] == []
