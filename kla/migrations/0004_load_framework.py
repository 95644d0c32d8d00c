"""Loads the KLA framework (clusters, 24 indicators, predicate bands) and the regency data
(9 kecamatan, OPD) from ``kla/fixtures/kla_framework.json`` on every install.
Idempotent: rows are matched by code / number / name and updated in place."""

import json
from pathlib import Path

from django.db import migrations

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "kla_framework.json"

FIELDS = {
    "Cluster": ("code", ["order", "name", "name_en", "slug", "description", "sources"]),
    "Indicator": ("number", ["name", "name_en", "slug", "description", "evidence_examples", "name_variants", "measures", "sources", "evidence_sources", "notes"]),
    "PredicateBand": ("name", ["min_score", "max_score", "sources"]),
    "Kecamatan": ("code", ["name", "capital", "desa_count", "kelurahan_count", "aliases", "notes", "sources"]),
    "OPD": ("code", ["name", "short_name", "kind", "notes", "sources"]),
}
SECTIONS = {"Cluster": "clusters", "Indicator": "indicators", "PredicateBand": "predicates", "Kecamatan": "kecamatan", "OPD": "opd"}


def load_framework(apps, schema_editor):
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    clusters = {}
    for model_name, section in SECTIONS.items():
        model = apps.get_model("kla", model_name)
        key, fields = FIELDS[model_name]
        for row in data[section]:
            defaults = {name: row[name] for name in fields}
            if model_name == "Indicator":
                defaults["cluster"] = clusters[row["cluster"]]
            obj, _created = model.objects.update_or_create(**{key: row[key]}, defaults=defaults)
            if model_name == "Cluster":
                clusters[obj.code] = obj


class Migration(migrations.Migration):
    dependencies = [("kla", "0003_framework_fields")]

    operations = [migrations.RunPython(load_framework, migrations.RunPython.noop)]
