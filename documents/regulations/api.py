"""GET /api/jdihn/: the integration feed for the national JDIH network (JDIHN).

A bare JSON array, one object per *published* regulation, with exactly the keys JDIHN members
publish (FEED_KEYS). Every value is a string: dates in ISO format (YYYY-MM-DD), URLs absolute
(built from settings.BASE_URL), "" for what is not known. A file is linked only when the public
may read it (documents.permissions); a restricted file never appears, not even by name."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from .models import Regulation, RegulationStatus
from .views import readable_file

FEED_KEYS = [
    "idData", "tahun_pengundangan", "tanggal_pengundangan", "jenis", "noPeraturan", "judul", "noPanggil",
    "singkatanJenis", "tempatTerbit", "penerbit", "deskripsiFisik", "sumber", "subjek", "isbn", "status", "bahasa",
    "lokasi", "bidangHukum", "teuBadan", "nomorIndukBuku", "fileDownload", "urlDownload", "abstrak", "urlAbstrak",
    "urlDetailPeraturan", "operasi", "display",
]

PUBLISHER = "Pemerintah Kabupaten Barito Utara"
STATUS_LABELS = {RegulationStatus.IN_FORCE: "Berlaku", RegulationStatus.NOT_IN_FORCE: "Tidak Berlaku"}
# Values every JDIHN member sends: operasi "4" (data to be read), display "1" (show it).
OPERATION, DISPLAY = "4", "1"


def absolute(path):
    return f"{settings.BASE_URL}{path}"


def feed_item(regulation, public=None):
    public = public or AnonymousUser()
    file = readable_file(public, regulation.file)
    abstract_file = readable_file(public, regulation.abstract_file)
    promulgated = regulation.promulgated_on
    item = {
        "idData": str(regulation.pk),
        "tahun_pengundangan": str(promulgated.year if promulgated else regulation.year),
        "tanggal_pengundangan": promulgated.isoformat() if promulgated else "",
        "jenis": regulation.type_name,
        "noPeraturan": regulation.number,
        "judul": regulation.title,
        "noPanggil": "",
        "singkatanJenis": regulation.type,
        "tempatTerbit": regulation.place_enacted,
        "penerbit": PUBLISHER,
        "deskripsiFisik": f"{file.page_count} hlm" if file is not None and file.page_count else "",
        "sumber": regulation.source,
        "subjek": regulation.subject,
        "isbn": "",
        "status": STATUS_LABELS[regulation.status],
        "bahasa": regulation.language,
        "lokasi": regulation.location,
        "bidangHukum": regulation.legal_field,
        "teuBadan": regulation.effective_main_entry,
        "nomorIndukBuku": "",
        "fileDownload": file.filename if file is not None else "",
        "urlDownload": absolute(reverse("documents:regulation_download", args=[regulation.pk])) if file is not None else "",
        "abstrak": regulation.abstract,
        "urlAbstrak": absolute(abstract_file.url) if abstract_file is not None else "",
        "urlDetailPeraturan": absolute(regulation.get_absolute_url()),
        "operasi": OPERATION,
        "display": DISPLAY,
    }
    return item


@require_GET
def jdihn_feed(request):
    public = AnonymousUser()
    regulations = Regulation.objects.published().select_related("file", "abstract_file").order_by("-year", "-pk")
    response = JsonResponse([feed_item(r, public) for r in regulations], safe=False, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response
