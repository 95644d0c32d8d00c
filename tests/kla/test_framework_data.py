"""The KLA framework and the regency data exist on every install (data migrations)."""

import json
from collections import Counter
from pathlib import Path

import pytest

from kla.models import OPD, Cluster, Indicator, Kecamatan, PredicateBand

pytestmark = pytest.mark.django_db

FIXTURE = json.loads((Path(__file__).resolve().parents[2] / "kla" / "fixtures" / "kla_framework.json").read_text())


def test_24_indicators_in_six_groups_numbered_1_to_24(kla_data):
    clusters = list(Cluster.objects.order_by("order"))
    assert [c.code for c in clusters] == ["KL", "I", "II", "III", "IV", "V"]
    per_cluster = Counter(Indicator.objects.values_list("cluster__code", flat=True))
    assert [per_cluster[c.code] for c in clusters] == [3, 3, 5, 6, 3, 4]
    assert sorted(Indicator.objects.values_list("number", flat=True)) == list(range(1, 25))


def test_indicators_keep_their_sources_and_say_what_they_mean(kla_data):
    for indicator in Indicator.objects.all():
        assert indicator.sources, indicator
        assert all(url.startswith("http") for url in indicator.sources), indicator
        assert indicator.name and indicator.name_en and indicator.description, indicator
    assert "Kutipan Akta Kelahiran" in Indicator.objects.get(number=4).name
    assert Indicator.objects.get(number=1).evidence_examples


def test_unverified_points_of_the_reference_are_kept_as_notes(kla_data):
    for number in (22, 23, 24):
        assert any("UNVERIFIED" in note for note in Indicator.objects.get(number=number).notes)
    assert any("IPS Rokok" in note for note in Indicator.objects.get(number=17).notes)


def test_nine_kecamatan_with_kemendagri_codes(kla_data):
    codes = list(Kecamatan.objects.order_by("code").values_list("code", flat=True))
    assert codes == [f"62.05.0{i}" for i in range(1, 10)]
    assert Kecamatan.objects.get(code="62.05.05").name == "Teweh Tengah"
    assert Kecamatan.objects.get(code="62.05.01").capital == "Tumpung Laung II"


def test_opd_list_separates_regency_agencies_from_vertical_and_partner_bodies(kla_data):
    dp3 = OPD.objects.get(code="dp3ap2kb")
    assert dp3.kind == OPD.Kind.REGENCY
    assert any("Dalduk KB dan P3A" in note for note in dp3.notes)
    assert OPD.objects.get(code="polres").kind == OPD.Kind.VERTICAL
    assert OPD.objects.get(code="kemenag").kind == OPD.Kind.VERTICAL
    for code in ("setda", "bappedalitbang", "disdik", "dinkes", "dinsos", "disdukcapil", "dpupr", "rsud-muara-teweh"):
        assert OPD.objects.get(code=code).kind == OPD.Kind.REGENCY
    assert OPD.objects.count() == len(FIXTURE["opd"])


def test_predicate_bands_as_data(kla_data):
    bands = [(b.name, b.min_score, b.max_score) for b in PredicateBand.objects.all()]
    assert bands == [("Pratama", 500, 600), ("Madya", 601, 700), ("Nindya", 701, 800), ("Utama", 801, 900), ("KLA", 901, 1000)]


def test_loading_the_fixture_again_changes_and_duplicates_nothing(kla_data):
    import importlib

    from django.apps import apps

    before = {model: list(model.objects.order_by("pk").values()) for model in (Cluster, Indicator, PredicateBand, Kecamatan, OPD)}
    importlib.import_module("kla.migrations.0004_load_framework").load_framework(apps, None)
    after = {model: list(model.objects.order_by("pk").values()) for model in (Cluster, Indicator, PredicateBand, Kecamatan, OPD)}
    assert before == after
