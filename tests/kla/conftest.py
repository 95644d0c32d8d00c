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
