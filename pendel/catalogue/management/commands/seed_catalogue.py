from django.core.management.base import BaseCommand

from pendel.catalogue.seed import catalogue_seed_national


class Command(BaseCommand):
    help = "Create the national product catalogue and the VAT rates (safe to run again)."

    def handle(self, *args, **options):
        result = catalogue_seed_national()
        self.stdout.write(
            f"National products created: {result.products}; VAT rates created: {result.vat_rates}"
        )
