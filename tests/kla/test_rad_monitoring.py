"""Progress and budget percentages, lateness, and the public monitoring pages."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from kla import monitoring
from kla.models import RadAction

pytestmark = pytest.mark.django_db


def row_for(action, year, today):
    action = monitoring.actions_for_monitoring(action.plan).get(pk=action.pk)
    return monitoring.action_year(action, year, today)


@pytest.mark.parametrize(
    "achieved, target, expected",
    [(50, 200, Decimal("25.0")), (1, 3, Decimal("33.3")), (2, 3, Decimal("66.7")), (150, 100, Decimal("150.0")), (0, 10, Decimal("0.0")), (5, 0, None), (0, 0, None), (5, None, None)],
)
def test_percent(achieved, target, expected):
    assert monitoring.percent(achieved, target) == expected


def test_action_progress_and_budget_from_the_verified_realisation(make_action, realise):
    action = make_action(targets={2026: (80, 2_000_000)})
    realise(action, 2026, 60, 500_000)
    row = row_for(action, 2026, datetime.date(2026, 12, 1))
    assert row.progress == Decimal("75.0")
    assert row.budget_percent == Decimal("25.0")


def test_zero_target_and_zero_budget_have_no_percentage(make_action, realise):
    action = make_action(targets={2026: (0, 0)})
    realise(action, 2026, 3, 0)
    row = row_for(action, 2026, datetime.date(2026, 12, 1))
    assert row.progress is None and row.budget_percent is None
    summary = monitoring.Summary(rows=[row])
    assert summary.progress is None and summary.budget_percent is None


def test_unverified_realisation_does_not_count(make_action, realise):
    action = make_action(targets={2026: (10, 1000)})
    realise(action, 2026, 10, 1000, state="submitted")
    realise(action, 2026, 4, 400, quarter=2, state="verified")
    row = row_for(action, 2026, datetime.date(2026, 7, 15))
    assert row.achieved == 4 and row.progress == Decimal("40.0") and row.budget_percent == Decimal("40.0")


def test_the_whole_year_report_wins_over_the_quarters(make_action, realise):
    action = make_action(targets={2026: (10, 1000)})
    realise(action, 2026, 7, 700, quarter=4)
    realise(action, 2026, 9, 900)
    assert row_for(action, 2026, datetime.date(2027, 1, 5)).achieved == 9


def test_group_progress_caps_each_action_and_budget_sums(make_action, realise):
    over = make_action(targets={2026: (10, 1_000)})
    behind = make_action(targets={2026: (10, 3_000)})
    zero = make_action(targets={2026: (0, 0)})
    realise(over, 2026, 30, 1_000)
    realise(behind, 2026, 5, 0)
    realise(zero, 2026, 0, 0)
    result = monitoring.monitoring(over.plan, 2026, today=datetime.date(2026, 12, 1))
    total = result.total
    assert total.action_count == 3
    assert total.progress == Decimal("75.0")  # (100 capped + 50) / 2; the zero target is left out
    assert total.budget_planned == 4_000 and total.budget_realised == 1_000
    assert total.budget_percent == Decimal("25.0")


@pytest.mark.parametrize(
    "reports, today, late",
    [
        ([], datetime.date(2026, 3, 31), False),  # no quarter has ended yet
        ([], datetime.date(2026, 4, 1), True),  # Q1 ended without a report
        ([(1, "verified")], datetime.date(2026, 4, 1), False),
        ([(1, "verified")], datetime.date(2026, 7, 2), True),  # Q2 ended, only Q1 verified
        ([(2, "submitted")], datetime.date(2026, 7, 2), True),  # not verified yet
        ([(3, "verified")], datetime.date(2027, 2, 1), True),  # a past year needs Q4 or the whole year
        ([(4, "verified")], datetime.date(2027, 2, 1), False),
        ([(None, "verified")], datetime.date(2027, 2, 1), False),
    ],
)
def test_lateness(make_action, realise, reports, today, late):
    action = make_action(targets={2026: (10, 1000)})
    for quarter, state in reports:
        realise(action, 2026, 5, 0, quarter=quarter, state=state)
    assert row_for(action, 2026, today).late is late


def test_no_target_for_the_year_is_never_late(make_action):
    action = make_action(targets={2027: (10, 1000)})
    assert row_for(action, 2026, datetime.date(2027, 3, 1)).late is False


def test_stalled_action(make_action, realise):
    action = make_action(targets={2026: (10, 1000)})
    realise(action, 2026, 2, 0, quarter=1, status="terkendala")
    result = monitoring.monitoring(action.plan, 2026, today=datetime.date(2026, 5, 1))
    assert result.total.stalled_count == 1
    assert [row.action for row in result.late_or_stalled] == [action]


def test_grouping_per_cluster_indicator_and_opd(make_action, realise):
    birth = make_action(4, "disdukcapil", targets={2026: (100, 1000)})
    health = make_action(13, "dinkes", targets={2026: (100, 1000)})
    realise(birth, 2026, 50)
    realise(health, 2026, 100)
    result = monitoring.monitoring(birth.plan, 2026, today=datetime.date(2026, 12, 1))
    assert {s.obj.code: s.progress for s in result.by_cluster} == {"I": Decimal("50.0"), "III": Decimal("100.0")}
    assert {s.obj.number: s.progress for s in result.by_indicator} == {4: Decimal("50.0"), 13: Decimal("100.0")}
    assert {s.obj.code: s.progress for s in result.by_opd} == {"disdukcapil": Decimal("50.0"), "dinkes": Decimal("100.0")}


def test_public_summary_shows_only_verified_realisation(client, make_action, realise):
    action = make_action(4, "disdukcapil", targets={2026: (200, 1000)})
    realise(action, 2026, 50, quarter=1)
    realise(action, 2026, 180, state="submitted")
    response = client.get(reverse("kla:rad") + "?tahun=2026")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "25,0 %" in html  # 50 of 200 verified; the submitted 180 (90 %) does not count
    assert "90,0 %" not in html
    assert "<svg" in html and "<caption>" in html and 'scope="col"' in html

    page = client.get(reverse("kla:rad_cluster", args=[action.indicator.cluster.slug]) + "?tahun=2026").content.decode()
    assert "25,0 %" in page and action.activity in page
    indicator_page = client.get(action.indicator.get_absolute_url()).content.decode()
    assert action.output_indicator in indicator_page and "25,0 %" in indicator_page


def test_public_summary_queries_are_bounded(client, make_action, realise, django_assert_max_num_queries):
    for number in (4, 6, 10, 13, 16, 18, 21):
        action = make_action(number, "dp3ap2kb", targets={2026: (10, 1000), 2027: (10, 1000)}, supporting=["dinkes", "disdik"])
        realise(action, 2026, 5, quarter=2)
    client.get(reverse("kla:rad"))
    with django_assert_max_num_queries(12):
        assert client.get(reverse("kla:rad") + "?tahun=2026").status_code == 200
    assert RadAction.objects.count() == 7


def test_evidence_of_a_realisation_is_shown_only_to_who_may_read_it(client, make_action, realise, make_user):
    from documents.models import AccessLevel, ArchiveDocument

    action = make_action(4, "disdukcapil", targets={2026: (100, 1000)})
    realisation = realise(action, 2026, 80)
    public = ArchiveDocument.objects.create(title="Laporan Capaian Akta Kelahiran 2026", file="a.pdf", access_level=AccessLevel.PUBLIC)
    internal = ArchiveDocument.objects.create(title="Rekap Internal Disdukcapil", file="b.pdf", access_level=AccessLevel.INTERNAL)
    realisation.evidence.set([public, internal])
    html = client.get(action.indicator.get_absolute_url()).content.decode()
    assert public.title in html and internal.title not in html
    client.force_login(make_user("sekretariat1", "Sekretariat Gugus Tugas"))
    html = client.get(action.indicator.get_absolute_url()).content.decode()
    assert public.title in html and internal.title in html


def test_staff_dashboard(client, make_action, realise, make_user):
    action = make_action(16, "dpupr", targets={2026: (400, 2_000_000)})
    realise(action, 2026, 100, 500_000, quarter=3, status="terkendala")
    client.force_login(make_user("kontributor1", "Kontributor OPD", "dinkes"))
    html = client.get(reverse("kla_rad_dashboard") + "?tahun=2026").content.decode()
    assert "25,0 %" in html and action.activity in html  # in the late or stalled list too
    client.logout()
    assert client.get(reverse("kla_rad_dashboard")).status_code == 302  # to the admin login


def test_staff_pages_queries_are_bounded(client, make_action, realise, make_user, django_assert_max_num_queries):
    for number in (4, 6, 10, 13, 16, 18, 21):
        action = make_action(number, "dp3ap2kb", targets={2026: (10, 1000)}, supporting=["dinkes", "disdik"])
        realise(action, 2026, 5, quarter=2)
        realise(action, 2026, 6, quarter=3, state="submitted")
    client.force_login(make_user("sekretariat1", "Sekretariat Gugus Tugas"))
    for name in ("kla_rad_dashboard", "kla_rad_realisations"):
        client.get(reverse(name))
        with django_assert_max_num_queries(25):
            assert client.get(reverse(name) + "?tahun=2026&status=all").status_code == 200


def test_indicator_page_queries_do_not_grow_with_its_actions(client, make_action, realise):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from documents.models import AccessLevel, ArchiveDocument

    def add_action():
        action = make_action(4, "disdukcapil", targets={2026: (10, 1000)}, supporting=["dinkes", "disdik"])
        realise(action, 2026, 5).evidence.add(ArchiveDocument.objects.create(title=f"Bukti {action.pk}", file="a.pdf", access_level=AccessLevel.PUBLIC))
        return action

    url = add_action().indicator.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(4):
        add_action()
    with CaptureQueriesContext(connection) as five:
        html = client.get(url).content.decode()
    assert html.count("Bukti ") >= 5
    assert len(five) == len(one)
