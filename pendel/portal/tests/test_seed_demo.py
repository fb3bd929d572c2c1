from django.core.management import call_command

from pendel.accounts.models import Role, User
from pendel.companies.models import Location, Organisation
from pendel.portal.demo import DEMO_PASSWORD, demo_logins
from pendel.regions.models import Region


def counts():
    return [m.objects.count() for m in (Region, Organisation, Location, User, Role)]


def test_the_demo_has_four_regions_in_three_countries(db):
    call_command("seed_demo", verbosity=0)
    regions = {r.slug: (r.country_id, r.currency) for r in Region.objects.select_related("country")}
    assert regions == {
        "nedre-glomma": ("NO", "NOK"),
        "nord-jaeren": ("NO", "NOK"),
        "jamtland-harjedalen": ("SE", "SEK"),
        "overijssel": ("NL", "EUR"),
    }
    assert Role.objects.filter(kind="region_staff").values("region").distinct().count() == 4
    national = Organisation.objects.get(name="Nordvei Logistikk AS")
    assert national.locations.values("region").distinct().count() == 3


def test_running_it_again_changes_nothing(db):
    call_command("seed_demo", verbosity=0)
    before = counts()
    call_command("seed_demo", verbosity=0)
    assert counts() == before


def test_every_printed_login_works(client, db):
    call_command("seed_demo", verbosity=0)
    for login in demo_logins():
        assert client.login(username=login.email, password=DEMO_PASSWORD), login.email
