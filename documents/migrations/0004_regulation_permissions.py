"""Permissions of the roles (kla/roles.py) for regulations: the Sekretariat Gugus Tugas (and the
Administrator) add, edit, publish and delete; a Kontributor OPD adds and edits drafts but cannot
publish. Idempotent."""

from django.db import migrations

# Copied, not imported: a migration must not change when kla/roles.py does.
ADMINISTRATOR = "Administrator"
SEKRETARIAT = "Sekretariat Gugus Tugas"
KONTRIBUTOR = "Kontributor OPD"

ALL = ["add_regulation", "change_regulation", "delete_regulation", "view_regulation", "publish_regulation"]
GRANTS = {
    ADMINISTRATOR: ALL,
    SEKRETARIAT: ALL,
    KONTRIBUTOR: ["add_regulation", "change_regulation", "view_regulation"],
}


def regulation_permissions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label="documents", model="regulation")
    found = {}
    for codename in ALL:
        action = codename.split("_")[0]
        found[codename], _created = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": f"Can {action} regulation"}
        )
    return found


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    found = regulation_permissions(apps)
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*[found[c] for c in codenames])


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(content_type__app_label="documents", codename__in=ALL)
    for group in Group.objects.filter(name__in=list(GRANTS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0003_regulations"),
        ("kla", "0005_roles_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
