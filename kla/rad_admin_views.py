"""The RAD KLA in the Wagtail admin: the monitoring dashboard, realisation reporting (Kontributor
OPD) and verification (Sekretariat), export and import, and the scores of every period.
Who may do what: kla/permissions.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import permissions, rad_io, roles
from .dashboard_views import progress_charts, score_context, selected_year
from .forms import RadImportForm, RealisationForm, ReviewForm
from .models import AssessmentPeriod, RadAction, RadPlan, RadRealisation, ReviewState
from .monitoring import monitoring


def require(allowed):
    if not allowed:
        raise PermissionDenied


def plan_or_none():
    return RadPlan.current()


def dashboard(request):
    require(permissions.can_use_rad_admin(request.user))
    plan = plan_or_none()
    context = {"page_title": _("RAD KLA monitoring"), "plan": plan}
    if plan is not None:
        year = selected_year(request, plan)
        result = monitoring(plan, year)
        context.update(
            year=year, result=result, clusters=result.by_cluster, indicators=result.by_indicator, opds=result.by_opd,
            charts=progress_charts("klaster", result.by_cluster, lambda s: s.obj.label),
            pending=RadRealisation.objects.filter(action__plan=plan, review_state=ReviewState.SUBMITTED).count(),
        )
    return render(request, "kla/admin/rad_dashboard.html", context)


def realisation_list(request):
    """Contributor: the actions they report on and their reports. Sekretariat: every report,
    by default those waiting for verification."""
    require(permissions.can_use_rad_admin(request.user))
    plan = plan_or_none()
    state = request.GET.get("status", ReviewState.SUBMITTED if permissions.can_verify(request.user) else "")
    actions = realisations = []
    if plan is not None:
        actions = (
            RadAction.objects.filter(permissions.reportable_actions_q(request.user), plan=plan).distinct()
            .select_related("indicator", "responsible_opd").annotate(report_count=Count("realisations", distinct=True))
        )
        realisations = RadRealisation.objects.filter(action__in=actions.values("pk")).select_related("action__indicator", "action__responsible_opd", "reported_by")
        if state in ReviewState.values:
            realisations = realisations.filter(review_state=state)
        realisations = realisations.order_by("-updated_at")[:200]
    context = {
        "page_title": _("RAD realisation"), "plan": plan, "actions": actions, "realisations": realisations,
        "states": ReviewState.choices, "state": state, "may_verify": permissions.can_verify(request.user),
    }
    return render(request, "kla/admin/rad_realisation_list.html", context)


def save_report(request, form, realisation):
    realisation = form.save(commit=False)
    if realisation.pk is None:
        realisation.reported_by = request.user
    # Reporting never verifies: a saved report is a draft or waits for the Sekretariat.
    realisation.review_state = ReviewState.SUBMITTED if "submit" in request.POST else ReviewState.DRAFT
    realisation.verified_by, realisation.verified_at = None, None
    realisation.save()
    form.save_m2m()
    if realisation.review_state == ReviewState.SUBMITTED:
        messages.success(request, _("The realisation was sent to the Sekretariat for verification."))
    else:
        messages.success(request, _("The realisation was saved as a draft."))
    return redirect("kla_rad_realisations")


def realisation_form(request, action, realisation=None):
    form = RealisationForm(request.POST or None, instance=realisation, action=action, user=request.user)
    if request.method == "POST" and form.is_valid():
        return save_report(request, form, realisation)
    context = {
        "page_title": _("Report realisation"), "action": action, "form": form, "realisation": realisation,
        "targets": action.targets.all(),
    }
    return render(request, "kla/admin/rad_realisation_form.html", context)


def realisation_create(request, action_id):
    action = get_object_or_404(RadAction.objects.select_related("indicator", "responsible_opd", "plan"), pk=action_id)
    require(permissions.can_report_for(request.user, action))
    return realisation_form(request, action)


def realisation_edit(request, pk):
    realisation = get_object_or_404(RadRealisation.objects.select_related("action__indicator", "action__responsible_opd", "action__plan"), pk=pk)
    require(permissions.can_edit_realisation(request.user, realisation))
    return realisation_form(request, realisation.action, realisation)


def realisation_review(request, pk):
    require(permissions.can_verify(request.user))
    from documents.permissions import viewable_documents

    realisation = get_object_or_404(RadRealisation.objects.select_related("action__indicator", "action__responsible_opd", "reported_by", "verified_by"), pk=pk)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["decision"] == ReviewForm.VERIFY:
            realisation.review_state = ReviewState.VERIFIED
            realisation.verified_by, realisation.verified_at = request.user, timezone.now()
            messages.success(request, _("The realisation was verified."))
        else:
            realisation.review_state = ReviewState.NEEDS_REVISION
            realisation.verified_by, realisation.verified_at = None, None
            messages.success(request, _("The realisation was sent back for revision."))
        realisation.review_note = form.cleaned_data["note"]
        realisation.save()
        return redirect("kla_rad_realisations")
    context = {
        "page_title": _("Verify realisation"), "realisation": realisation, "action": realisation.action, "form": form,
        "evidence": viewable_documents(request.user, realisation.evidence.all()),
        "target": realisation.action.targets.filter(year=realisation.year).first(),
    }
    return render(request, "kla/admin/rad_realisation_review.html", context)


def export(request, fmt):
    require(permissions.can_use_rad_admin(request.user))
    if fmt not in ("xlsx", "csv"):
        raise Http404
    plan = get_object_or_404(RadPlan, pk=request.GET.get("plan")) if request.GET.get("plan") else plan_or_none()
    if plan is None:
        raise PermissionDenied
    filename = slugify(plan.name) or "rad-kla"
    if fmt == "xlsx":
        response = HttpResponse(rad_io.export_xlsx(plan), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        response = HttpResponse(rad_io.export_csv(plan), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def import_view(request):
    require(roles.is_secretariat(request.user))
    plan = plan_or_none()
    form = RadImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid() and plan is not None:
        upload = form.cleaned_data["file"]
        result = rad_io.import_file(plan, upload, upload.name)
        if result.ok:
            messages.success(request, _("Import finished: %(created)s actions created, %(updated)s updated.") % {"created": result.created, "updated": result.updated})
            return redirect("kla_rad_import")
    context = {"page_title": _("Export and import the RAD"), "plan": plan, "form": form, "result": result}
    return render(request, "kla/admin/rad_import.html", context)


def scores(request):
    require(roles.is_secretariat(request.user))
    context = score_context(AssessmentPeriod.objects.all())
    context["page_title"] = _("KLA score")
    context["score_list_url"] = reverse("wagtailsnippets_kla_indicatorscore:list")
    return render(request, "kla/admin/scores.html", context)

