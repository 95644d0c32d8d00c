"""Loads the demo content (``manage.py load_demo_content``).

Idempotent by construction: everything is looked up first (pages by slug under their parent, images and
documents by title, users by username, categories by slug, periods by year) and only what is missing is
created. Existing objects, including whatever an editor changed, are left alone; so a second run changes
nothing, adds no revision and duplicates nothing. The home page made by the migration is filled only while
it is still empty; site settings fill only empty fields; the menus only when they have no items.
"""

import datetime
import io
import os
import secrets
from collections import Counter
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection, Comment, Site

from home.models import (
    FooterMenuItem,
    HomePage,
    MainMenuItem,
    NavigationSettings,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
)
from kla.models import OPD, AssessmentPeriod, Indicator, RadPlan, UserProfile

from . import content, images, pdf

CREDENTIALS_NAME = "demo-credentials.txt"
CREDENTIALS_HEADER = (
    "# SIBULAN demo accounts, generated once by `manage.py load_demo_content`.\n"
    "# Log in at /admin/. Change these passwords (or delete the accounts) before real use.\n"
    "# username\tpassword\trole\n"
)


def credentials_path():
    return Path(settings.DATA_DIR) / CREDENTIALS_NAME


def read_credentials(path):
    """{username: password} from the credentials file (empty when it does not exist)."""
    if not path.exists():
        return {}
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("#") or len(parts) < 2:
            continue
        found[parts[0]] = parts[1]
    return found


def write_credentials(path, rows):
    """Write ``rows`` (username, password, role), readable by the owner only."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = CREDENTIALS_HEADER + "".join(f"{u}\t{p}\t{r}\n" for u, p, r in rows)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
    os.chmod(path, 0o600)


def documents_pipeline():
    """``documents.ingest.ingest_file`` when the ingestion pipeline is installed, else None."""
    try:
        from documents.ingest import ingest_file
    except ImportError:
        return None
    return ingest_file


from documents.regulations.demo import load_demo_regulations  # noqa: E402
from kla.demo import load_demo_rad  # noqa: E402


class DemoLoader:
    def __init__(self):
        self.created = Counter()
        self.credentials = []  # (username, password, role)
        self.notes = []

    # --- Entry point ------------------------------------------------------------------------------

    def run(self):
        with transaction.atomic():
            site = Site.objects.get(is_default_site=True)
            home = site.root_page.specific
            if not isinstance(home, HomePage):
                raise RuntimeError("The default site's root page is not the SIBULAN HomePage (run migrate first).")
            self.users()
            self.admin_user = get_user_model().objects.get(username="admin")
            self.periods()
            self.collection = self.demo_collection()
            self.image_objects = {key: self.image(key, spec) for key, spec in content.IMAGES.items()}
            self.document_objects = self.documents()
            pages = {spec["slug"]: self.standard_page(home, spec) for spec in content.PAGES}
            self.home_page(home, pages)
            index = self.news_index(home)
            pages[index.slug] = index
            for spec in content.NEWS:
                self.news_page(index, spec)
            self.site_settings(site)
            self.navigation(site, pages)
            self.created["regulations"] += load_demo_regulations()
            if not RadPlan.objects.exists():  # never overwrite a plan staff have started editing
                load_demo_rad()
                self.created["RAD plans"] += 1
        return self

    # --- Users ------------------------------------------------------------------------------------

    def users(self):
        User = get_user_model()
        path = credentials_path()
        known = read_credentials(path)
        changed = not path.exists()
        for username, role, first_name, last_name, opd_code in content.USERS:
            user = User.objects.filter(username=username).first()
            password = known.get(username)
            if user is None:
                password = password or secrets.token_urlsafe(12)
                user = User(username=username, first_name=first_name, last_name=last_name, email=f"{username}@sibulan.example")
                user.is_superuser = user.is_staff = role == "Administrator"
                user.set_password(password)
                user.save()
                user.groups.add(Group.objects.get(name=role))
                if opd_code:
                    UserProfile.objects.create(user=user, opd=OPD.objects.get(code=opd_code))
                self.created["users"] += 1
                changed = True
            elif password is None:
                # The account exists but its password was lost with the credentials file: make a new one.
                password = secrets.token_urlsafe(12)
                user.set_password(password)
                user.save(update_fields=["password"])
                self.notes.append(f"new password for {username}: {path} had none")
                changed = True
            self.credentials.append((username, password, role))
        if changed:
            write_credentials(path, self.credentials)

    def periods(self):
        for spec in content.ASSESSMENT_PERIODS:
            _period, created = AssessmentPeriod.objects.get_or_create(year=spec["year"], defaults=spec)
            self.created["assessment periods"] += created

    # --- Images and documents ---------------------------------------------------------------------

    def demo_collection(self):
        collection = Collection.objects.filter(name=content.DEMO_COLLECTION).first()
        if collection is None:
            collection = Collection.get_first_root_node().add_child(name=content.DEMO_COLLECTION)
        return collection

    def image(self, key, spec):
        Image = get_image_model()
        existing = Image.objects.filter(title=spec["title"]).first()
        if existing:
            return existing
        data = images.render(spec, key)
        self.created["images"] += 1
        return Image.objects.create(
            title=spec["title"],
            description=spec["alt"],
            collection=self.collection,
            file=ImageFile(io.BytesIO(data), name=f"demo-{key}.{images.extension(spec)}"),
        )

    def documents(self):
        from wagtail.documents import get_document_model

        ingest_file = documents_pipeline()
        if ingest_file is None:
            self.notes.append("demo documents skipped: the documents ingestion pipeline is not installed")
            return {}
        Document = get_document_model()
        found = {}
        for key, spec in content.DOCUMENTS.items():
            document = Document.objects.filter(title=spec["title"]).first()
            if document is None:
                data = pdf.text_pdf(spec["pages"], spec["title"])
                document = ingest_file(
                    io.BytesIO(data),
                    spec["filename"],
                    title=spec["title"],
                    indicators=list(Indicator.objects.filter(number__in=spec["indicators"]).values_list("pk", flat=True)),
                    years=spec["years"],
                    user=self.admin_user,
                    kind=spec["kind"],
                    access_level=spec["access_level"],
                    opd=OPD.objects.filter(code=spec["opd"]).first(),
                    description=spec["description"],
                    collection=self.collection,
                ).document
                self.created["documents"] += 1
            if spec["kind"] == "bukti":
                self.evidence(document, spec)
            found[key] = document
        return found

    def evidence(self, document, spec):
        from documents.models import Evidence, VerificationState

        period = AssessmentPeriod.objects.get(year=spec["years"][0])
        for indicator in Indicator.objects.filter(number__in=spec["indicators"]):
            if Evidence.objects.filter(document=document, indicator=indicator, period=period).exists():
                continue
            evidence = Evidence(document=document, indicator=indicator, period=period)
            evidence.set_state(self.admin_user, VerificationState.SUBMITTED)
            evidence.save()
            self.created["evidence"] += 1

    # --- Pages ------------------------------------------------------------------------------------

    def body(self, blocks):
        """Raw StreamField data with the image and document keys resolved (a document block whose
        document is missing is left out)."""
        raw = []
        for block in blocks:
            if "image_key" in block:
                image = self.image_objects[block["image_key"]]
                value = {"image": {"image": image.pk, "alt_text": image.description, "decorative": False}, "caption": block["caption"]}
                raw.append({"type": "image", "value": value})
            elif "document_key" in block:
                document = self.document_objects.get(block["document_key"])
                if document is not None:
                    raw.append({"type": "document", "value": {"document": document.pk, "description": block["description"]}})
            else:
                raw.append(block)
        return raw

    def publish(self, page):
        page.save_revision(user=self.admin_user, log_action=True).publish(user=self.admin_user)
        Comment.objects.create(page=page, user=self.admin_user, text=content.DEMO_NOTE, contentpath="title")
        self.created["pages"] += 1

    def child(self, parent, slug):
        return parent.get_children().filter(slug=slug).specific().first()

    def standard_page(self, home, spec):
        page = self.child(home, spec["slug"])
        if page is None:
            page = StandardPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"], body=self.body(spec["body"]), show_in_menus=True)
            home.add_child(instance=page)
            self.publish(page)
        return page

    def home_page(self, home, pages):
        if home.intro or home.hero_text or len(home.key_figures):
            return  # already filled (by an earlier run or by an editor)
        spec = content.HOME
        home.title = spec["title"]
        home.hero_heading = spec["hero_heading"]
        home.hero_text = spec["hero_text"]
        home.hero_image = self.image_objects[spec["hero_image"]]
        home.hero_link_page = pages.get(spec["hero_link_page"])
        home.hero_link_label = spec["hero_link_label"]
        home.intro = spec["intro"]
        home.key_figures = [{"type": "figure", "value": {"figure": f, "label": label}} for f, label in spec["key_figures"]]
        home.search_description = spec["hero_text"]
        self.publish(home)

    def news_index(self, home):
        spec = content.NEWS_INDEX
        index = self.child(home, spec["slug"])
        if index is None:
            index = NewsIndexPage(title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True)
            home.add_child(instance=index)
            self.publish(index)
        return index

    def category(self, slug):
        name = dict(content.CATEGORIES)[slug]
        category, created = NewsCategory.objects.get_or_create(slug=slug, defaults={"name": name})
        self.created["news categories"] += created
        return category

    def news_page(self, index, spec):
        if self.child(index, spec["slug"]) is not None:
            return
        published = timezone.make_aware(datetime.datetime.combine(spec["date"], datetime.time(10, 0)))
        page = NewsPage(
            title=spec["title"],
            slug=spec["slug"],
            date=spec["date"],
            intro=spec["intro"],
            lead_image=self.image_objects[spec["image"]],
            lead_image_caption=spec["caption"],
            body=self.body(spec["body"]),
            first_published_at=published,
        )
        index.add_child(instance=page)
        page.categories.set([self.category(slug) for slug in spec["categories"]])
        page.tags.set(spec["tags"])
        self.publish(page)

    # --- Settings and navigation --------------------------------------------------------------------

    def site_settings(self, site):
        site_settings = SiteSettings.for_site(site)
        changed = []
        for name, value in content.SITE_SETTINGS.items():
            current = getattr(site_settings, name)
            if not current or current == SiteSettings._meta.get_field(name).default:
                if current != value:
                    setattr(site_settings, name, value)
                    changed.append(name)
        if site_settings.logo_id is None:
            site_settings.logo = self.image_objects["logo"]
            changed.append("logo")
        if changed:
            site_settings.save()
            self.created["site settings fields"] += len(changed)

    def navigation(self, site, pages):
        navigation = NavigationSettings.for_site(site)
        for model, items in ((MainMenuItem, content.MAIN_MENU), (FooterMenuItem, content.FOOTER_MENU)):
            if model.objects.filter(setting=navigation).exists():
                continue
            for order, (title, slug, url) in enumerate(items):
                page = pages.get(slug) if slug else None
                model.objects.create(
                    setting=navigation, sort_order=order, link_page=page, link_url="" if page else url, link_title=title
                )
                self.created["menu items"] += 1

    # --- Report -----------------------------------------------------------------------------------

    def summary(self):
        created = +self.created  # drops the zero counts
        if not created:
            return "Demo content already complete: nothing changed."
        return "Demo content created: " + ", ".join(f"{count} {what}" for what, count in created.items())
