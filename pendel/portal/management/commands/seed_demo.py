from django.core.management.base import BaseCommand

from pendel.invoicing.demo import seed_demo_billing
from pendel.portal.demo import DEMO_PASSWORD, demo_logins, seed_demo
from pendel.surveys.demo import seed_demo_surveys


class Command(BaseCommand):
    help = "Load the demo regions, users and companies (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--logins-only", action="store_true", help="Only print the demo logins."
        )

    def handle(self, *args, logins_only: bool = False, **options):
        if not logins_only:
            seed_demo()
            seed_demo_billing()
            seed_demo_surveys()
            self.stdout.write(self.style.SUCCESS("Demo data is in place."))
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        for login in demo_logins():
            self.stdout.write(f"  {login.role:<56} {login.email}")
