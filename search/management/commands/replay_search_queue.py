from django.core.management.base import BaseCommand

from search.backends.queue import replay


class Command(BaseCommand):
    help = "Send the index changes the search engine missed while it was down."

    def handle(self, *args, **options):
        sent, left = replay()
        self.stdout.write(f"sent {sent}, still pending {left}")
        if left:
            raise SystemExit(1)
