"""Regulations (JDIH): the JDIHN feed, revocations on both sides, the public library, counted
downloads, restricted files, stale evidence and who may publish."""

import datetime
import json
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from documents.models import Evidence, Regulation, RegulationRelation, RegulationStatus
from documents.regulations.api import FEED_KEYS
from tests.documents.archive_fixtures import *  # noqa: F403


@pytest.fixture
def make_regulation(archive, make_document):
    counter = iter(range(1, 1000))

    def make(title=None, type="PERBUP", year=2025, publish=True, file_level="public", revokes=(), amends=(), indicators=(), **fields):
        number = fields.pop("number", str(next(counter)))
        title = title or f"Peraturan Bupati Barito Utara Nomor {number} Tahun {year} tentang Uji"
        file = make_document(title, access_level=file_level, kind="regulasi", thumbnail=False) if file_level else None
        fields = {"enacted_on": datetime.date(year, 3, 1), "promulgated_on": datetime.date(year, 3, 2), **fields}
        regulation = Regulation(title=title, type=type, number=number, year=year, file=file, live=False, **fields)
        regulation.indicators = list(indicators)
        regulation.relations = [RegulationRelation(kind="mencabut", target=t) for t in revokes] + [
            RegulationRelation(kind="mengubah", target=t) for t in amends
        ]
        regulation.save()
        if publish:
            regulation.save_revision().publish()
        return regulation

    return make


def feed(client):
    response = client.get(reverse("documents:jdihn_feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    return json.loads(response.content)


NOTICE = '<section class="regulation-notice"'


def refreshed(regulation):
    return Regulation.objects.get(pk=regulation.pk)


# --- The JDIHN feed -----------------------------------------------------------------------------


def test_jdihn_feed_lists_every_published_regulation_with_exactly_the_jdihn_keys(make_regulation, client):
    perda = make_regulation("Peraturan Daerah Kabupaten Barito Utara Nomor 4 Tahun 2019 tentang Perlindungan Anak", type="PERDA", year=2019, source="Lembaran Daerah Kabupaten Barito Utara Tahun 2019 Nomor 4", subject="PERLINDUNGAN ANAK")
    perbup = make_regulation(promulgated_on=None)
    draft = make_regulation("Rancangan Peraturan Bupati tentang Forum Anak", publish=False)

    items = feed(client)
    assert isinstance(items, list)
    assert sorted(item["idData"] for item in items) == sorted([str(perda.pk), str(perbup.pk)])
    assert str(draft.pk) not in {item["idData"] for item in items}
    assert "Forum Anak" not in json.dumps(items)
    for item in items:
        assert list(item) == FEED_KEYS
        assert all(isinstance(value, str) for value in item.values())
        assert item["tanggal_pengundangan"] == "" or datetime.date.fromisoformat(item["tanggal_pengundangan"])
        for key in ("urlDownload", "urlAbstrak", "urlDetailPeraturan"):
            assert item[key] == "" or item[key].startswith(settings.BASE_URL + "/")
        assert item["urlDetailPeraturan"]

    by_id = {item["idData"]: item for item in items}
    row = by_id[str(perda.pk)]
    assert row["tanggal_pengundangan"] == "2019-03-02" and row["tahun_pengundangan"] == "2019"
    assert (row["jenis"], row["singkatanJenis"], row["teuBadan"]) == ("Peraturan Daerah", "PERDA", "Barito Utara (Kabupaten)")
    assert row["sumber"] == "Lembaran Daerah Kabupaten Barito Utara Tahun 2019 Nomor 4"
    assert row["status"] == "Berlaku" and row["tempatTerbit"] == "Muara Teweh"
    assert row["fileDownload"] == perda.file.filename
    assert client.get(row["urlDetailPeraturan"].removeprefix(settings.BASE_URL)).status_code == 200
    assert by_id[str(perbup.pk)]["tanggal_pengundangan"] == "" and by_id[str(perbup.pk)]["teuBadan"] == "Barito Utara. Bupati"


def test_restricted_file_never_appears_in_the_feed_or_on_the_public_detail_page(make_regulation, make_user, client):
    regulation = make_regulation(file_level="internal")
    file = regulation.file
    item = feed(client)[0]
    assert item["fileDownload"] == item["urlDownload"] == item["deskripsiFisik"] == ""
    assert file.filename not in json.dumps(item)

    content = client.get(regulation.get_absolute_url()).content.decode()
    assert _("The file of this regulation is not public.") in content
    assert file.filename not in content and file.url not in content
    assert reverse("documents:regulation_download", args=[regulation.pk]) not in content
    assert client.get(reverse("documents:regulation_download", args=[regulation.pk])).status_code == 404
    assert refreshed(regulation).download_count == 0

    client.force_login(make_user("secretariat"))  # who may read it gets the preview
    response = client.get(regulation.get_absolute_url())
    assert f'src="{file.url}"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]


# --- Revocation and amendment ---------------------------------------------------------------------


def test_a_revocation_shows_on_both_regulations_and_the_revoked_one_says_so(make_regulation, client):
    old = make_regulation("Peraturan Bupati Barito Utara Nomor 21 Tahun 2020 tentang Gugus Tugas KLA", year=2020)
    assert refreshed(old).status == RegulationStatus.IN_FORCE
    new = make_regulation("Peraturan Bupati Barito Utara Nomor 12 Tahun 2025 tentang Gugus Tugas KLA", revokes=[old])

    assert refreshed(old).status == RegulationStatus.NOT_IN_FORCE
    old_page = client.get(old.get_absolute_url()).content.decode()
    notice = re.search(r'<section class="regulation-notice".*?</section>', old_page, re.S).group(0)
    assert _("This regulation is no longer in force") in notice
    assert f'href="{new.get_absolute_url()}"' in notice and new.title in notice
    assert str(_("revoked by (dicabut oleh)")) in old_page

    new_page = client.get(new.get_absolute_url()).content.decode()
    assert NOTICE not in new_page
    assert str(_("revokes (mencabut)")) in new_page and f'href="{old.get_absolute_url()}"' in new_page

    statuses = {item["idData"]: item["status"] for item in feed(client)}
    assert statuses == {str(old.pk): "Tidak Berlaku", str(new.pk): "Berlaku"}


def test_an_amendment_keeps_the_old_regulation_in_force_but_says_it_was_amended(make_regulation, client):
    old = make_regulation(year=2020)
    new = make_regulation(amends=[old])
    assert refreshed(old).status == RegulationStatus.IN_FORCE
    page = client.get(old.get_absolute_url()).content.decode()
    assert _("This regulation has been amended") in page and f'href="{new.get_absolute_url()}"' in page
    assert str(_("amended by (diubah oleh)")) in page


def test_only_a_published_revocation_counts_and_unpublishing_it_restores_the_status(make_regulation, client):
    old = make_regulation(year=2020)
    draft = make_regulation(revokes=[old], publish=False)
    assert refreshed(old).status == RegulationStatus.IN_FORCE
    assert NOTICE not in client.get(old.get_absolute_url()).content.decode()
    assert client.get(draft.get_absolute_url()).status_code == 404

    draft.save_revision().publish()
    assert refreshed(old).status == RegulationStatus.NOT_IN_FORCE
    refreshed(draft).unpublish()
    assert refreshed(old).status == RegulationStatus.IN_FORCE


def test_a_status_set_by_hand_is_kept_when_no_revocation_exists(make_regulation):
    regulation = make_regulation(status=RegulationStatus.NOT_IN_FORCE)
    assert refreshed(regulation).status == RegulationStatus.NOT_IN_FORCE


# --- The public library -----------------------------------------------------------------------------


def option_counts(content, name):
    select = re.search(rf'<select name="{name}">(.*?)</select>', content, re.S).group(1)
    return {value: int(count) for value, count in re.findall(r'<option value="([^"]+)"[^>]*>[^<]*\((\d+)\)</option>', select)}


def listed(content):
    return {int(pk) for pk in re.findall(r'<tr data-regulation="(\d+)">', content)}


def test_listing_filters_with_counts_and_no_drafts(archive, make_regulation, client):
    from kla.models import Indicator

    forum = Indicator.objects.get(number=6)
    a = make_regulation(year=2025, subject="FORUM ANAK", indicators=[forum])
    b = make_regulation(year=2024, subject="KABUPATEN LAYAK ANAK")
    c = make_regulation("Peraturan Daerah Kabupaten Barito Utara Nomor 4 Tahun 2025 tentang Perlindungan Anak", type="PERDA", year=2025, subject="PERLINDUNGAN ANAK", indicators=[forum])
    make_regulation("Rancangan Perbup", year=2025, publish=False)
    url = reverse("documents:regulation_list")

    content = client.get(url).content.decode()
    assert listed(content) == {a.pk, b.pk, c.pk}
    assert option_counts(content, "jenis") == {"PERBUP": 2, "PERDA": 1}
    assert option_counts(content, "tahun") == {"2025": 2, "2024": 1}
    assert option_counts(content, "indikator") == {"6": 2}
    assert option_counts(content, "status") == {"berlaku": 3}

    content = client.get(url, {"jenis": "PERBUP"}).content.decode()
    assert listed(content) == {a.pk, b.pk}
    assert option_counts(content, "jenis") == {"PERBUP": 2, "PERDA": 1}  # a filter's own counts ignore it
    assert option_counts(content, "tahun") == {"2025": 1, "2024": 1}
    assert ngettext("%(counter)s regulation", "%(counter)s regulations", 2) % {"counter": 2} in content

    assert listed(client.get(url, {"indikator": 6, "tahun": 2025}).content.decode()) == {a.pk, c.pk}
    assert listed(client.get(url, {"subjek": "FORUM ANAK"}).content.decode()) == {a.pk}
    assert listed(client.get(url, {"status": "tidak_berlaku"}).content.decode()) == set()


def test_listing_sorts_by_title_and_number(make_regulation, client):
    make_regulation("B Perbup", number="10")
    make_regulation("A Perbup", number="2")
    make_regulation("C Perbup", number="1")
    url = reverse("documents:regulation_list")
    titles = lambda content: re.findall(r'<td><a href="[^"]+">([ABC]) Perbup</a></td>', content)  # noqa: E731
    assert titles(client.get(url, {"urut": "judul"}).content.decode()) == ["A", "B", "C"]
    assert titles(client.get(url, {"urut": "nomor"}).content.decode()) == ["C", "A", "B"]


def test_listing_paginates(make_regulation, client):
    for _number in range(21):
        make_regulation(file_level=None)
    url = reverse("documents:regulation_list")
    assert len(listed(client.get(url).content.decode())) == 20
    assert len(listed(client.get(url, {"halaman": 2}).content.decode())) == 1


# --- Downloads ---------------------------------------------------------------------------------------


def test_a_download_is_counted_once_and_handed_to_the_document_serve_view(make_regulation, client):
    regulation = make_regulation()
    detail = client.get(regulation.get_absolute_url()).content.decode()
    download_url = reverse("documents:regulation_download", args=[regulation.pk])
    assert f'href="{download_url}"' in detail and f'src="{regulation.file.url}"' in detail  # link and inline preview

    response = client.get(download_url, follow=True)
    assert response.redirect_chain == [(f"{regulation.file.url}?unduh=1", 302)]
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")
    assert "attachment" in response["Content-Disposition"]
    assert refreshed(regulation).download_count == 1

    client.get(regulation.file.url)  # the inline preview is not a download
    client.get(regulation.get_absolute_url())
    assert refreshed(regulation).download_count == 1

    # publishing a new revision does not reset the counter
    regulation = refreshed(regulation)
    regulation.save_revision().publish()
    assert refreshed(regulation).download_count == 1


# --- Stale evidence ----------------------------------------------------------------------------------


def test_evidence_of_a_revoked_regulation_is_flagged_stale_and_cleared_when_it_is_in_force_again(archive, make_regulation, make_user, client):
    old = make_regulation("Peraturan Bupati Barito Utara Nomor 21 Tahun 2020 tentang Gugus Tugas KLA", year=2020)
    evidence = Evidence.objects.create(document=old.file, indicator=archive.indicator, period=archive.period, state="verified", valid_across_years=True)
    new = make_regulation("Peraturan Bupati Barito Utara Nomor 12 Tahun 2025 tentang Gugus Tugas KLA", revokes=[old])

    evidence.refresh_from_db()
    assert evidence.is_stale and new.title in evidence.stale_reason

    client.force_login(make_user("secretariat"))
    content = client.get(reverse("documents:completeness")).content.decode()
    cell = re.search(rf'<tr data-indicator="{archive.indicator.number}">.*?<td class="[^"]*cell-stale[^"]*" data-period="{archive.period.year}">(.*?)</td>', content, re.S)
    assert cell, "the matrix cell is not marked stale"
    assert ngettext("%(counter)s stale", "%(counter)s stale", 1) % {"counter": 1} in cell.group(1)
    assert new.title in cell.group(1)

    refreshed(new).unpublish()
    evidence.refresh_from_db()
    assert not evidence.is_stale and evidence.stale_reason == ""
    assert "cell-stale" not in client.get(reverse("documents:completeness")).content.decode()


def test_setting_a_regulation_not_in_force_by_hand_flags_its_evidence_and_back_clears_it(archive, make_regulation):
    regulation = make_regulation()
    evidence = Evidence.objects.create(document=regulation.file, indicator=archive.indicator, period=archive.period, state="submitted")
    regulation = refreshed(regulation)
    regulation.status = RegulationStatus.NOT_IN_FORCE
    regulation.save_revision().publish()
    evidence.refresh_from_db()
    assert evidence.is_stale and regulation.reference in evidence.stale_reason

    regulation = refreshed(regulation)
    regulation.status = RegulationStatus.IN_FORCE
    regulation.save_revision().publish()
    evidence.refresh_from_db()
    assert not evidence.is_stale


# --- Who may publish ---------------------------------------------------------------------------------


def admin_form(regulation_title, **extra):
    data = {
        "document_type": "Peraturan", "title": regulation_title, "type": "PERBUP", "number": "7", "year": "2025",
        "main_entry": "", "place_enacted": "Muara Teweh", "enacted_on": "2025-05-02", "promulgated_on": "",
        "source": "", "signatory": "", "initiator_opd": "", "initiator": "", "subject": "FORUM ANAK",
        "legal_field": "", "language": "Indonesia", "location": "", "abstract": "", "file": "", "abstract_file": "",
        "status": "berlaku",
        "relations-TOTAL_FORMS": "0", "relations-INITIAL_FORMS": "0", "relations-MIN_NUM_FORMS": "0", "relations-MAX_NUM_FORMS": "1000",
    }
    data.update(extra)
    return data


def test_a_contributor_drafts_but_cannot_publish_and_the_sekretariat_publishes(make_user, client):
    contributor = make_user("contributor_same")
    assert not contributor.has_perm("documents.publish_regulation")
    client.force_login(contributor)
    add_url = reverse("wagtailsnippets_documents_regulation:add")
    assert client.get(add_url).status_code == 200
    client.post(add_url, admin_form("Peraturan Bupati tentang Forum Anak", **{"action-publish": "action-publish"}))
    regulation = Regulation.objects.get(title="Peraturan Bupati tentang Forum Anak")
    assert not regulation.live
    assert client.get(regulation.get_absolute_url()).status_code == 404 and feed(client) == []

    secretariat = make_user("secretariat")
    client.force_login(secretariat)
    edit_url = reverse("wagtailsnippets_documents_regulation:edit", args=[regulation.pk])
    response = client.post(edit_url, admin_form("Peraturan Bupati tentang Forum Anak", **{"action-publish": "action-publish"}))
    assert response.status_code == 302
    assert refreshed(regulation).live
    assert [item["judul"] for item in feed(client)] == ["Peraturan Bupati tentang Forum Anak"]


def test_demo_regulations_load_once_with_one_revoked_by_a_newer(archive, client):
    from documents.regulations.demo import load_demo_regulations

    assert load_demo_regulations() >= 3
    count = Regulation.objects.count()
    assert load_demo_regulations() == 0 and Regulation.objects.count() == count
    items = feed(client)
    assert len(items) == count and all(item["urlDownload"] for item in items)
    revoked = Regulation.objects.get(status=RegulationStatus.NOT_IN_FORCE)
    assert revoked.revoking_regulations().exists()
