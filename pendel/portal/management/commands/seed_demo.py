from django.core.management.base import BaseCommand

from pendel.accounts.models import User
from pendel.activities.demo import seed_demo_activities
from pendel.certification.demo import seed_demo_certification
from pendel.invoicing.demo import seed_demo_billing
from pendel.portal.demo import (
    DEMO_PASSWORD,
    demo_logins,
    demo_totp_code,
    demo_totp_secret,
    seed_demo,
)
from pendel.surveys.demo import seed_demo_surveys


class Command(BaseCommand):
    help = "Load the demo regions, users and companies (safe to run again)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--logins-only", action="store_true", help="Only print the demo logins."
        )
        parser.add_argument(
            "--code",
            action="store_true",
            help="Only print the staff users' current two-factor code.",
        )

    def handle(self, *args, logins_only: bool = False, code: bool = False, **options):
        if code:
            self.stdout.write(demo_totp_code())
            return
        if not logins_only:
            seed_demo()
            seed_demo_billing()
            seed_demo_surveys()
            seed_demo_activities()
            seed_demo_certification()
            self.stdout.write(self.style.SUCCESS("Demo data is in place."))
        logins = demo_logins()
        self.stdout.write(f"Demo logins (password for all: {DEMO_PASSWORD}):")
        region = None
        for login in logins:
            if login.region != region:
                region = login.region
                self.stdout.write(f"  {region or 'All regions'}")
            self.stdout.write(f"    {login.role:<60} {login.email}")
        emails = [login.email for login in logins]
        if User.objects.filter(email__in=emails).count() < len(emails):
            self.stdout.write(
                self.style.WARNING(
                    "Some of these are not in the database yet (it holds an older demo):"
                    " `make demo` loads the current one."
                )
            )
        self.stdout.write(
            "Staff and the superuser also need a code from an authenticator app. Add the demo"
            f" secret {demo_totp_secret()} to one, or get the code of the moment with"
            " `.venv/bin/python manage.py seed_demo --code`."
        )
