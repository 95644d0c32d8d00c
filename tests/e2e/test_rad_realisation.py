"""Browser test of the RAD realisation workflow (issue 5): a Kontributor OPD logs in to the admin,
reports a realisation and logs out; the Sekretariat logs in and verifies it; the public RAD
monitoring page shows the new value. Screenshots: rad-report.png, rad-verify.png, rad-public.png."""

from decimal import Decimal

import pytest

from tests.kla.conftest import kla_data  # noqa: F401  (the framework data and roles, re-applied after a flush)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "rahasia-sekali-123"


@pytest.fixture(autouse=True)
def _media_in_tmp():
    """Keep the media folder of the test run (as in test_public_site)."""


@pytest.fixture
def rad_site(live_server, settings, django_user_model, kla_data, home_page):  # noqa: F811
    from django.contrib.auth.models import Group

    from kla import roles
    from kla.models import OPD, Indicator, RadAction, RadPlan, RadTarget, UserProfile

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    plan = RadPlan.objects.create(name="RAD KLA Kabupaten Barito Utara 2026–2031", start_year=2026, end_year=2031, status=RadPlan.Status.ADOPTED)
    action = RadAction.objects.create(
        plan=plan, indicator=Indicator.objects.get(number=4), programme="Program Pendaftaran Penduduk",
        activity="Kegiatan Pelayanan Pendaftaran Penduduk", output_indicator="Persentase anak yang memiliki kutipan akta kelahiran",
        unit="persen", responsible_opd=OPD.objects.get(code="disdukcapil"), baseline=Decimal("91.2"),
    )
    RadTarget.objects.create(action=action, year=2026, target_value=Decimal(80), budget_estimate=Decimal(400_000_000))
    users = {}
    for username, role, opd in (("kontributor.disdukcapil", roles.KONTRIBUTOR, "disdukcapil"), ("sekretariat.gtkla", roles.SEKRETARIAT, None)):
        user = django_user_model.objects.create_user(username=username, email=f"{username}@example.org", password=PASSWORD)
        user.groups.add(Group.objects.get(name=role))
        if opd:
            UserProfile.objects.create(user=user, opd=OPD.objects.get(code=opd))
        users[role] = user
    return live_server.url, action


def log_in(page, base, username):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("form [type=submit]").first.click()
    page.wait_for_url(base + "/admin/")


def log_out(page, base):
    """The admin's logout is a POST (Django 5); the account menu holds its form."""
    page.goto(base + "/admin/")
    page.locator("form[action='/admin/logout/']").evaluate("form => form.requestSubmit()")
    page.wait_for_url(lambda url: "/admin/login/" in url or url.rstrip("/") == base)
    page.goto(base + "/admin/")
    assert "/admin/login/" in page.url


def test_contributor_reports_sekretariat_verifies_public_shows(rad_site, page, screenshot):
    from kla.models import RadRealisation

    base, action = rad_site
    # 1. the contributor reports a realisation for the whole year 2026
    log_in(page, base, "kontributor.disdukcapil")
    page.goto(base + "/admin/rad/realisasi/")
    page.locator(f"a[href='/admin/rad/aksi/{action.pk}/lapor/']").click()
    page.select_option("#id_year", "2026")
    page.select_option("#id_quarter", "")
    page.fill("#id_achieved_value", "72")
    page.fill("#id_budget_realised", "300000000")
    page.select_option("#id_status", "selesai")
    page.fill("#id_notes", "Pelayanan jemput bola akta kelahiran di 9 kecamatan.")
    screenshot("rad-report")
    page.locator("button[name=submit]").click()
    page.wait_for_url(base + "/admin/rad/realisasi/")
    realisation = RadRealisation.objects.get(action=action)
    assert realisation.review_state == "submitted"
    log_out(page, base)

    # not public before verification
    page.goto(base + "/kla/rad/?tahun=2026")
    assert "90,0 %" not in page.content()

    # 2. the Sekretariat verifies it
    log_in(page, base, "sekretariat.gtkla")
    page.goto(base + "/admin/rad/realisasi/")
    page.locator(f"a[href='/admin/rad/realisasi/{realisation.pk}/verifikasi/']").click()
    assert "72" in page.locator("main").inner_text()
    page.check("input[name=decision][value=verify]")
    screenshot("rad-verify")
    page.locator("main form[method=post] button[type=submit]").click()
    page.wait_for_url(base + "/admin/rad/realisasi/")
    realisation.refresh_from_db()
    assert realisation.review_state == "verified"
    log_out(page, base)

    # 3. the public dashboard shows the verified value: 72 of 80 = 90 %, budget 75 %
    page.console_errors.clear()
    page.goto(base + "/kla/rad/?tahun=2026")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    table = page.locator("table", has=page.locator("caption", has_text="2026")).first.inner_text()
    assert "90,0 %" in table and "75,0 %" in table
    assert page.locator("svg[role=img]").count() >= 2
    screenshot("rad-public")
    page.goto(base + action.indicator.get_absolute_url())
    assert "72" in page.locator("#rad").inner_text()
    assert page.locator("h1").count() == 1
    assert page.console_errors == []
