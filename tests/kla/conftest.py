"""Fixtures for the KLA tests. The data comes from kla's data migrations (the test database is
built by running every migration); ``kla_data`` re-applies them only if another test flushed the
database (a transactional test without serialized rollback)."""

import importlib

import pytest


@pytest.fixture
def kla_data(db):
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Collection

    from kla import roles
    from kla.models import Indicator

    if not Indicator.objects.exists():
        importlib.import_module("kla.migrations.0004_load_framework").load_framework(apps, None)
    if not Group.objects.filter(name=roles.SEKRETARIAT).exists():
        if not Collection.objects.exists():
            Collection.add_root(name="Root")
        importlib.import_module("kla.migrations.0005_roles_and_workflow").create_roles(apps, None)
        importlib.import_module("kla.migrations.0007_rad_permissions").grant_rad_permissions(apps, None)


@pytest.fixture
def make_user(kla_data, django_user_model):
    from django.contrib.auth.models import Group

    from kla.models import OPD, UserProfile

    def make(username, role, opd_code=None, password="rahasia-sekali-123"):
        user = django_user_model.objects.create_user(username=username, email=f"{username}@example.org", password=password)
        user.groups.add(Group.objects.get(name=role))
        if opd_code:
            UserProfile.objects.create(user=user, opd=OPD.objects.get(code=opd_code))
        return user

    return make


@pytest.fixture
def rad_plan(kla_data):
    from kla.models import RadPlan

    return RadPlan.objects.create(name="RAD KLA Kabupaten Barito Utara 2026–2031", start_year=2026, end_year=2031, status=RadPlan.Status.ADOPTED)


@pytest.fixture
def make_action(rad_plan):
    """make_action(indicator_number, opd_code, targets={year: (target, budget)}, supporting=[codes], **fields)"""
    from decimal import Decimal

    from kla.models import OPD, Indicator, RadAction, RadTarget

    def make(indicator_number=4, opd_code="disdukcapil", targets=None, supporting=(), **fields):
        fields = {"programme": "Program Pendaftaran Penduduk", "activity": f"Kegiatan Pelayanan {RadAction.objects.count() + 1}", "output_indicator": "Persentase anak yang memiliki akta kelahiran", "unit": "persen", **fields}
        action = RadAction.objects.create(plan=rad_plan, indicator=Indicator.objects.get(number=indicator_number), responsible_opd=OPD.objects.get(code=opd_code), **fields)
        action.supporting_opds.set(OPD.objects.filter(code__in=supporting))
        for year, (target, budget) in (targets or {2026: (100, 1_000_000)}).items():
            RadTarget.objects.create(action=action, year=year, target_value=Decimal(target), budget_estimate=Decimal(budget))
        return action

    return make


@pytest.fixture
def realise():
    """realise(action, year, achieved, budget, quarter=None, state="verified", status="berjalan")"""
    from decimal import Decimal

    from kla.models import RadRealisation

    def make(action, year, achieved, budget=0, quarter=None, state="verified", status="berjalan"):
        return RadRealisation.objects.create(action=action, year=year, quarter=quarter, achieved_value=Decimal(achieved), budget_realised=Decimal(budget), review_state=state, status=status)

    return make
