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


@pytest.fixture
def make_regulation(db, make_doc):
    """A regulation (JDIH), published unless ``publish=False``, with a file of ``file_level``."""
    from documents.regulations.models import Regulation

    def make(number, year=2024, about="Uji", *, type="PERBUP", abstract="", subject="", indicators=(), publish=True, file_level="public", file_text=""):
        names = {"PERBUP": "Peraturan Bupati Barito Utara", "PERDA": "Peraturan Daerah Kabupaten Barito Utara", "KEPBUP": "Keputusan Bupati Barito Utara"}
        title = f"{names[type]} Nomor {number} Tahun {year} tentang {about}"
        file = make_doc(f"Berkas {type} {number}/{year}", file_text, access_level=file_level, kind="regulasi") if file_level else None
        regulation = Regulation(
            title=title, type=type, number=str(number), year=year, abstract=abstract, subject=subject, file=file,
            enacted_on=datetime.date(year, 3, 1), live=False,
        )
        if indicators:
            from kla.models import Indicator

            regulation.indicators = list(Indicator.objects.filter(number__in=indicators))
        regulation.save()
        if publish:
            regulation.save_revision().publish()
        return regulation

    return make
