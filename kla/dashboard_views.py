"""Public pages of the RAD KLA monitoring and of the KLA score. Only verified realisation (see
kla.monitoring) and only the scores of published periods are shown here."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _

from .charts import bar_chart
from .models import AssessmentPeriod, Cluster, RadPlan
from .monitoring import actions_for_monitoring, default_year, monitoring
from .scoring import MAX_SCORE, period_results
from .templatetags.kla_rad import num, pct
from .views import overview_crumb


def selected_year(request, plan):
    try:
        year = int(request.GET.get("tahun", ""))
    except ValueError:
        return default_year(plan)
    return year if plan.start_year <= year <= plan.end_year else default_year(plan)


def progress_charts(prefix, summaries, short_label):
    """Two charts over ``summaries``: progress against target and budget realised."""
    return [
        bar_chart(f"{prefix}-capaian", _("Progress against the target"), [(short_label(s), s.progress, pct(s.progress)) for s in summaries]),
        bar_chart(f"{prefix}-anggaran", _("Budget realised"), [(short_label(s), s.budget_percent, pct(s.budget_percent)) for s in summaries]),
    ]


def rad_crumb():
    return {"title": _("RAD KLA monitoring"), "url": reverse("kla:rad")}


def current_plan():
    plan = RadPlan.current()
    if plan is None:
        raise Http404
    return plan


def rad_summary(request):
    plan = RadPlan.current()
    context = {"plan": plan, "breadcrumbs": [overview_crumb(), rad_crumb()]}
    if plan is not None:
        year = selected_year(request, plan)
        result = monitoring(plan, year)
        clusters = result.by_cluster
        context.update(
            year=year, result=result, clusters=clusters, indicators=result.by_indicator,
            charts=progress_charts("klaster", clusters, lambda s: s.obj.label),
        )
    return render(request, "kla/rad_summary.html", context)


def rad_cluster(request, slug):
    plan = current_plan()
    cluster = get_object_or_404(Cluster, slug=slug)
    year = selected_year(request, plan)
    result = monitoring(plan, year, actions=actions_for_monitoring(plan, indicator__cluster=cluster))
    indicators = result.by_indicator
    context = {
        "plan": plan, "year": year, "cluster": cluster, "result": result, "indicators": indicators,
        "charts": progress_charts("indikator", indicators, lambda s: _("Indicator %(number)s") % {"number": s.obj.number}),
        "breadcrumbs": [overview_crumb(), rad_crumb(), {"title": cluster.name, "url": reverse("kla:rad_cluster", args=[slug])}],
    }
    return render(request, "kla/rad_cluster.html", context)


def score_context(periods):
    """Results, the comparison chart and the losses of the latest result, for ``periods``."""
    results = period_results(periods)
    latest = results[-1] if results else None
    chart = bar_chart("nilai-kla", _("Total KLA score per assessment period"), [(str(r.period.year), r.total, num(r.total)) for r in results], scale=MAX_SCORE)
    return {"results": list(reversed(results)), "latest": latest, "chart": chart, "losses": latest.losses(8) if latest else []}


def scores_public(request):
    context = score_context(AssessmentPeriod.objects.filter(scores_published=True))
    context["breadcrumbs"] = [overview_crumb(), {"title": _("KLA score"), "url": reverse("kla:scores")}]
    return render(request, "kla/scores.html", context)


def indicator_rad_context(indicator, user):
    """The RAD actions (verified realisation) and the published scores of ``indicator``, for its page."""
    from documents.permissions import viewable_documents

    from .models import IndicatorScore

    plan = RadPlan.current()
    context = {"rad_plan": plan, "rad_rows": [], "indicator_scores": []}
    if plan is not None:
        year = default_year(plan)
        actions = list(actions_for_monitoring(plan, indicator=indicator).prefetch_related("realisations__evidence"))
        rows = monitoring(plan, year, actions=actions).rows
        readable = set(viewable_documents(user).filter(rad_realisations__action__in=actions).values_list("pk", flat=True))
        for row in rows:
            row.evidence = [d for d in row.realisation.evidence.all() if d.pk in readable] if row.realisation else []
        context.update(rad_year=year, rad_rows=rows)
    context["indicator_scores"] = IndicatorScore.objects.filter(indicator=indicator, period__scores_published=True).select_related("period").order_by("-period__year")
    return context
