"""Load the bundled factor set (pendel/climate/data/emission_factors.csv) as the first set,
the default for every country. The reading is copied here, not imported from the app
(a migration must keep working when the app's code changes)."""

import csv
from decimal import Decimal
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "emission_factors.csv"
NAME = "Pendel research set"
VERSION = "2025.1"


def bundled_rows() -> list[dict]:
    lines = [
        line
        for line in DATA.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return list(csv.DictReader(lines))


def load(apps, schema_editor):
    factor_set_model = apps.get_model("climate", "EmissionFactorSet")
    factor_model = apps.get_model("climate", "EmissionFactor")
    if factor_set_model.objects.filter(name=NAME, version=VERSION).exists():
        return
    rows = bundled_rows()
    factor_set = factor_set_model.objects.create(
        name=NAME,
        version=VERSION,
        country="",
        fallback_scope="UK_DEFAULT",
        source=(
            "Compiled from UK DESNZ 2025, SSB, NVE, Brakar/Asplan Viak, Ruter, Klimatresa "
            "(Chalmers), CROW-KpVV and the GHG Protocol; each factor names its own source. "
            "See pendel/climate/data/README.md."
        ),
        published_year=2025,
        confirmed=all(row["confirmed"] == "yes" for row in rows),
        is_default=True,
        note=(
            "Well-to-wheel where the source gives it. Unconfirmed values are from secondary "
            "copies or of an uncertain boundary: verify before they go into a company's "
            "climate accounts. No home-office factor: teleworking is left out."
        ),
    )
    factor_model.objects.bulk_create(
        factor_model(
            factor_set=factor_set,
            country=row["country"],
            mode=row["mode"],
            value=Decimal(row["value"]),
            unit=row["unit"],
            boundary=row["boundary"],
            year=int(row["year"]) if row["year"] else None,
            confirmed=row["confirmed"] == "yes",
            source=row["source"],
            note=row["note"],
        )
        for row in rows
    )


def unload(apps, schema_editor):
    apps.get_model("climate", "EmissionFactorSet").objects.filter(
        name=NAME, version=VERSION
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("climate", "0001_h16emissions_factor_sets")]

    operations = [migrations.RunPython(load, unload)]
