from django.db.models.signals import post_migrate

from . import roles


def give_administrator_every_permission(sender, using="default", **kwargs):
    """Permissions of apps migrated after kla's role migration also go to the Administrator role."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.using(using).filter(name=roles.ADMINISTRATOR).first()
    if group is not None:
        group.permissions.add(*Permission.objects.using(using).exclude(group=group))


def register_signal_handlers():
    post_migrate.connect(give_administrator_every_permission, dispatch_uid="kla_administrator_permissions")
