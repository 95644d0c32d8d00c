"""Model permissions of the RAD KLA and the scores for the roles (the Administrator gets every
permission from kla.signal_handlers). Realisation is reported and verified through kla's own
admin views, which check the roles themselves (kla/permissions.py)."""

import importlib

from django.db import migrations

SEKRETARIAT = "Sekretariat Gugus Tugas"
ASESOR = "Asesor"

RAD_MODELS = ["radplan", "radaction", "radtarget", "radrealisation", "indicatorscore"]
GRANTS = {
    SEKRETARIAT: [f"{action}_{model}" for model in RAD_MODELS for action in ("add", "change", "delete", "view")],
    ASESOR: ["view_radplan", "view_radaction", "view_indicatorscore"],
}


def grant_rad_permissions(apps, schema_editor):
    roles_migration = importlib.import_module("kla.migrations.0005_roles_and_workflow")
    roles_migration.ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*roles_migration.permissions(apps, "kla", codenames))


class Migration(migrations.Migration):
    dependencies = [("kla", "0006_rad_and_scores")]

    operations = [migrations.RunPython(grant_rad_permissions, migrations.RunPython.noop)]
