"""The national catalogue as the programme describes it (texts in seed_data.py), the
templates for regions' local add-ons, and the VAT rates Pendel starts with.

`catalogue_seed_national()` is idempotent: rows are found by their natural key and never
overwritten, so texts and rates that staff have since corrected stay as they are.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from pendel.catalogue.models import Product, TaxClass, VatRate
from pendel.catalogue.seed_data import LOCAL_ADDON_TEMPLATES, NATIONAL_PRODUCTS
from pendel.regions.models import Country

T = TaxClass

SORT = {code: index * 10 for index, (code, *_rest) in enumerate(NATIONAL_PRODUCTS, start=1)}

CHECKED = date(2026, 11, 23)
IN_FORCE = date(2025, 1, 1)  # in force before this day too; older history is not needed
SKATTEETATEN = "https://www.skatteetaten.no/satser/merverdiavgift/"
SKATTEVERKET = (
    "https://www.skatteverket.se/foretagochorganisationer/moms/saljavarorochtjanster/"
    "momssatspavarorochtjanster.4.58d555751259e4d66168000409.html"
)
SKATTEVERKET_TRANSPORT = (
    "https://www4.skatteverket.se/rattsligvagledning/edition/2016.4/339625.html"
)
BELASTINGDIENST = (
    "https://www.belastingdienst.nl/wps/wcm/connect/bldcontentnl/belastingdienst/zakelijk/"
    "btw/tarieven_en_vrijstellingen/"
)

# country, tax class, rate, source, confirmed, note
VAT_RATES = [
    ("NO", T.STANDARD, "25", SKATTEETATEN, True, "Alminnelig sats (mval. § 5-1)."),
    (
        "NO",
        T.PASSENGER_TRANSPORT,
        "12",
        SKATTEETATEN,
        True,
        "Persontransport (mval. § 5-5). Skatteetaten: «Persontransport, kinobilletter, "
        "utleie av rom 12 %».",
    ),
    ("SE", T.STANDARD, "25", SKATTEVERKET, True, "Normalskattesats."),
    (
        "SE",
        T.PASSENGER_TRANSPORT,
        "6",
        SKATTEVERKET_TRANSPORT,
        False,
        "Personbefordran 6 %: Skatteverket's legal guidance (edition 2016.4, closed 2023) "
        "and FAR Online (rm_persontransport). Verify against the current guidance under "
        "the new mervärdesskattelag (2023:200). Renting e-scooters is not passenger "
        "transport (HFD 2020 not. 28).",
    ),
    (
        "NL",
        T.STANDARD,
        "21",
        BELASTINGDIENST,
        False,
        "Algemeen tarief. Not yet checked against the Belastingdienst page.",
    ),
    (
        "NL",
        T.PASSENGER_TRANSPORT,
        "9",
        BELASTINGDIENST,
        False,
        "Verlaagd tarief, personenvervoer (tabel I, Wet OB 1968), 9 % since 1 January "
        "2019. Not yet checked against the Belastingdienst page.",
    ),
]


@dataclass(frozen=True)
class SeedResult:
    products: int
    vat_rates: int


def _seed_products() -> int:
    created = 0
    for code, kind, billing, tax_class, orderable, texts in NATIONAL_PRODUCTS:
        _product, was_created = Product.objects.get_or_create(
            region=None,
            code=code,
            defaults={
                "kind": kind,
                "billing": billing,
                "tax_class": tax_class,
                "is_orderable": orderable,
                "sort_order": SORT[code],
                **texts,
            },
        )
        created += was_created
    return created


def _seed_vat_rates() -> int:
    countries = set(Country.objects.values_list("code", flat=True))
    created = 0
    for country, tax_class, rate, source, confirmed, note in VAT_RATES:
        if country not in countries:
            continue
        _rate, was_created = VatRate.objects.get_or_create(
            country_id=country,
            tax_class=tax_class,
            valid_from=IN_FORCE,
            defaults={
                "category": "S",
                "rate": Decimal(rate),
                "source_url": source,
                "confirmed": confirmed,
                "checked_on": CHECKED if confirmed else None,
                "note": note,
            },
        )
        created += was_created
    return created


@transaction.atomic
def catalogue_seed_national() -> SeedResult:
    """The national products and the VAT rates of the countries that exist."""
    return SeedResult(products=_seed_products(), vat_rates=_seed_vat_rates())


def addon_template(code: str) -> dict | None:
    for template_code, kind, billing, tax_class, _orderable, texts in LOCAL_ADDON_TEMPLATES:
        if template_code == code:
            return {
                "code": code,
                "kind": kind,
                "billing": billing,
                "tax_class": tax_class,
                "texts": texts,
                **texts,
            }
    return None
