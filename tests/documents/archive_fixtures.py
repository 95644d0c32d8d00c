"""Fixtures for the archive tests (access levels, evidence, access log, exports). Imported by
the test modules with ``from tests.documents.archive_fixtures import *``."""

import datetime
import importlib

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from fpdf import FPDF

from kla import roles

__all__ = ["archive", "make_document", "make_user", "tiny_pdf", "tiny_png", "ROLE_NAMES"]

# The roles of the leak matrix: the OPD a contributor works for is "same" (the document's) or "other".
ROLE_NAMES = ["anonymous", "contributor_same", "contributor_other", "assessor", "assessor_closed", "secretariat"]


def tiny_pdf(text="Bukti dukung"):
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=14)
    pdf.cell(text=text)
    return bytes(pdf.output())


def tiny_png():
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 56), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def archive(db):
    """The framework data from kla's migrations, two OPDs, an open assessment period."""
    from django.apps import apps
    from django.contrib.auth.models import Group
    from wagtail.models import Collection

    from kla.models import OPD, AssessmentPeriod, Indicator

    if not Indicator.objects.exists():  # a transactional test flushed the data migrations
        importlib.import_module("kla.migrations.0004_load_framework").load_framework(apps, None)
    if not Group.objects.filter(name=roles.SEKRETARIAT).exists():
        if not Collection.objects.exists():
            Collection.add_root(name="Root")
        importlib.import_module("kla.migrations.0005_roles_and_workflow").create_roles(apps, None)
    today = timezone.localdate()

    class World:
        opd_same = OPD.objects.get(code="dinkes")
        opd_other = OPD.objects.get(code="bpbd")
        indicator = Indicator.objects.filter(cluster__code="I").order_by("number").first()
        cluster_v_indicator = Indicator.objects.filter(cluster__code="V").order_by("number").first()
        period = AssessmentPeriod.objects.create(
            name=f"Evaluasi KLA {today.year}", year=today.year,
            opens_on=today - datetime.timedelta(days=10), closes_on=today + datetime.timedelta(days=10),
        )

        def close_period(self):
            self.period.opens_on = today - datetime.timedelta(days=60)
            self.period.closes_on = today - datetime.timedelta(days=30)
            self.period.save()

    return World()


@pytest.fixture
def make_user(archive, django_user_model):
    from django.contrib.auth.models import Group

    from kla.models import UserProfile

    def make(role_name):
        """A user for one of ROLE_NAMES (None for anonymous)."""
        if role_name == "anonymous":
            return None
        role, opd = {
            "contributor_same": (roles.KONTRIBUTOR, archive.opd_same),
            "contributor_other": (roles.KONTRIBUTOR, archive.opd_other),
            "assessor": (roles.ASESOR, None),
            "assessor_closed": (roles.ASESOR, None),
            "secretariat": (roles.SEKRETARIAT, None),
        }[role_name]
        user = django_user_model.objects.create_user(username=role_name)
        user.groups.add(Group.objects.get(name=role))
        if opd:
            UserProfile.objects.create(user=user, opd=opd)
        return user

    return make


@pytest.fixture
def make_document(archive):
    from wagtail.documents import get_document_model

    def make(title, access_level="public", opd=None, indicators=None, kind="laporan", thumbnail=True, **fields):
        document = get_document_model().objects.create(
            title=title, access_level=access_level, kind=kind, opd=opd or archive.opd_same,
            file=ContentFile(tiny_pdf(title), name="bukti.pdf"), years=[archive.period.year], **fields,
        )
        if thumbnail:
            document.thumbnail.save("thumb.png", ContentFile(tiny_png()), save=True)
        document.indicators.set(indicators if indicators is not None else [archive.indicator])
        return document

    return make
