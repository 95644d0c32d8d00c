"""``manage.py load_demo_content``: a realistic Barito Utara KLA portal in one step (run by ``make run``).

Creates the about pages, news, illustrations, site settings, menus, assessment periods, a few demo documents
and one demo user per role; a second run changes nothing. The demo passwords are generated once, kept in
``DATA_DIR/demo-credentials.txt`` (readable by the owner only) and printed at the end of every run.
"""

from django.core.management.base import BaseCommand

from home.demo.loader import DemoLoader, credentials_path


class Command(BaseCommand):
    help = "Load the SIBULAN demo content (idempotent) and print the demo accounts."

    def handle(self, *args, **options):
        loader = DemoLoader().run()
        self.stdout.write(self.style.SUCCESS(loader.summary()))
        for note in loader.notes:
            self.stdout.write(f"Note: {note}")
        self.stdout.write("")
        self.stdout.write(f"Demo accounts (also in {credentials_path()}); log in at /admin/:")
        for username, password, role in loader.credentials:
            self.stdout.write(f"  {role:<24} username: {username:<12} password: {password}")
