"""Reporting realisation (Kontributor OPD) and verifying it (Sekretariat)."""

import pytest
from django.urls import reverse

from kla import permissions
from kla.models import RadRealisation

pytestmark = pytest.mark.django_db

DENIED = reverse("wagtailadmin_home")  # Wagtail turns PermissionDenied into a redirect with a message


def report(client, action, submit=True, **data):
    data = {"year": 2026, "quarter": "", "achieved_value": "60", "budget_realised": "250000", "status": "berjalan", "notes": "", **data}
    data["submit" if submit else "draft"] = "1"
    return client.post(reverse("kla_rad_report", args=[action.pk]), data)


@pytest.fixture
def action(make_action):
    return make_action(4, "disdukcapil", supporting=["dinkes"], targets={2026: (80, 1_000_000)})


@pytest.fixture
def contributor(make_user):
    return make_user("kontributor-disdukcapil", "Kontributor OPD", "disdukcapil")


@pytest.fixture
def secretariat(make_user):
    return make_user("sekretariat1", "Sekretariat Gugus Tugas")


def test_contributor_reports_for_their_opd_and_it_waits_for_verification(client, action, contributor):
    client.force_login(contributor)
    listing = client.get(reverse("kla_rad_realisations")).content.decode()
    assert action.activity in listing
    assert client.get(reverse("kla_rad_report", args=[action.pk])).status_code == 200
    response = report(client, action)
    assert response.status_code == 302 and response.url == reverse("kla_rad_realisations")
    realisation = RadRealisation.objects.get(action=action)
    assert realisation.review_state == "submitted" and realisation.reported_by == contributor
    assert realisation.achieved_value == 60 and realisation.quarter is None


def test_a_supporting_opd_may_report_too(client, action, make_user):
    client.force_login(make_user("kontributor-dinkes", "Kontributor OPD", "dinkes"))
    assert report(client, action, quarter="2").status_code == 302
    assert RadRealisation.objects.get(action=action).quarter == 2


def test_a_contributor_of_another_opd_cannot_report(client, action, make_user):
    other = make_user("kontributor-disdik", "Kontributor OPD", "disdik")
    client.force_login(other)
    assert action.activity not in client.get(reverse("kla_rad_realisations")).content.decode()
    assert client.get(reverse("kla_rad_report", args=[action.pk])).url == DENIED
    assert report(client, action).url == DENIED
    assert not RadRealisation.objects.exists()
    assert not permissions.can_report_for(other, action)


def test_a_contributor_cannot_verify(client, action, contributor, realise):
    realisation = realise(action, 2026, 60, state="submitted")
    client.force_login(contributor)
    response = client.post(reverse("kla_rad_review", args=[realisation.pk]), {"decision": "verify", "note": ""})
    assert response.url == DENIED
    realisation.refresh_from_db()
    assert realisation.review_state == "submitted" and realisation.verified_by is None
    # nor through the report form: any posted state is ignored and a verified report is locked
    client.post(reverse("kla_rad_realisation_edit", args=[realisation.pk]), {"year": 2026, "quarter": "", "achieved_value": "70", "budget_realised": "0", "status": "selesai", "review_state": "verified", "submit": "1"})
    realisation.refresh_from_db()
    assert realisation.review_state == "submitted"


def test_a_verified_report_cannot_be_changed_by_the_contributor(client, action, contributor, realise):
    realisation = realise(action, 2026, 60, state="verified")
    client.force_login(contributor)
    response = client.post(reverse("kla_rad_realisation_edit", args=[realisation.pk]), {"year": 2026, "quarter": "", "achieved_value": "80", "budget_realised": "0", "status": "selesai", "submit": "1"})
    assert response.url == DENIED
    realisation.refresh_from_db()
    assert realisation.achieved_value == 60


def test_secretariat_verifies_or_asks_for_revision(client, action, contributor, secretariat):
    client.force_login(contributor)
    report(client, action)
    realisation = RadRealisation.objects.get()
    client.force_login(secretariat)
    listing = client.get(reverse("kla_rad_realisations")).content.decode()
    assert reverse("kla_rad_review", args=[realisation.pk]) in listing

    response = client.post(reverse("kla_rad_review", args=[realisation.pk]), {"decision": "revise", "note": ""})
    assert response.status_code == 200  # a revision needs a note
    client.post(reverse("kla_rad_review", args=[realisation.pk]), {"decision": "revise", "note": "Lampirkan rekap akta per kecamatan."})
    realisation.refresh_from_db()
    assert realisation.review_state == "revision"

    client.force_login(contributor)
    client.post(reverse("kla_rad_realisation_edit", args=[realisation.pk]), {"year": 2026, "quarter": "", "achieved_value": "64", "budget_realised": "300000", "status": "selesai", "submit": "1"})
    realisation.refresh_from_db()
    assert realisation.review_state == "submitted" and realisation.achieved_value == 64

    client.force_login(secretariat)
    client.post(reverse("kla_rad_review", args=[realisation.pk]), {"decision": "verify", "note": ""})
    realisation.refresh_from_db()
    assert realisation.review_state == "verified" and realisation.verified_by == secretariat and realisation.verified_at


def test_one_report_per_action_and_period(client, action, contributor):
    client.force_login(contributor)
    report(client, action, quarter="1")
    response = report(client, action, quarter="1")
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert RadRealisation.objects.count() == 1
    assert report(client, action, quarter="2").status_code == 302
    assert RadRealisation.objects.count() == 2


def test_draft_is_not_sent(client, action, contributor):
    client.force_login(contributor)
    report(client, action, submit=False)
    assert RadRealisation.objects.get().review_state == "draft"


def test_evidence_choices_are_only_documents_the_contributor_may_read(client, action, contributor):
    from documents.models import AccessLevel, ArchiveDocument
    from kla.models import OPD

    own = ArchiveDocument.objects.create(title="Rekap Akta Disdukcapil", file="a.pdf", access_level=AccessLevel.INTERNAL, opd=OPD.objects.get(code="disdukcapil"))
    foreign = ArchiveDocument.objects.create(title="Data Internal Dinsos", file="b.pdf", access_level=AccessLevel.INTERNAL, opd=OPD.objects.get(code="dinsos"))
    client.force_login(contributor)
    html = client.get(reverse("kla_rad_report", args=[action.pk])).content.decode()
    assert own.title in html and foreign.title not in html
    report(client, action, evidence=[foreign.pk])
    assert not RadRealisation.objects.exists()
    report(client, action, evidence=[own.pk])
    assert list(RadRealisation.objects.get().evidence.all()) == [own]


def test_assessor_and_anonymous_have_no_rad_admin(client, action, make_user):
    client.force_login(make_user("asesor1", "Asesor"))
    assert client.get(reverse("kla_rad_realisations")).url == DENIED
    assert report(client, action).url == DENIED


def test_sekretariat_manages_plans_actions_and_scores_in_the_admin(client, action, secretariat):
    from kla.models import OPD, RadAction

    client.force_login(secretariat)
    for model in ("radplan", "radaction", "indicatorscore"):
        assert client.get(reverse(f"wagtailsnippets_kla_{model}:list")).status_code == 200
        assert client.get(reverse(f"wagtailsnippets_kla_{model}:add")).status_code == 200
    url = reverse("wagtailsnippets_kla_radaction:edit", args=[action.pk])
    target = action.targets.get()
    data = {
        "plan": action.plan_id, "indicator": action.indicator_id, "programme": action.programme, "activity": action.activity,
        "output_indicator": action.output_indicator, "unit": "persen", "baseline": "90", "responsible_opd": action.responsible_opd_id,
        "supporting_opds": [OPD.objects.get(code="dinsos").pk],
        "targets-TOTAL_FORMS": "2", "targets-INITIAL_FORMS": "1", "targets-MIN_NUM_FORMS": "0", "targets-MAX_NUM_FORMS": "1000",
        "targets-0-id": target.pk, "targets-0-year": "2026", "targets-0-target_value": "85", "targets-0-budget_estimate": "1000000", "targets-0-ORDER": "0", "targets-0-DELETE": "",
        "targets-1-id": "", "targets-1-year": "2027", "targets-1-target_value": "90", "targets-1-budget_estimate": "1100000", "targets-1-ORDER": "1", "targets-1-DELETE": "",
    }
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    action = RadAction.objects.get(pk=action.pk)
    assert dict(action.targets.values_list("year", "target_value")) == {2026: 85, 2027: 90}
    assert [o.code for o in action.supporting_opds.all()] == ["dinsos"]


def test_the_rad_menu_is_shown_by_role(client, secretariat, make_user):
    client.force_login(secretariat)
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("kla_rad_import") in html and reverse("kla_rad_dashboard") in html
    client.force_login(make_user("kontributor-dinkes", "Kontributor OPD", "dinkes"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("kla_rad_dashboard") in html and reverse("kla_rad_import") not in html
