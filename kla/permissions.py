"""Who may report, change and verify RAD realisation (the one place for these rules).

- The Sekretariat (and Administrator) may report for any action and is the only one who verifies.
- A Kontributor OPD reports only for actions where their OPD is responsible or supporting, and
  changes a report only while it is a draft or sent back for revision; they never verify.
"""

from django.db.models import Q

from . import roles


def reportable_actions_q(user):
    """A Q over RadAction for the actions ``user`` may report on."""
    if roles.is_secretariat(user):
        return Q()
    opd_id = roles.user_opd_id(user) if roles.is_contributor(user) else None
    if opd_id is None:
        return Q(pk__in=[])
    return Q(responsible_opd_id=opd_id) | Q(supporting_opds=opd_id)


def can_report_for(user, action):
    if roles.is_secretariat(user):
        return True
    opd_id = roles.user_opd_id(user) if roles.is_contributor(user) else None
    if opd_id is None:
        return False
    return action.responsible_opd_id == opd_id or action.supporting_opds.filter(pk=opd_id).exists()


def can_edit_realisation(user, realisation):
    if roles.is_secretariat(user):
        return True
    return realisation.is_editable_by_reporter and can_report_for(user, realisation.action)


def can_verify(user):
    return roles.is_secretariat(user)


def can_use_rad_admin(user):
    """The RAD pages of the admin: the Sekretariat and the Kontributor OPD."""
    return roles.is_secretariat(user) or roles.is_contributor(user)
