"""Wagtail admin parts of the documents app: the document permission policy (the admin asks
documents.permissions too), evidence, the access log and the completeness matrix."""

import django_filters
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy

from kla import roles

from . import views

from .models import AccessLog, AccessPath, ArchiveDocument, Evidence, ExportBundle, VerificationState
from .permissions import can_view_document, viewable_documents


class ArchiveDocumentPermissionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection/ownership rules, narrowed twice: the admin listing, search, choosers,
    edit and delete views never show a document the user may not read (THE read rule of
    documents.permissions), and a Kontributor OPD changes or deletes only their own OPD's
    documents (and their own uploads); choosing any readable document stays allowed."""

    def _may_edit(self, user, instance):
        return roles.is_secretariat(user) or (instance.opd_id is not None and instance.opd_id == roles.user_opd_id(user)) or instance.uploaded_by_user_id == user.pk

    def user_has_any_permission_for_instance(self, user, actions, instance):
        # (the parent's user_has_permission_for_instance delegates here)
        if not can_view_document(user, instance):
            return False
        if not self._may_edit(user, instance):
            actions = [action for action in actions if action == "choose"]
        return bool(actions) and super().user_has_any_permission_for_instance(user, actions, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = viewable_documents(user, super().instances_user_has_any_permission_for(user, actions))
        if "choose" not in actions and not roles.is_secretariat(user):
            queryset = queryset.filter(Q(opd_id=roles.user_opd_id(user) or -1) | Q(uploaded_by_user_id=user.pk))
        return queryset


def archive_document_permission_policy():
    return ArchiveDocumentPermissionPolicy(ArchiveDocument, auth_model="wagtaildocs.Document", owner_field_name="uploaded_by_user")


# --- Evidence ---------------------------------------------------------------------------------


class EvidencePermissionPolicy(BasePermissionPolicy):
    """Sekretariat: everything. Kontributor OPD: add evidence for their OPD's documents and
    change it until it is verified; never the verdicts (see Evidence.user_may_set_state)."""

    def user_has_permission(self, user, action):
        if roles.is_secretariat(user):
            return True
        return roles.is_contributor(user) and action in {"add", "change", "view"}

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()

    def user_has_permission_for_instance(self, user, action, instance):
        if roles.is_secretariat(user):
            return True
        if not self.user_has_permission(user, action) or instance.document.opd_id is None:
            return False
        own = instance.document.opd_id == roles.user_opd_id(user)
        if action == "change":
            return own and instance.state != VerificationState.VERIFIED
        return own

    def instances_user_has_any_permission_for(self, user, actions):
        queryset = Evidence.objects.all()
        if roles.is_secretariat(user):
            return queryset
        if not self.user_has_any_permission(user, actions):
            return queryset.none()
        return queryset.filter(document__opd_id=roles.user_opd_id(user) or -1)


class EvidenceForm(WagtailAdminModelForm):
    class Meta:
        model = Evidence
        fields = ["document", "indicator", "period", "state", "note", "valid_across_years", "is_stale", "stale_reason"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.previous_state = self.instance.state if self.instance.pk else VerificationState.DRAFT
        user = self.for_user
        if user is not None and not roles.is_secretariat(user):
            own = viewable_documents(user, ArchiveDocument.objects.filter(opd_id=roles.user_opd_id(user) or -1))
            self.fields["document"].queryset = own
            self.fields["state"].choices = [
                choice for choice in self.fields["state"].choices if Evidence.user_may_set_state(user, choice[0])
            ]

    def clean(self):
        cleaned = super().clean()
        state = cleaned.get("state")
        if state and self.for_user is not None and not Evidence.user_may_set_state(self.for_user, state):
            self.add_error("state", _("Only the Sekretariat Gugus Tugas can verify evidence or ask for a revision."))
        if state == VerificationState.NEEDS_REVISION and not cleaned.get("note"):
            self.add_error("note", _("Say what has to be revised."))
        if cleaned.get("is_stale") and not cleaned.get("stale_reason"):
            self.add_error("stale_reason", _("Say why the evidence is stale."))
        return cleaned

    def save(self, commit=True):
        evidence = super().save(commit=False)
        new_state = evidence.state
        evidence.state = self.previous_state
        try:
            evidence.set_state(self.for_user, new_state)
        except PermissionDenied as exc:  # clean() already refused; never save a verdict by accident
            raise ValidationError(str(exc)) from exc
        if commit:
            evidence.save()
            self.save_m2m()
        return evidence


class EvidenceFilterSet(WagtailFilterSet):
    class Meta:
        model = Evidence
        fields = ["state", "period", "indicator__cluster", "indicator", "document__opd", "valid_across_years", "is_stale"]


class EvidenceIndexView(generic.IndexView):
    def get_base_queryset(self):
        return (
            self.permission_policy.instances_user_has_any_permission_for(self.request.user, ["view", "change"])
            .select_related("document__opd", "indicator", "period", "verified_by")
        )


class EvidenceViewSet(ModelViewSet):
    model = Evidence
    icon = "tick-inverse"
    menu_label = gettext_lazy("Evidence")
    menu_order = 310
    add_to_admin_menu = True
    url_prefix = "evidence"
    form_fields = EvidenceForm.Meta.fields
    list_display = ["__str__", "document", "indicator", "period", "state", "verified_by"]
    filterset_class = EvidenceFilterSet
    index_view_class = EvidenceIndexView
    search_fields = ["document__title", "note"]

    def get_form_class(self, for_update=False):
        return EvidenceForm


# --- Access log -------------------------------------------------------------------------------


class StaffOnlyReadPolicy(BasePermissionPolicy):
    """Only the Sekretariat (and Administrators) read the access log; nobody edits it."""

    def user_has_permission(self, user, action):
        return action == "view" and roles.is_secretariat(user)

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.none()


class AccessLogFilterSet(WagtailFilterSet):
    user = django_filters.ModelChoiceFilter(label=gettext_lazy("user"), queryset=lambda request: _log_users())
    document_title = django_filters.CharFilter(label=gettext_lazy("document"), lookup_expr="icontains")
    path = django_filters.ChoiceFilter(label=gettext_lazy("path"), choices=AccessPath.choices)
    when = django_filters.DateFromToRangeFilter(label=gettext_lazy("date"), widget=DateRangePickerWidget)

    class Meta:
        model = AccessLog
        fields = ["user", "document_title", "path", "when"]


def _log_users():
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(pk__in=AccessLog.objects.values("user_id")).order_by("username")


class AccessLogIndexView(generic.IndexView):
    def get_base_queryset(self):
        return AccessLog.objects.select_related("user")


class AccessLogViewSet(ModelViewSet):
    model = AccessLog
    icon = "history"
    menu_label = gettext_lazy("Document access log")
    menu_order = 320
    add_to_admin_menu = True
    url_prefix = "log-akses-dokumen"
    inspect_view_enabled = True
    list_display = ["when", "user", "document_title", "access_level", "path", "ip"]
    list_export = ["when", "user", "document_title", "access_level", "path", "ip"]
    export_filename = "log-akses-dokumen"
    filterset_class = AccessLogFilterSet
    index_view_class = AccessLogIndexView
    form_fields = []


# --- Completeness matrix (admin) --------------------------------------------------------------


def completeness_admin(request):
    if not views.user_may_see_matrix(request.user):
        raise PermissionDenied
    context = views.completeness_context(request)
    context["bundles"] = ExportBundle.objects.filter(requested_by=request.user).select_related("indicator", "cluster", "period")[:10]
    context["page_title"] = _("Evidence completeness")
    return render(request, "documents/admin/completeness.html", context)
