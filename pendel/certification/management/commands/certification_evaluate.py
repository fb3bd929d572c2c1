from django.core.management.base import BaseCommand

from pendel.certification.tasks import certification_evaluate_region_task
from pendel.core.dates import region_today
from pendel.regions.models import Region


class Command(BaseCommand):
    help = (
        "Queue the yearly certification evaluation of every active region's members "
        "(by default for the year that has just ended: run it early in January). Safe to "
        "run twice: members an advisor has decided on are left alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help="The year to evaluate.")

    def handle(self, *args, year=None, **options):
        regions = list(Region.objects.filter(is_active=True))
        for region in regions:
            certification_evaluate_region_task.enqueue(
                region_id=region.pk, year=year or region_today(region).year - 1
            )
        self.stdout.write(f"Queued the evaluation of {len(regions)} regions.")
