"""Survey benchmarks: prints figures, asserts nothing.

1. Dispatch: create and queue 200,000 invitations (django-tasks-db rows, one per batch).
2. Results: compute a wave's results over 200,000 responses, and GET the results page.
3. Answering under load: complete questionnaires per second from concurrent clients
   against a gunicorn server on 127.0.0.1, with a double-submit check.

    .venv/bin/python bench/bench_surveys.py                  # a throwaway SQLite database
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/pendel_bench_surveys \\
        .venv/bin/python bench/bench_surveys.py              # PostgreSQL (database made first)

Options: --invitations N (200000), --responses N (200000), --load-seconds S (20),
--clients N (32), --parts 1,2,3. A PostgreSQL database whose name lacks "bench" is refused,
since the script empties it first.
"""

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TEMP_DIR = None
if not os.environ.get("DATABASE_URL"):
    TEMP_DIR = tempfile.mkdtemp(prefix="pendel-bench-surveys-")
    os.environ["PENDEL_VAR_DIR"] = TEMP_DIR
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ["TASKS_BACKEND"] = "db"
os.environ.setdefault("LOG_LEVEL", "WARNING")

import warnings  # noqa: E402

import django  # noqa: E402

warnings.filterwarnings("ignore", message="No directory at")

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from pendel.accounts.models import Role, User  # noqa: E402
from pendel.companies.models import Location, Organisation  # noqa: E402
from pendel.core.bulk import bulk_insert  # noqa: E402
from pendel.core.tokens import new_token, token_hash  # noqa: E402
from pendel.employees.models import Employee  # noqa: E402
from pendel.regions.models import Country, Region  # noqa: E402
from pendel.surveys.models import (  # noqa: E402
    Invitation,
    InvitationLink,
    Response,
    ResponseChoice,
    Wave,
)
from pendel.surveys.results import wave_results  # noqa: E402
from pendel.surveys.results.build import protected_tables  # noqa: E402
from pendel.surveys.results.compute import answers_of  # noqa: E402
from pendel.surveys.sending import mail_send_batch  # noqa: E402
from pendel.surveys.services import template_seed_standard, wave_dispatch  # noqa: E402

settings.DEBUG = False  # no query log while timing
MODES = (
    ["drive_alone"] * 45
    + ["bus"] * 15
    + ["bicycle"] * 10
    + ["walk"] * 10
    + [
        "car_passenger",
        "train",
        "e_bike",
        "tram_metro",
    ]
    * 5
)
DEPARTMENTS = [f"Avdeling {n}" for n in range(1, 21)]
AGE_GROUPS = ["under_25", "25_34", "35_44", "45_54", "55_64", "65_plus"]


def database_label() -> str:
    return f"{connection.vendor} ({connection.settings_dict['NAME']})"


def prepare_database() -> None:
    if connection.vendor == "postgresql" and "bench" not in connection.settings_dict["NAME"]:
        sys.exit("Refusing to empty a PostgreSQL database whose name lacks 'bench'.")
    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    template_seed_standard()


def make_location(count: int, name: str) -> Location:
    norway, _ = Country.objects.get_or_create(
        code="NO",
        defaults={"currency": "NOK", "default_language": "nb", "time_zone": "Europe/Oslo"},
    )
    region, _ = Region.objects.get_or_create(
        slug="bench",
        defaults={
            "name": "Bench",
            "programme_name": "HjemJobbHjem Bench",
            "transport_authority": "Bench",
            "country": norway,
            "time_zone": "Europe/Oslo",
            "default_language": "nb",
        },
    )
    organisation = Organisation.objects.create(
        name=name, country=norway, organisation_number=str(900_000_000 + random.randint(0, 99_999))
    )
    location = Location.objects.create(organisation=organisation, region=region, name="Hovedkontor")
    rng = random.Random(count)
    now = timezone.now()
    bulk_insert(
        Employee,
        ["location", "first_name", "last_name", "email", "phone", "department", "age_group",
         "postcode", "language", "created_at", "updated_at"],
        (
            (location.pk, f"P{n}", "Bench", f"p{n}@{location.pk}.example.com", "",
             rng.choice(DEPARTMENTS), rng.choice(AGE_GROUPS), "", "", now, now)
            for n in range(count)
        ),
    )  # fmt: skip
    return location


def new_wave(location: Location) -> Wave:
    today = timezone.localdate()
    return Wave.objects.create(
        location=location,
        kind=Wave.Kind.BASELINE,
        opens_on=today,
        closes_on=today + timezone.timedelta(days=21),
        reminder_1_on=today + timezone.timedelta(days=7),
    )


def bench_dispatch(count: int) -> Wave:
    from django_tasks_db.models import DBTaskResult

    print(f"\n== 1. Dispatch of {count:,} invitations")
    started = time.perf_counter()
    location = make_location(count, "Stor Bedrift AS")
    print(f"   setup: {count:,} employees in {time.perf_counter() - started:.1f} s")
    wave = new_wave(location)
    tasks_before = DBTaskResult.objects.count()
    started = time.perf_counter()
    with transaction.atomic():
        wave_dispatch(wave=wave, actor=None)
        rows_done = time.perf_counter()
    done = time.perf_counter()
    tasks = DBTaskResult.objects.count() - tasks_before
    print(f"   invitation rows created:   {rows_done - started:6.2f} s")
    print(f"   commit + {tasks} mail tasks queued: {done - rows_done:6.2f} s")
    print(f"   dispatch total:            {done - started:6.2f} s  (target < 60 s)")
    print(f"   invitations: {Invitation.objects.filter(wave=wave).count():,}")
    first = Invitation.objects.filter(wave=wave).order_by("id").values_list("id", flat=True)
    ids = list(first[:500])
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    started = time.perf_counter()
    sent = mail_send_batch(wave_id=wave.pk, first_id=ids[0], last_id=ids[-1])
    elapsed = time.perf_counter() - started
    print(f"   one mail batch: {sent} mails rendered, claimed and sent in {elapsed:.2f} s "
          f"({sent / elapsed:,.0f} mails/s to an in-memory backend)")  # fmt: skip
    return wave


def fill_responses(wave: Wave, count: int) -> None:
    rng = random.Random(7)
    invitations = list(
        Invitation.objects.filter(wave=wave).order_by("id").values_list("id", flat=True)[:count]
    )
    now = timezone.now()
    fields = [
        "invitation", "wave", "location", "started_at", "updated_at", "submitted_at", "last_step",
        "main_mode", "distance_km", "home_postcode", "mode_mon", "mode_tue", "mode_wed",
        "mode_thu", "mode_fri", "days_office", "days_home", "days_hub", "car_access", "parking",
        "willingness", "age_group", "department", "is_manager", "extra",
    ]  # fmt: skip

    def row(invitation_id):
        mode = rng.choice(MODES)
        home = rng.choice([0, 0, 1, 2])
        return (
            invitation_id, wave.pk, wave.location_id, now, now, now, 6, mode,
            round(rng.uniform(0.5, 60), 1), "", mode, mode, "home" if home else mode, mode,
            "home" if home > 1 else mode, 5 - home, home, 0, rng.choice(["always", "never"]),
            rng.choice(["free", "paid"]), rng.randint(1, 5), rng.choice(AGE_GROUPS),
            rng.choice(DEPARTMENTS), rng.random() < 0.15, "{}",
        )  # fmt: skip

    with transaction.atomic():
        bulk_insert(Response, fields, (row(pk) for pk in invitations))
        Invitation.objects.filter(wave=wave, id__lte=invitations[-1]).update(answered_at=now)
        response_ids = Response.objects.filter(wave=wave).values_list("id", flat=True)
        bulk_insert(
            ResponseChoice,
            ["response", "wave", "submitted", "question", "value"],
            (
                (pk, wave.pk, True, question, rng.choice(values))
                for pk in response_ids
                for question, values in [
                    ("reasons", ["fastest", "cheapest", "flexible", "habit"]),
                    ("change_factors", ["cheaper_ticket", "better_transit", "carpool"]),
                ]
            ),
        )
    with connection.cursor() as cursor:
        # What autovacuum would have done on a database in use.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def timed(function, runs: int = 5) -> tuple[float, float]:
    function()  # warm the caches
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times)


def bench_results(wave: Wave, count: int) -> None:
    print(f"\n== 2. Results over {count:,} responses")
    started = time.perf_counter()
    fill_responses(wave, count)
    print(f"   setup: responses written in {time.perf_counter() - started:.1f} s")
    wave = Wave.objects.select_related("location__region", "location__organisation").get(pk=wave.pk)
    answers = answers_of([wave.pk])
    median, best = timed(lambda: protected_tables(answers, 5))
    print(f"   SQL aggregation (all tables):      median {median:6.0f} ms, best {best:6.0f} ms")
    median, best = timed(lambda: wave_results(wave))
    print(f"   wave_results() (+ rate, trend):    median {median:6.0f} ms, best {best:6.0f} ms"
          "  (target < 300 ms)")  # fmt: skip
    staff = User.objects.create_user(email="bench-advisor@example.com", password="x")
    Role.objects.create(user=staff, kind=Role.Kind.REGION_STAFF, region=wave.location.region)
    client = Client()
    client.force_login(staff)
    url = reverse("staff:survey_wave_results", args=[wave.pk])
    status = client.get(url).status_code
    median, best = timed(lambda: client.get(url))
    print(f"   GET results page (HTTP {status}):      median {median:6.0f} ms, best {best:6.0f} ms")


PAGES = {
    1: {"main_mode": "bus", "distance_km": "12,5"},
    2: {"days_office": "3", "days_home": "2", "days_hub": "0"},
    3: {"mode_mon": "bus", "mode_tue": "bus", "mode_wed": "home", "mode_thu": "bus",
        "mode_fri": "home"},
    4: {"car_access": "sometimes", "parking": "paid", "reasons": ["fastest", "cheapest"]},
    5: {"change_factors": ["cheaper_ticket"], "willingness": "4"},
    6: {"age_group": "35_44", "department": "", "is_manager": "no"},
}  # fmt: skip


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def post(base: str, path: str, data: dict) -> int:
    body = urllib.parse.urlencode(data, doseq=True).encode()
    try:
        with OPENER.open(urllib.request.Request(base + path, data=body), timeout=30) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def answer_questionnaire(base: str, token: str) -> int:
    """The status of the last page's POST (302 when sent)."""
    status = 0
    for number, data in PAGES.items():
        status = post(base, f"/s/{token}/{number}/", data)
        if status not in (302, 303):
            return status
    return status


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(port: int) -> subprocess.Popen:
    # Persistent connections, as production runs (CONN_MAX_AGE in README's settings).
    env = {**os.environ, "DEBUG": "1", "LOG_LEVEL": "ERROR", "CONN_MAX_AGE": "60"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", "4", "--threads", "4", "--log-level", "warning"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return server
        except OSError:
            time.sleep(0.1)
    server.terminate()
    raise RuntimeError("gunicorn did not start")


def bench_load(seconds: float, clients: int) -> None:
    print(f"\n== 3. Answering under load: {clients} clients for at most {seconds:.0f} s")
    location = make_location(3000, "Last Test AS")
    wave = new_wave(location)
    wave_dispatch(wave=wave, actor=None)
    # The database keeps only hashes of the links: issue one per invitation, as a mail would.
    invitation_ids = list(Invitation.objects.filter(wave=wave).values_list("id", flat=True))
    tokens = [new_token() for _ in invitation_ids]
    InvitationLink.objects.bulk_create(
        InvitationLink(invitation_id=pk, token_hash=token_hash(token))
        for pk, token in zip(invitation_ids, tokens, strict=True)
    )
    doubles, tokens = tokens[:40], tokens[40:]
    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    try:
        results, lock, deadline = [], threading.Lock(), time.monotonic() + seconds
        queue = iter(tokens)

        def worker():
            while time.monotonic() < deadline:
                with lock:
                    token = next(queue, None)
                if token is None:
                    return
                status = answer_questionnaire(base, token)
                with lock:
                    results.append(status)

        started = time.perf_counter()
        threads = [threading.Thread(target=worker) for _ in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        done = sum(1 for status in results if status == 302)
        print(f"   {done} questionnaires sent ({done * 6} POSTs) in {elapsed:.1f} s: "
              f"{done / elapsed:.1f} questionnaires/s, {done * 6 / elapsed:.0f} answer pages/s; "
              f"{len(results) - done} failed")  # fmt: skip
        double_submit(base, doubles)
    finally:
        server.terminate()
        server.wait(timeout=10)
    answered = Invitation.objects.filter(wave=wave, answered_at__isnull=False).count()
    responses = Response.objects.filter(wave=wave, submitted_at__isnull=False).count()
    print(f"   check: {answered} invitations answered, {responses} responses (must be equal)")


def double_submit(base: str, tokens: list[str]) -> None:
    """Two clients send the same questionnaire's last page at once: one response each."""
    for token in tokens:
        for number in range(1, 6):
            post(base, f"/s/{token}/{number}/", PAGES[number])
    statuses, lock = [], threading.Lock()

    def last_page(token):
        status = post(base, f"/s/{token}/6/", PAGES[6])
        with lock:
            statuses.append(status)

    threads = [threading.Thread(target=last_page, args=(t,)) for t in tokens for _ in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    hashes = [token_hash(token) for token in tokens]
    sent = Response.objects.filter(
        invitation__links__token_hash__in=hashes, submitted_at__isnull=False
    )
    print(f"   double submit of {len(tokens)} tokens: {statuses.count(302)} accepted, "
          f"{statuses.count(409)} refused politely, {sent.count()} responses stored")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--invitations", type=int, default=200_000)
    parser.add_argument("--responses", type=int, default=200_000)
    parser.add_argument("--load-seconds", type=float, default=20)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--parts", default="1,2,3", help="which benchmarks, e.g. 3")
    options = parser.parse_args()
    parts = set(options.parts.split(","))
    print(f"Survey benchmarks on {database_label()}")
    prepare_database()
    if parts & {"1", "2"}:
        wave = bench_dispatch(options.invitations)
        if "2" in parts:
            bench_results(wave, min(options.responses, options.invitations))
    if "3" in parts:
        bench_load(options.load_seconds, options.clients)


if __name__ == "__main__":
    try:
        main()
    finally:
        if TEMP_DIR:
            shutil.rmtree(TEMP_DIR, ignore_errors=True)
