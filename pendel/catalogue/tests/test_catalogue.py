"""The national catalogue, its texts in four languages, regional add-ons and the VAT table."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import translation

from pendel.catalogue.models import Product, RegionOffer, VatRate
from pendel.catalogue.seed import NATIONAL_PRODUCTS, VAT_RATES, catalogue_seed_national
from pendel.catalogue.selectors import offered_products, products_for_region
from pendel.catalogue.services import offer_set, product_save, vat_rate_confirm, vat_rate_create
from pendel.regions.factories import CountryFactory


def test_a_regions_add_on_falls_back_to_the_regions_language(seeded):
    bikes = Product(region=seeded.region, name={"nb": "Bysykkel"}, description={"en": "Bikes"})
    with translation.override("nl"):
        assert str(bikes) == "Bysykkel"
        assert bikes.get_description_display() == "Bikes"
    assert bikes.get_name_display("sv") == "Bysykkel"


def test_the_seed_writes_every_product_in_four_languages_and_is_idempotent(world):
    CountryFactory(code="SE", currency="SEK", default_language="sv", time_zone="Europe/Stockholm")
    first = catalogue_seed_national()
    again = catalogue_seed_national()
    assert (first.products, first.vat_rates) == (len(NATIONAL_PRODUCTS), len(VAT_RATES))
    assert (again.products, again.vat_rates) == (0, 0)
    for product in Product.objects.all():
        assert product.missing_languages() == []
        assert all(product.description.get(code) for code in ("nb", "en", "sv", "nl"))
    with translation.override("sv"):
        assert str(Product.objects.get(code="company-ticket")) == "Företagsbiljett"


def test_the_seed_keeps_what_staff_have_changed(seeded):
    product = Product.objects.get(code="event")
    product.name["nb"] = "Frokostmøte"
    product.save()
    call_command("seed_catalogue", verbosity=0)
    product.refresh_from_db()
    assert product.name["nb"] == "Frokostmøte"


def test_the_vat_table_has_the_reduced_rate_for_passenger_transport(seeded):
    rates = {
        (rate.country_id, rate.tax_class): (rate.rate, rate.confirmed)
        for rate in VatRate.objects.all()
    }
    assert rates[("NO", "passenger_transport")][0] == 12
    assert rates[("NO", "standard")][0] == 25
    assert rates[("NL", "passenger_transport")] == (9, False)  # not checked at the source yet
    assert rates[("NL", "standard")][0] == 21
    assert all(rate.source_url.startswith("https://") for rate in VatRate.objects.all())


def test_a_new_vat_rate_ends_the_one_before(seeded):
    vat_rate_create(
        actor=seeded.coordinator,
        data={
            "country_id": "NL",
            "tax_class": "passenger_transport",
            "category": "S",
            "rate": 6,
            "valid_from": date(2027, 1, 1),
            "source_url": "https://www.belastingdienst.nl/",
        },
    )
    old = VatRate.objects.get(country="NL", tax_class="passenger_transport", rate=9)
    assert old.valid_to == date(2026, 12, 31)


def test_an_exempt_rate_needs_a_reason_and_zero(seeded):
    with pytest.raises(ValidationError):
        vat_rate_create(
            actor=seeded.coordinator,
            data={
                "country_id": "NO",
                "tax_class": "standard",
                "category": "E",
                "rate": 0,
                "valid_from": date(2027, 1, 1),
                "source_url": "https://www.skatteetaten.no/",
            },
        )
    assert VatRate.objects.filter(country="NO", tax_class="standard").count() == 1


def test_confirming_a_rate_notes_the_day(seeded):
    rate = VatRate.objects.get(country="NL", tax_class="standard")
    vat_rate_confirm(
        actor=seeded.coordinator, rate=rate, source_url="https://www.belastingdienst.nl/x"
    )
    rate.refresh_from_db()
    assert rate.confirmed and rate.checked_on is not None


def test_a_region_switches_national_products_on_and_adds_its_own(seeded):
    region = seeded.region
    assert not offered_products(region).exists()  # nothing is on until the region says so
    ticket = Product.objects.get(code="company-ticket")
    offer_set(actor=seeded.advisor, region=region, product=ticket, enabled=True)
    bikes = product_save(
        actor=seeded.advisor,
        product=Product(region=region),
        data={"code": "city-bikes", "kind": "subscription", "billing": "monthly"},
        texts={"name": {"nb": "Bysykkel", "en": ""}, "description": {"nb": " "}},
    )
    assert set(offered_products(region)) == {ticket, bikes}
    assert (bikes.name, bikes.description) == ({"nb": "Bysykkel"}, {})
    assert not offered_products(seeded.other_region).exists()
    assert bikes not in products_for_region(seeded.other_region)


def test_a_region_cannot_offer_another_regions_add_on(seeded):
    bikes = product_save(
        actor=seeded.advisor,
        product=Product(region=seeded.region),
        data={"code": "city-bikes", "kind": "subscription", "billing": "monthly"},
        texts={"name": {"nb": "Bysykkel"}},
    )
    with pytest.raises(ValidationError):
        offer_set(
            actor=seeded.other_advisor, region=seeded.other_region, product=bikes, enabled=True
        )
    assert not RegionOffer.objects.filter(region=seeded.other_region).exists()


def test_a_product_needs_a_name_and_a_unique_code(seeded):
    with pytest.raises(ValidationError):
        product_save(
            actor=seeded.coordinator,
            product=Product(),
            data={"code": "x", "kind": "service", "billing": "once"},
            texts={"name": {"nb": " "}},
        )
    with pytest.raises(ValidationError):
        product_save(
            actor=seeded.coordinator,
            product=Product(),
            data={"code": "event", "kind": "service", "billing": "once"},
            texts={"name": {"nb": "Enda et arrangement"}},
        )
    assert Product.objects.filter(code="event").count() == 1
