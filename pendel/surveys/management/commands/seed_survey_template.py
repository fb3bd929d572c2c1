from django.core.management.base import BaseCommand

from pendel.surveys.services import template_seed_standard


class Command(BaseCommand):
    help = "Create version 1 of the national standard survey template (idempotent)."

    def handle(self, *args, **options):
        version = template_seed_standard()
        self.stdout.write(f"Standard survey template: version {version.number}.")
