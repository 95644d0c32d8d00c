"""The four roles, the moderation workflow and the login lock-out, through the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Page, Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield

from kla import roles
from kla.models import Indicator

pytestmark = pytest.mark.django_db


def page_form_data(title, slug, **extra):
    data = nested_form_data({"title": title, "slug": slug, "intro": "Ringkasan.", "body": streamfield([]),
                             "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000}})
    data.update(extra)
    return data


@pytest.fixture
def contributor(make_user):
    return make_user("kontributor", roles.KONTRIBUTOR, opd_code="dinkes")


@pytest.fixture
def secretariat(make_user):
    return make_user("sekretariat", roles.SEKRETARIAT, opd_code="dp3ap2kb")


@pytest.fixture
def assessor(make_user):
    return make_user("asesor", roles.ASESOR)


@pytest.fixture
def draft_page(home_page, contributor):
    from home.models import StandardPage

    page = home_page.add_child(instance=StandardPage(title="Draf Dinkes", slug="draf-dinkes", live=False, owner=contributor))
    page.save_revision(user=contributor)
    return page


def test_the_four_roles_exist_and_wagtails_default_groups_are_gone(kla_data):
    assert set(Group.objects.values_list("name", flat=True)) == set(roles.ALL_ROLES)


def test_the_moderation_workflow_covers_every_page_and_goes_to_the_sekretariat(kla_data, home_page):
    workflow = Workflow.objects.get(name="Moderasi Sekretariat Gugus Tugas")
    assert workflow.active
    assert home_page.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert [g.name for g in task.groups.all()] == [roles.SEKRETARIAT]


def test_contributor_creates_a_page_but_cannot_publish_it(client, contributor, home_page):
    from home.models import StandardPage

    client.force_login(contributor)
    url = reverse("wagtailadmin_pages:add", args=["home", "standardpage", home_page.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, page_form_data("Kegiatan Posyandu", "kegiatan-posyandu", **{"action-publish": "action-publish"}))
    assert response.status_code == 302
    page = StandardPage.objects.get(slug="kegiatan-posyandu")
    assert not page.live
    assert page.live_revision is None
    assert client.get(page.url or "/beranda/kegiatan-posyandu/").status_code == 404


def test_contributor_edit_with_publish_does_not_publish(client, contributor, draft_page):
    client.force_login(contributor)
    url = reverse("wagtailadmin_pages:edit", args=[draft_page.pk])
    client.post(url, page_form_data("Draf Dinkes (ubah)", "draf-dinkes", **{"action-publish": "action-publish"}))
    draft_page.refresh_from_db()
    assert not draft_page.live
    assert draft_page.live_revision is None


def test_contributor_submits_and_the_sekretariat_approves(client, contributor, secretariat, draft_page):
    client.force_login(contributor)
    response = client.post(reverse("wagtailadmin_pages:edit", args=[draft_page.pk]), page_form_data("Draf Dinkes", "draf-dinkes", **{"action-submit": "action-submit"}))
    assert response.status_code == 302
    draft_page.refresh_from_db()
    state = draft_page.current_workflow_state
    assert state is not None and state.status == "in_progress"
    assert state.workflow.name == "Moderasi Sekretariat Gugus Tugas"
    assert not draft_page.live

    # The contributor cannot approve their own page.
    task_state = state.current_task_state
    approve = reverse("wagtailadmin_pages:workflow_action", args=[draft_page.pk, "approve", task_state.pk])
    client.post(approve, {"comment": ""})
    draft_page.refresh_from_db()
    assert not draft_page.live

    client.force_login(secretariat)
    response = client.post(approve, {"comment": "Sudah sesuai."})
    assert response.status_code in (200, 302)
    draft_page.refresh_from_db()
    assert draft_page.live
    assert draft_page.current_workflow_state is None


def test_sekretariat_can_publish_directly(client, secretariat, draft_page):
    client.force_login(secretariat)
    client.post(reverse("wagtailadmin_pages:edit", args=[draft_page.pk]), page_form_data("Draf Dinkes", "draf-dinkes", **{"action-publish": "action-publish"}))
    draft_page.refresh_from_db()
    assert draft_page.live


def test_sekretariat_edits_indicators_as_snippets(client, secretariat, kla_data):
    client.force_login(secretariat)
    indicator = Indicator.objects.get(number=4)
    url = reverse("wagtailsnippets_kla_indicator:edit", args=[indicator.pk])
    response = client.get(url)
    assert response.status_code == 200
    # JSON lists are edited as one item per line.
    assert "Data Kartu Identitas Anak (KIA)" in response.content.decode()


def test_asesor_cannot_edit_pages_snippets_or_documents(client, assessor, draft_page):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(title="Bukti", file=ContentFile(b"isi", name="bukti.txt"))
    indicator = Indicator.objects.get(number=1)
    client.force_login(assessor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200

    for url in [
        reverse("wagtailadmin_pages:edit", args=[draft_page.pk]),
        reverse("wagtailadmin_pages:add", args=["home", "standardpage", draft_page.get_parent().pk]),
        reverse("wagtailsnippets_kla_indicator:edit", args=[indicator.pk]),
        reverse("wagtaildocs:edit", args=[document.pk]),
    ]:
        assert client.get(url).status_code in (302, 403), url

    client.post(reverse("wagtailadmin_pages:edit", args=[draft_page.pk]), page_form_data("Diubah asesor", "draf-dinkes", **{"action-publish": "1"}))
    client.post(reverse("wagtailsnippets_kla_indicator:edit", args=[indicator.pk]), {"number": 1, "cluster": indicator.cluster_id, "name": "Diubah asesor", "slug": indicator.slug})
    client.post(reverse("wagtaildocs:edit", args=[document.pk]), {"title": "Diubah asesor"})
    draft_page.refresh_from_db()
    indicator.refresh_from_db()
    document.refresh_from_db()
    assert draft_page.title == "Draf Dinkes" and not draft_page.live
    assert indicator.name != "Diubah asesor"
    assert document.title == "Bukti"


def test_the_opd_is_edited_on_the_wagtail_user_form(client, make_user, kla_data):
    from django.contrib.auth import get_user_model

    from kla.models import OPD

    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "rahasia-sekali-123")
    client.force_login(admin)
    response = client.get(reverse("wagtailusers_users:add"))
    assert 'name="opd"' in response.content.decode()
    data = {"username": "baru", "email": "baru@example.org", "first_name": "Baru", "last_name": "Saja",
            "password1": "Kata-sandi-panjang-1", "password2": "Kata-sandi-panjang-1",
            "groups": [Group.objects.get(name=roles.KONTRIBUTOR).pk], "opd": OPD.objects.get(code="disdik").pk}
    response = client.post(reverse("wagtailusers_users:add"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    user = get_user_model().objects.get(username="baru")
    assert roles.user_opd_id(user) == OPD.objects.get(code="disdik").pk

    data.update({"opd": OPD.objects.get(code="dinsos").pk, "password1": "", "password2": ""})
    response = client.post(reverse("wagtailusers_users:edit", args=[user.pk]), data)
    assert response.status_code == 302
    user = get_user_model().objects.get(username="baru")
    assert roles.user_opd_id(user) == OPD.objects.get(code="dinsos").pk


@pytest.mark.parametrize("model", ["cluster", "indicator", "predicateband", "kecamatan", "opd", "assessmentperiod"])
def test_sekretariat_sees_every_kla_snippet_in_the_admin(client, secretariat, model):
    client.force_login(secretariat)
    assert client.get(reverse(f"wagtailsnippets_kla_{model}:list")).status_code == 200
    assert client.get(reverse(f"wagtailsnippets_kla_{model}:add")).status_code == 200


def test_assessment_period_that_closes_before_it_opens_is_refused(client, secretariat):
    from kla.models import AssessmentPeriod

    client.force_login(secretariat)
    response = client.post(reverse("wagtailsnippets_kla_assessmentperiod:add"), {"name": "Evaluasi KLA 2026", "year": 2026, "opens_on": "2026-03-01", "closes_on": "2026-02-01"})
    assert response.status_code == 200
    assert not AssessmentPeriod.objects.filter(year=2026).exists()


def test_indicator_evidence_list_is_saved_one_item_per_line(client, secretariat):
    client.force_login(secretariat)
    indicator = Indicator.objects.get(number=13)
    url = reverse("wagtailsnippets_kla_indicator:edit", args=[indicator.pk])
    form = client.get(url).context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data = {name: (form.fields[name].prepare_value(value) if hasattr(form.fields[name], "prepare_value") else value) for name, value in data.items()}
    data["evidence_examples"] = "Data status gizi balita per kecamatan\n\n  Laporan e-PPGBM  \n"
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    indicator.refresh_from_db()
    assert indicator.evidence_examples == ["Data status gizi balita per kecamatan", "Laporan e-PPGBM"]
