"""Employee list export of 20,000 employees, as the download views send it (CSV streamed
in chunks, XLSX from a temporary file), next to a raw dump of the same rows: the same
columns read with values_list and written by csv.writer, without guards, labels or phone
formatting. Prints each time and its ratio to the raw dump (the figure to compare; no
time is asserted anywhere).

Runs on a throwaway SQLite database in a temporary folder, or on DATABASE_URL if set:
    .venv/bin/python bench/bench_employee_export.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pendel_bench_employees \\
        .venv/bin/python bench/bench_employee_export.py
"""

import csv
import io
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SCRATCH = Path(tempfile.mkdtemp(prefix="pendel-bench-export-"))
if "DATABASE_URL" not in os.environ:
    os.environ["PENDEL_VAR_DIR"] = str(SCRATCH)
os.environ["MEDIA_ROOT"] = str(SCRATCH / "media")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import translation  # noqa: E402

from bench.bench_employee_import import clean_up, setup_location  # noqa: E402
from pendel.employees.exports import FIELDS  # noqa: E402
from pendel.employees.models import AgeGroup, Employee  # noqa: E402
from pendel.employees.selectors import employee_search  # noqa: E402
from pendel.employees.views.files import employee_list_file  # noqa: E402

ROWS = 20_000
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
DEPARTMENTS = ["Økonomi", "Lager", "Produksjon", "=Salg", "IT", "+Kundeservice"]


def make_employees(location) -> None:
    rng = random.Random(7)
    groups = list(AgeGroup.values)
    Employee.objects.bulk_create(
        [
            Employee(
                location=location,
                first_name=f"Åse{n}",
                last_name=f"Ødegård{n}",
                email=f"ansatt{n}@fisk.example.no",
                phone=f"+479{n:07d}",
                department=DEPARTMENTS[n % 6],
                age_group=rng.choice(groups),
                postcode=f"{rng.randint(1, 9999):04d}",
                start_date=date(2000 + rng.randint(0, 24), rng.randint(1, 12), 1),
                language=rng.choice(["nb", "en", ""]),
            )
            for n in range(ROWS)
        ],
        batch_size=2000,
    )


def employees_of(location):
    return employee_search(Employee.objects.filter(location=location), today=date.today())


def raw_dump(location) -> int:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerows(employees_of(location).values_list(*FIELDS).iterator(chunk_size=2000))
    return len(buffer.getvalue().encode("utf-8"))


def download(location, file_format: str) -> int:
    response = employee_list_file(
        employees_of(location), location=location, file_format=file_format
    )
    size = sum(len(chunk) for chunk in response.streaming_content)
    response.close()
    return size


def timed(function) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(RUNS):
        start = time.perf_counter()
        size = function()
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def main() -> None:
    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    location, user = setup_location()
    try:
        make_employees(location)
        print(f"{ROWS:,} employees, median of {RUNS} runs")
        with translation.override("nb"):
            raw, raw_size = timed(lambda: raw_dump(location))
            print(f"  {'raw dump (values_list → csv)':<32} {raw:6.2f} s  {raw_size / 1e6:5.1f} MB")
            for file_format in ("csv", "xlsx"):
                seconds, size = timed(lambda f=file_format: download(location, f))
                label = f"export {file_format.upper()} (streamed)"
                print(
                    f"  {label:<32} {seconds:6.2f} s  {size / 1e6:5.1f} MB"
                    f"  {seconds / raw:5.1f} × raw"
                )
    finally:
        clean_up(location, user)


if __name__ == "__main__":
    main()
