"""Importing a factor set: a bad file changes nothing and says why per row; a good one is
previewed first and then written whole, with its audit event."""

from decimal import Decimal

from django.urls import reverse

from pendel.climate.models import EmissionFactor, EmissionFactorSet
from pendel.core.models import AuditEvent

GOOD = """# a comment line
country;mode;value;unit;boundary;year;confirmed;source;note
SE;drive_alone;0,15;kg_co2e_per_pkm;WTW;2024;ja;Naturvårdsverket 2024;
SE;bus;0.04;kg_co2e_per_pkm;WTW;2024;nej;Naturvårdsverket 2024;
"""
BAD = """country,mode,value,unit,boundary,year,confirmed,source,note
SE,drive_alone,150,kg_co2e_per_pkm,WTW,2024,yes,Naturvårdsverket,
SE,helicopter,0.1,kg_co2e_per_pkm,WTW,2024,yes,Naturvårdsverket,
SE,bus,0.04,kg_co2e_per_pkm,WTW,2024,maybe,,
NO,train,0.01,kg_co2e_per_pkm,WTW,2024,yes,SSB,
SE,walk,0,kg_co2e_per_pkm,WTW,2024,yes,GHG Protocol,
"""


def details(**extra):
    return {"importer": "pendel_csv", "name": "Svenska faktorer", "version": "2024",
            "country": "SE", "source": "Naturvårdsverket", **extra}  # fmt: skip


def post(client, user, data):
    client.force_login(user)
    return client.post(reverse("staff:climate_factor_set_import"), data)


def counts():
    return EmissionFactorSet.objects.count(), EmissionFactor.objects.count()


def test_a_bad_file_changes_nothing_and_says_why_per_row(client, world):
    before = counts()
    for step in ("preview", "import"):
        response = post(client, world.coordinator, details(step=step, content=BAD))
        text = response.content.decode()
        assert response.status_code == 200
        assert counts() == before
        assert "nothing has been imported" in text
        assert "Line 2:" in text and "between 0 and 10 kg CO2e" in text
        assert "Line 3:" in text and "helicopter" in text
        assert "Line 4:" in text and "Confirmed must be yes or no." in text
        assert "Every factor needs its source." in text
        assert "Line 5:" in text and "This set is for SE" in text
        assert "Import the set" not in text


def test_a_good_file_is_previewed_then_imported_whole(client, world):
    before = counts()
    response = post(client, world.coordinator, details(step="preview", content=GOOD))
    assert "Preview: 2 factors" in response.content.decode()
    assert counts() == before
    response = post(client, world.coordinator, details(step="import", content=GOOD))
    assert response.status_code == 302
    factor_set = EmissionFactorSet.objects.get(name="Svenska faktorer")
    assert factor_set.confirmed is False  # one of its factors is not
    assert factor_set.imported_by == world.coordinator
    assert sorted(factor_set.factors.values_list("mode", "value")) == [
        ("bus", Decimal("0.04")),
        ("drive_alone", Decimal("0.15")),
    ]
    assert AuditEvent.objects.filter(action="climate_factor_set.import").count() == 1
    # The same name and version again: refused, nothing added.
    response = post(client, world.coordinator, details(step="import", content=GOOD))
    assert "exists already" in response.content.decode()
    assert EmissionFactorSet.objects.filter(name="Svenska faktorer").count() == 1


def test_a_new_default_replaces_the_old_one_of_its_country(client, world):
    post(client, world.coordinator, details(step="import", content=GOOD, is_default="on"))
    post(client, world.coordinator, details(step="import", content=GOOD, version="2025",
                                            is_default="on"))  # fmt: skip
    defaults = EmissionFactorSet.objects.filter(country="SE", is_default=True)
    assert list(defaults.values_list("version", flat=True)) == ["2025"]


def test_region_staff_cannot_import(client, world):
    before = counts()
    response = post(client, world.advisor, details(step="import", content=GOOD))
    assert response.status_code == 404
    assert counts() == before
