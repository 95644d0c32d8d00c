"""The four roles of the portal, as Django groups created by a migration on every install."""

ADMINISTRATOR = "Administrator"
SEKRETARIAT = "Sekretariat Gugus Tugas"
KONTRIBUTOR = "Kontributor OPD"
ASESOR = "Asesor"

ALL_ROLES = [ADMINISTRATOR, SEKRETARIAT, KONTRIBUTOR, ASESOR]


def role_names(user):
    """The role names of ``user`` (cached on the user object for the request)."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_sibulan_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        user._sibulan_roles = cached
    return cached


def is_administrator(user):
    return bool(getattr(user, "is_superuser", False)) or ADMINISTRATOR in role_names(user)


def is_secretariat(user):
    """Sekretariat Gugus Tugas or Administrator: full editorial rights."""
    return is_administrator(user) or SEKRETARIAT in role_names(user)


def is_assessor(user):
    return ASESOR in role_names(user)


def is_contributor(user):
    return KONTRIBUTOR in role_names(user)


def user_opd_id(user):
    """The id of the OPD the user works for, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    profile = getattr(user, "sibulan_profile", None)
    return profile.opd_id if profile else None
