"""Employee import of a 20,000-row CSV, end to end through the services: parse and preview,
then apply; then a second file with changes, newcomers and leavers. Prints the timings.

Runs on a throwaway SQLite database in a temporary folder, or on DATABASE_URL if set:
    .venv/bin/python bench/bench_employee_import.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pendel_bench_employees \\
        .venv/bin/python bench/bench_employee_import.py
"""

import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="pendel-bench-employees-"))
if "DATABASE_URL" not in os.environ:
    os.environ["PENDEL_VAR_DIR"] = str(SCRATCH)
os.environ["MEDIA_ROOT"] = str(SCRATCH / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from pendel.accounts.models import User  # noqa: E402
from pendel.companies.models import Location, Organisation  # noqa: E402
from pendel.core.models import AuditEvent  # noqa: E402
from pendel.employees.models import Employee, EmployeeImport  # noqa: E402
from pendel.employees.services import (  # noqa: E402
    employee_import_apply,
    employee_import_prepare,
)
from pendel.regions.models import Country, Region  # noqa: E402

ROWS = 20_000
HEADER = "Fornavn;Etternavn;E-post;Telefon;Avdeling;Aldersgruppe;Postnummer;Startdato;Språk"
DEPARTMENTS = ["Økonomi", "Lager", "Produksjon", "Salg", "IT", "Kundeservice"]
AGE_GROUPS = ["Under 25", "25–34", "35–44", "45–54", "55–64", "65+"]


def row(n: int, department: str) -> str:
    rng = random.Random(n)
    return ";".join(
        [
            f"Åse{n}",
            f"Ødegård{n}",
            f"ansatt{n}@fisk.example.no",
            f"9{n:07d}",
            department,
            rng.choice(AGE_GROUPS),
            f"{rng.randint(1, 9999):04d}",
            f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.20{rng.randint(0, 24):02d}",
            rng.choice(["nb", "en", ""]),
        ]
    )


def first_file() -> bytes:
    lines = [HEADER] + [row(n, DEPARTMENTS[n % 6]) for n in range(ROWS)]
    return "\r\n".join(lines).encode("cp1252")


def second_file() -> bytes:
    """10 % change department, 5 % leave, 5 % newcomers."""
    lines = [HEADER]
    for n in range(ROWS):
        if n % 20 == 7:
            continue
        lines.append(row(n, "Ny avdeling" if n % 10 == 3 else DEPARTMENTS[n % 6]))
    lines += [row(n, "Lager") for n in range(ROWS, ROWS + ROWS // 20)]
    return "\r\n".join(lines).encode("cp1252")


def setup_location() -> tuple[Location, User]:
    country, _ = Country.objects.get_or_create(
        code="NO",
        defaults={"currency": "NOK", "default_language": "nb", "time_zone": "Europe/Oslo"},
    )
    region, _ = Region.objects.get_or_create(
        slug="bench-employees",
        defaults={
            "name": "Bench",
            "programme_name": "HjemJobbHjem Bench",
            "transport_authority": "Bench",
            "country": country,
            "time_zone": "Europe/Oslo",
            "default_language": "nb",
        },
    )
    stamp = str(time.time_ns())[-9:]
    organisation = Organisation.objects.create(
        name=f"Bench {stamp}", country=country, organisation_number=stamp
    )
    location = Location.objects.create(organisation=organisation, region=region, name="Bench")
    user = User.objects.create_user(f"bench{stamp}@example.com")
    return location, user


def timed(label: str, function):
    start = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - start
    print(f"  {label:<28} {elapsed:6.2f} s")
    return result, elapsed


def run(name: str, content: bytes, location: Location, user: User) -> float:
    print(f"{name} ({len(content) / 1e6:.1f} MB)")
    upload = SimpleUploadedFile("ansatte.csv", content)
    employee_import, prepare_time = timed(
        "parse + preview",
        lambda: employee_import_prepare(location=location, actor=user, upload=upload),
    )
    assert employee_import.status == EmployeeImport.Status.READY, employee_import.errors[:3]
    applied, apply_time = timed(
        "apply", lambda: employee_import_apply(employee_import=employee_import, actor=user)
    )
    print(f"  {'end to end':<28} {prepare_time + apply_time:6.2f} s")
    print(f"  added {applied.added}, changed {applied.changed}, ended {applied.ended}")
    return prepare_time + apply_time


def clean_up(location: Location, user: User) -> None:
    """Remove what the run wrote; the location and user stay (other apps may refer to them)."""
    AuditEvent.objects.filter(actor=user).delete()
    EmployeeImport.objects.filter(location=location).delete()
    count, _ = Employee.objects.filter(location=location).delete()
    print(f"cleaned up {count} employees")


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    location, user = setup_location()
    try:
        run(f"1. {ROWS:,} new employees", first_file(), location, user)
        run("2. changes, leavers and newcomers", second_file(), location, user)
    finally:
        clean_up(location, user)


if __name__ == "__main__":
    main()
