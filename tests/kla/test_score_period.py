"""The KLA score per assessment period: totals, predicates, comparison, publication."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kla.models import AssessmentPeriod, Indicator, IndicatorScore
from kla.rad_models import default_max_points
from kla.scoring import period_results

pytestmark = pytest.mark.django_db


def make_period(year, published=False):
    return AssessmentPeriod.objects.create(name=f"Evaluasi KLA {year}", year=year, opens_on=datetime.date(year, 5, 1), closes_on=datetime.date(year, 7, 31), scores_published=published)


def give_scores(period, total, verified_total=None):
    """Spread ``total`` (and ``verified_total``) over the 24 indicators within their maximum."""
    indicators = list(Indicator.objects.order_by("number"))
    remaining = {"self": Decimal(total), "verified": None if verified_total is None else Decimal(verified_total)}
    for indicator in indicators:
        maximum = default_max_points(indicator.number)
        values = {}
        for key, rest in remaining.items():
            if rest is not None:
                values[key] = min(maximum, rest)
                remaining[key] = rest - values[key]
        IndicatorScore.objects.create(period=period, indicator=indicator, max_points=maximum, self_assessment=values["self"], verified_score=values.get("verified"))


def test_demo_weights_add_up_to_1000(kla_data):
    assert sum(default_max_points(i.number) for i in Indicator.objects.all()) == 1000


@pytest.mark.parametrize(
    "total, predicate",
    [(499, None), (500, "Pratama"), (600, "Pratama"), ("600.5", "Pratama"), (601, "Madya"), (900, "Utama"), (901, "KLA"), (1000, "KLA")],
)
def test_predicate_of_the_period_total(kla_data, total, predicate):
    period = make_period(2026)
    give_scores(period, total)
    (result,) = period_results([period])
    assert result.self_total == Decimal(str(total))
    assert result.max_total == 1000
    assert (result.predicate.name if result.predicate else None) == predicate


def test_verified_total_counts_once_entered_and_comparison(kla_data):
    earlier, later = make_period(2025, published=True), make_period(2026)
    give_scores(earlier, 640, verified_total=610)
    give_scores(later, 705)
    first, second = period_results([later, earlier])
    assert first.period == earlier and first.total == 610 and first.predicate.name == "Madya"
    assert second.verified_total is None and second.total == 705 and second.predicate.name == "Nindya"
    assert second.change == 95


def test_losses_are_the_biggest_first(kla_data):
    period = make_period(2026)
    give_scores(period, 1000)
    IndicatorScore.objects.filter(period=period, indicator__number=7).update(self_assessment=10)
    IndicatorScore.objects.filter(period=period, indicator__number=20).update(self_assessment=30)
    (result,) = period_results([period])
    losses = result.losses()
    assert [(loss["score"].indicator.number, loss["lost"]) for loss in losses] == [(7, 32), (20, 11)]


def test_public_page_shows_only_published_periods(client, kla_data):
    published, unpublished = make_period(2025, published=True), make_period(2026)
    give_scores(published, 640, verified_total=612)
    give_scores(unpublished, 777)
    response = client.get(reverse("kla:scores"))
    html = response.content.decode()
    assert response.status_code == 200 and html.count("<h1") == 1
    assert "Evaluasi KLA 2025" in html and "612" in html
    assert "Evaluasi KLA 2026" not in html and "777" not in html
    assert "<svg" in html and 'scope="row"' in html
    indicator_page = client.get(Indicator.objects.get(number=1).get_absolute_url()).content.decode()
    assert "Evaluasi KLA 2025" in indicator_page and "Evaluasi KLA 2026" not in indicator_page


def test_nothing_published_yet(client, kla_data):
    give_scores(make_period(2026), 777)
    html = client.get(reverse("kla:scores")).content.decode()
    assert "777" not in html


def test_staff_see_every_period(client, kla_data, make_user):
    give_scores(make_period(2026), 777)
    client.force_login(make_user("sekretariat1", "Sekretariat Gugus Tugas"))
    html = client.get(reverse("kla_scores")).content.decode()
    assert "Evaluasi KLA 2026" in html and "777" in html


def test_score_above_the_maximum_is_refused(client, kla_data, make_user):
    period = make_period(2026)
    client.force_login(make_user("sekretariat1", "Sekretariat Gugus Tugas"))
    indicator = Indicator.objects.get(number=1)
    response = client.post(reverse("wagtailsnippets_kla_indicatorscore:add"), {"period": period.pk, "indicator": indicator.pk, "self_assessment": "50", "max_points": "42", "notes": ""})
    assert response.status_code == 200 and not IndicatorScore.objects.exists()
    response = client.post(reverse("wagtailsnippets_kla_indicatorscore:add"), {"period": period.pk, "indicator": indicator.pk, "self_assessment": "30", "max_points": "", "notes": ""})
    assert response.status_code == 302
    assert IndicatorScore.objects.get().max_points == 42  # the demo default


def test_demo_rad_is_idempotent(kla_data):
    from kla.demo import load_demo_rad
    from kla.models import RadAction, RadRealisation, RadTarget

    load_demo_rad()
    counts = (RadAction.objects.count(), RadTarget.objects.count(), RadRealisation.objects.count(), IndicatorScore.objects.count())
    load_demo_rad()
    assert counts == (RadAction.objects.count(), RadTarget.objects.count(), RadRealisation.objects.count(), IndicatorScore.objects.count())
    assert counts[0] > 0 and counts[3] == 48
    assert AssessmentPeriod.objects.get(year=2025).scores_published
