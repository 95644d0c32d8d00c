import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone


@pytest.fixture
def opds(db):
    from kla.models import OPD

    return {
        "dinkes": OPD.objects.get_or_create(code="dinkes", defaults={"name": "Dinas Kesehatan", "short_name": "Dinkes"})[0],
        "disdik": OPD.objects.get_or_create(code="disdik", defaults={"name": "Dinas Pendidikan", "short_name": "Disdik"})[0],
    }


@pytest.fixture
def make_doc(db):
    from documents.models import ArchiveDocument

    def make(title, text="", *, access_level="public", kind="bukti", opd=None, years=(2025,), indicators=(), description="", day=None):
        doc = ArchiveDocument(
            title=title, description=description, access_level=access_level, kind=kind, opd=opd,
            years=list(years), document_date=day or datetime.date(2025, 3, 1), extracted_text=text,
        )
        doc.file.save(f"{title[:20]}.txt", ContentFile(text.encode() or b"-"), save=False)
        doc.save()
        if indicators:
            from kla.models import Indicator

            doc.indicators.set(Indicator.objects.filter(number__in=indicators))
        return doc

    return make


def _user(django_user_model, username, role=None, opd=None):
    from kla import roles
    from kla.models import UserProfile

    user = django_user_model.objects.create_user(username=username, password="kata-sandi-panjang-123")
    if role:
        user.groups.add(Group.objects.get_or_create(name=role)[0])
    if opd:
        UserProfile.objects.update_or_create(user=user, defaults={"opd": opd})
    assert role is None or role in roles.ALL_ROLES
    return user


@pytest.fixture
def assessor(db, django_user_model):
    from kla import roles
    from kla.models import AssessmentPeriod

    today = timezone.localdate()
    AssessmentPeriod.objects.get_or_create(
        year=today.year, defaults={"name": f"Evaluasi KLA {today.year}", "opens_on": today - datetime.timedelta(days=5), "closes_on": today + datetime.timedelta(days=5)}
    )
    return _user(django_user_model, "asesor", roles.ASESOR)


@pytest.fixture
def contributor(db, django_user_model, opds):
    from kla import roles

    return lambda opd_code: _user(django_user_model, f"kontributor-{opd_code}", roles.KONTRIBUTOR, opds[opd_code])


@pytest.fixture
def anonymous():
    from django.contrib.auth.models import AnonymousUser

    return AnonymousUser()
