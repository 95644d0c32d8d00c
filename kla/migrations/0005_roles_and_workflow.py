"""The four roles of ``kla/roles.py`` as groups, with their Wagtail page, collection and model
permissions, and the moderation workflow that sends a contributor's page to the Sekretariat.

Runs on an empty database right after Wagtail's own migrations: content types and permissions
that Django normally creates only after ``migrate`` (post_migrate) are created here first.
Idempotent; re-running it converges on the same state."""

from django.db import migrations

# The names are copied, not imported: a migration must not change when kla/roles.py does.
ADMINISTRATOR = "Administrator"
SEKRETARIAT = "Sekretariat Gugus Tugas"
KONTRIBUTOR = "Kontributor OPD"
ASESOR = "Asesor"

WORKFLOW_NAME = "Moderasi Sekretariat Gugus Tugas"
TASK_NAME = "Persetujuan Sekretariat Gugus Tugas"

KLA_SNIPPETS = ["cluster", "indicator", "predicateband", "kecamatan", "opd", "assessmentperiod"]
ALL_PAGE_PERMISSIONS = ["add_page", "change_page", "delete_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"]
ALL_COLLECTION_PERMISSIONS = {
    "wagtaildocs": ["add_document", "change_document", "delete_document", "choose_document"],
    "wagtailimages": ["add_image", "change_image", "delete_image", "choose_image"],
    "wagtailcore": ["add_collection", "change_collection", "delete_collection"],
}

ROLES = {
    ADMINISTRATOR: {
        "all_model_permissions": True,
        "page": ALL_PAGE_PERMISSIONS,
        "collection": ALL_COLLECTION_PERMISSIONS,
    },
    SEKRETARIAT: {
        "model": {
            "wagtailadmin": ["access_admin"],
            "kla": [f"{action}_{model}" for model in KLA_SNIPPETS for action in ("add", "change", "delete", "view")],
            "documents": ["add_archivedocument", "change_archivedocument", "delete_archivedocument", "view_archivedocument", "choose_document"],
        },
        "page": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
        "collection": ALL_COLLECTION_PERMISSIONS,
    },
    KONTRIBUTOR: {
        "model": {
            "wagtailadmin": ["access_admin"],
            "documents": ["add_archivedocument", "change_archivedocument", "choose_document"],
        },
        "page": ["add_page", "change_page"],
        "collection": {
            "wagtaildocs": ["add_document", "change_document", "choose_document"],
            "wagtailimages": ["add_image", "change_image", "choose_image"],
        },
    },
    ASESOR: {
        "model": {
            "wagtailadmin": ["access_admin"],
            "kla": [f"view_{model}" for model in KLA_SNIPPETS],
        },
    },
}

# Wagtail's own default groups: replaced by the roles above when nobody uses them yet.
WAGTAIL_DEFAULT_GROUPS = ["Moderators", "Editors"]


def ensure_permissions(apps):
    """Create the content types and permissions of every app now (normally done post_migrate)."""
    from django.contrib.auth.management import create_permissions
    from django.contrib.contenttypes.management import create_contenttypes

    for app_config in apps.get_app_configs():
        models_module = getattr(app_config, "models_module", None)  # unset on the historical app configs of a migration
        app_config.models_module = models_module or True
        try:
            create_contenttypes(app_config, verbosity=0, apps=apps)
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = models_module


def permissions(apps, app_label, codenames):
    Permission = apps.get_model("auth", "Permission")
    found = list(Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    missing = set(codenames) - {p.codename for p in found}
    if missing:
        raise RuntimeError(f"Missing permissions {app_label}: {sorted(missing)}")
    return found


def create_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    groups = {}
    for name, spec in ROLES.items():
        group, _created = Group.objects.get_or_create(name=name)
        groups[name] = group
        if spec.get("all_model_permissions"):
            group.permissions.set(Permission.objects.all())
        else:
            group.permissions.set([p for app_label, codenames in spec["model"].items() for p in permissions(apps, app_label, codenames)])

        GroupPagePermission.objects.filter(group=group).delete()
        if root_page and spec.get("page"):
            for permission in permissions(apps, "wagtailcore", spec["page"]):
                GroupPagePermission.objects.create(group=group, page=root_page, permission=permission)

        GroupCollectionPermission.objects.filter(group=group).delete()
        if root_collection:
            for app_label, codenames in spec.get("collection", {}).items():
                for permission in permissions(apps, app_label, codenames):
                    GroupCollectionPermission.objects.create(group=group, collection=root_collection, permission=permission)

    create_workflow(apps, groups[SEKRETARIAT], root_page)

    for name in WAGTAIL_DEFAULT_GROUPS:
        Group.objects.filter(name=name, user__isnull=True).delete()


def create_workflow(apps, group, root_page):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME, content_type=task_type, active=True)
    task.groups.set([group])

    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root_page is not None:
        # The root page's workflow covers every page created under it later, the home page included.
        WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    # Wagtail's default "Moderators approval" workflow is replaced by this one.
    Workflow.objects.exclude(pk=workflow.pk).filter(workflow_pages__isnull=True, name="Moderators approval").update(active=False)


def remove_roles(apps, schema_editor):
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore", "Task").objects.filter(name=TASK_NAME).delete()
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("kla", "0004_load_framework"),
        ("documents", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
