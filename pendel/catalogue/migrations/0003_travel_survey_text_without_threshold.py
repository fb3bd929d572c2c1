"""The travel survey's catalogue text stated "at least 60 % must answer" while each region
sets its own thresholds (75 % for a baseline by default). The stored text no longer states
a number: the region's thresholds are shown on each survey. Texts staff have since changed
are left as they are."""

from django.db import migrations

CODE = "travel-survey"
# language: (old text, new text)
TEXTS = {
    "nb": (
        "Den obligatoriske undersøkelsen av de ansattes reisevaner: en førmåling før "
        "andre tiltak, deretter én gang i året. Minst 60 % av de ansatte må svare.",
        "Den obligatoriske undersøkelsen av de ansattes reisevaner: en førmåling før "
        "andre tiltak, deretter én gang i året. Hvor stor andel av de ansatte som må "
        "svare, står i programmets innstillinger og på hver undersøkelse.",
    ),
    "en": (
        "The compulsory survey of employees' commuting habits: a baseline before any "
        "other activity, then once a year. At least 60 % of employees must answer.",
        "The compulsory survey of employees' commuting habits: a baseline before any "
        "other activity, then once a year. The share of employees who must answer is "
        "set by the programme and shown on each survey.",
    ),
    "sv": (
        "Den obligatoriska undersökningen av de anställdas resvanor: en nollmätning "
        "före andra aktiviteter, sedan en gång om året. Minst 60 % måste svara.",
        "Den obligatoriska undersökningen av de anställdas resvanor: en nollmätning "
        "före andra aktiviteter, sedan en gång om året. Hur stor andel som måste svara "
        "bestämmer programmet; den visas på varje undersökning.",
    ),
    "nl": (
        "Het verplichte onderzoek naar het woon-werkverkeer van werknemers: een "
        "nulmeting vóór andere activiteiten, daarna eens per jaar. Ten minste 60 % "
        "van de werknemers moet antwoorden.",
        "Het verplichte onderzoek naar het woon-werkverkeer van werknemers: een "
        "nulmeting vóór andere activiteiten, daarna eens per jaar. Welk deel van de "
        "werknemers moet antwoorden, bepaalt het programma; het staat bij elk onderzoek.",
    ),
}


def _swap(apps, old: int, new: int) -> None:
    Product = apps.get_model("catalogue", "Product")
    products = list(Product.objects.filter(code=CODE, region__isnull=True))
    for product in products:
        description = dict(product.description or {})
        for language, texts in TEXTS.items():
            if description.get(language) == texts[old]:
                description[language] = texts[new]
        product.description = description
    Product.objects.bulk_update(products, ["description"])


def forwards(apps, schema_editor):
    _swap(apps, 0, 1)


def backwards(apps, schema_editor):
    _swap(apps, 1, 0)


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0002_product_texts_per_field")]

    operations = [migrations.RunPython(forwards, backwards)]
