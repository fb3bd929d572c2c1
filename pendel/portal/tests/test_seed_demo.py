from io import StringIO

from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from pendel.accounts.models import Role, User
from pendel.companies.models import Location, Organisation
from pendel.portal.demo import DEMO_PASSWORD, demo_logins, demo_totp_code
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


def test_every_printed_login_works_and_staff_pass_with_the_demo_code(db):
    call_command("seed_demo", verbosity=0)
    assert len(DEMO_PASSWORD) >= 12
    for login in demo_logins():
        client = Client()
        response = client.post(
            reverse("accounts:login"), {"username": login.email, "password": DEMO_PASSWORD}
        )
        assert response.status_code == 302, login.email
        home = client.get(reverse("portal:home"), follow=True)
        if home.redirect_chain and "/two-factor/" in home.redirect_chain[-1][0]:
            step = home.redirect_chain[-1][0]
            response = client.post(step, {"code": demo_totp_code()})
            assert response.status_code == 302, login.email
        final = client.get(reverse("portal:home"), follow=True)
        assert final.status_code == 200, login.email
        assert not any("/two-factor/" in url for url, _ in final.redirect_chain), login.email


def test_staff_logins_ask_for_the_second_factor(db):
    call_command("seed_demo", verbosity=0)
    client = Client()
    client.post(
        reverse("accounts:login"), {"username": "admin@pendel.demo", "password": DEMO_PASSWORD}
    )
    assert (
        client.get("/admin/", follow=True)
        .redirect_chain[-1][0]
        .startswith(reverse("accounts:two_factor"))
    )


def test_the_printed_logins_cover_every_role_of_every_region(db):
    call_command("seed_demo", verbosity=0)
    printed = {login.email: login for login in demo_logins()}
    roles = Role.objects.select_related("user", "region", "location__region")
    for role in roles.filter(kind__in=["coordinator", "region_staff"]):
        assert role.user.email in printed, role
    for role in roles.filter(kind="contact_person", is_primary=True):
        assert role.user.email in printed, role
        assert printed[role.user.email].region == role.location.region.name
    for region in Region.objects.all():
        kinds = {
            login.role.split(",")[0] for login in printed.values() if login.region == region.name
        }
        assert {"advisor", "contact person"} <= kinds, region


def test_the_command_prints_the_logins_by_region(db):
    call_command("seed_demo", verbosity=0)
    out = StringIO()
    call_command("seed_demo", logins_only=True, stdout=out)
    text = out.getvalue()
    assert text.index("Nedre Glomma") < text.index("advisor.nedre-glomma@pendel.demo")
    assert text.index("Overijssel") < text.index("sanne.devries@twentse-zorggroep.demo")


def test_logins_of_an_older_demo_are_flagged(db):
    out = StringIO()
    call_command("seed_demo", logins_only=True, stdout=out)
    assert "`make demo` loads the current one" in out.getvalue()
    call_command("seed_demo", verbosity=0, stdout=StringIO())
    out = StringIO()
    call_command("seed_demo", logins_only=True, stdout=out)
    assert "make demo" not in out.getvalue()
