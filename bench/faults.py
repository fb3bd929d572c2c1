"""Faults: kill the task worker mid-work and restart the database under load, then count
what was lost and what was done twice. Both must be 0. Prints figures; exits 1 otherwise.

    .venv/bin/python bench/faults.py                       # all four, ~3 minutes
    .venv/bin/python bench/faults.py --parts dispatch,database
    .venv/bin/python bench/faults.py --restart same-slot    # the killed slot comes back

It runs on a PostgreSQL instance of its own: `initdb` into a temporary directory (with
/usr/lib/postgresql/15/bin, or PG_BIN; as the `postgres` user when run as root), on a free
port, removed at the end. Not part of CI (too slow).

1. dispatch: a survey wave of 3,000 invitations is mailed by a real worker
   (`manage.py pendel_worker`, a subprocess) which is SIGKILLed mid-way, then started again.
   Lost: an invitation without its mail (or marked sent without one). Twice: an address
   with two invitation mails.
2. invoices: a month's invoice run for 300 companies (invoices issued in chunks, then each
   invoice's PDF filed by archive tasks), the worker SIGKILLed during the run, then again
   while the PDFs are filed, and started again. Lost: a company without its invoice, an
   invoice without its PDF, a gap in the numbers. Twice: a company invoiced twice, a number
   used twice, an invoice with two PDFs.
3. import: a 20,000-row employee file read by the worker (a large file is read in the
   background), SIGKILLed while reading; then the apply (a `manage.py shell` subprocess)
   SIGKILLed mid-transaction, and run again. Lost: an employee of the file not in the list.
   Twice: an employee added twice, an import applied twice.
4. database: 12 clients answer survey questionnaires over HTTP against gunicorn while the
   database is restarted (`pg_ctl restart -m fast`) twice; a client whose page fails tries it
   again. Lost: a questionnaire the server confirmed but did not store. Twice: an invitation
   with two responses or a response counted twice.

The worker is restarted as production runs it, `pendel_worker --worker-id <slot>`, but
under a new slot id each time (`--restart new-slot`, the default): the killed worker never
comes back, so its tasks stay RUNNING and only the leases (pendel/core/leases.py) can
finish its work. The new worker's sweep, at start and every LEASE_SWEEP_SECONDS, queues
again each run whose lease expired. `--restart same-slot` restarts the killed slot (which
then also puts back its own tasks, pendel/core/workers.py). Each part prints how many
runs were resumed and how many dead task rows were failed by the sweep.
"""

import argparse
import collections
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.stdout.reconfigure(line_buffering=True)
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))
TEMP = Path(tempfile.mkdtemp(prefix="pendel-faults-"))
os.chmod(TEMP, 0o755)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_postgres(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    return subprocess.run(command, check=True, capture_output=True, text=True, **kwargs)


class Postgres:
    """A PostgreSQL server of the bench's own, in a temporary directory."""

    def __init__(self):
        self.data = TEMP / "pgdata"
        self.port = free_port()
        self.data.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.data, "postgres", "postgres")
        as_postgres([str(PG_BIN / "initdb"), "-D", str(self.data), "-A", "trust", "-U", "postgres"])
        self.start()
        as_postgres(
            [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "pendel_faults"]
        )
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/pendel_faults"

    def _ctl(self, action: str, *extra: str) -> None:
        options = f"-p {self.port} -k {self.data} -c listen_addresses=127.0.0.1 -c fsync=off"
        as_postgres(
            [str(PG_BIN / "pg_ctl"), "-D", str(self.data), "-o", options, "-w", *extra, action]
        )

    def start(self) -> None:
        self._ctl("start", "-l", str(self.data / "log"))

    def restart(self) -> None:
        self._ctl("restart", "-m", "fast", "-l", str(self.data / "log"))

    def stop(self) -> None:
        self._ctl("stop", "-m", "immediate")


POSTGRES = Postgres()
SETTINGS = TEMP / "faults_settings.py"
SETTINGS.write_text(
    "from config.settings import *  # noqa\n"
    "SURVEY_MAIL_PER_MINUTE = 1_000_000  # every batch due at once\n"
    "SURVEY_MAIL_BATCH_SIZE = 200\n"
    "TASK_RETRY_SECONDS = 1\n"
    "LEASE_SECONDS = 20  # a dead worker's run is taken over after 20 s\n"
    "LEASE_SWEEP_SECONDS = 1\n"
)
ENV = {
    **os.environ,
    "PYTHONPATH": f"{TEMP}{os.pathsep}{ROOT}",
    "DJANGO_SETTINGS_MODULE": "faults_settings",
    "DATABASE_URL": POSTGRES.url,
    "MEDIA_ROOT": str(TEMP / "media"),
    "PENDEL_VAR_DIR": str(TEMP),
    "TASKS_BACKEND": "db",
    "DEBUG": "1",
    "LOG_LEVEL": "ERROR",
    "EMAIL_HOST": "",  # the outbox: every mail is a row we can count
    "EMPLOYEE_IMPORT_BACKGROUND_BYTES": "100000",
    "EMPLOYEE_IMPORT_READ_SECONDS": "30",  # the reading's lease: twice that
}
os.environ.update(ENV)
sys.path.insert(0, str(TEMP))

import django  # noqa: E402

django.setup()

from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Count, Q  # noqa: E402
from django.utils import timezone  # noqa: E402
from django_tasks.base import TaskResultStatus  # noqa: E402
from django_tasks_db.models import DBTaskResult, get_date_max  # noqa: E402

from pendel.accounts.models import User  # noqa: E402
from pendel.catalogue.tests import builders as catalogue  # noqa: E402
from pendel.companies.identifiers import no_check_digit  # noqa: E402
from pendel.companies.models import Location, Organisation  # noqa: E402
from pendel.core.bulk import bulk_insert  # noqa: E402
from pendel.core.models import AuditEvent, Lease, OutboxMessage  # noqa: E402
from pendel.documents.models import Document  # noqa: E402
from pendel.employees.models import Employee  # noqa: E402
from pendel.employees.uploads import employee_import_upload  # noqa: E402
from pendel.invoicing.models import Invoice, InvoiceRun  # noqa: E402
from pendel.invoicing.services import invoice_run_issue, invoice_run_start  # noqa: E402
from pendel.invoicing.tests.builders import make_buyer, make_seller  # noqa: E402
from pendel.orders.tests import builders as orders  # noqa: E402
from pendel.regions.models import Country, Region  # noqa: E402
from pendel.surveys.links import invitation_link_issue  # noqa: E402
from pendel.surveys.models import Invitation, Response, Wave  # noqa: E402
from pendel.surveys.services import template_seed_standard, wave_dispatch  # noqa: E402

MARCH = timezone.datetime(2026, 3, 1).date()
TALLY = {"lost": 0, "twice": 0}
RESTART = {"mode": "new-slot"}


def report(part: str, lost: dict, twice: dict) -> None:
    for label, count in lost.items():
        print(f"   lost:  {label:<52} {count}")
    for label, count in twice.items():
        print(f"   twice: {label:<52} {count}")
    TALLY["lost"] += sum(lost.values())
    TALLY["twice"] += sum(twice.values())


class Worker:
    """`manage.py pendel_worker` in a subprocess, under a stable worker id; started again
    under the next id (the killed worker never comes back) unless --restart same-slot."""

    def __init__(self, slot: str = "faults-1"):
        self.slot = slot
        self.process = None
        self.lives = 0

    def start(self) -> None:
        if self.process is not None:
            self.log.close()
        self.lives += 1
        if RESTART["mode"] == "new-slot":
            self.slot = f"{self.slot.rsplit('-', 1)[0]}-{self.lives}"
        command = [sys.executable, "manage.py", "pendel_worker", "--worker-id", self.slot]
        self.log = open(TEMP / f"{self.slot}.log", "a")  # noqa: SIM115
        self.process = subprocess.Popen(
            [*command, "--interval", "0.2"],
            cwd=ROOT,
            env={**ENV, "LOG_LEVEL": "WARNING"},
            stdout=self.log,
            stderr=self.log,
            text=True,
        )

    def kill(self) -> None:
        os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def stop(self) -> str:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)
        self.log.close()
        lines = []
        for log in sorted(TEMP.glob("faults-*.log")):
            lines += log.read_text().splitlines()
            log.unlink()
        said = ("Put back", "Resumed", "Error")
        return "\n".join(line for line in lines if any(word in line for word in said))


def wait_for(condition, timeout: float = 300, step: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return False


def queue_empty() -> bool:
    """Nothing running and nothing due within a minute (a retry is due in seconds;
    reminders and closings wait for their day). One query, so no state is missed between
    two."""
    due = Q(run_after__lte=timezone.now() + timezone.timedelta(minutes=1)) | Q(
        run_after=get_date_max()
    )
    active = Q(status=TaskResultStatus.RUNNING) | (Q(status=TaskResultStatus.READY) & due)
    if Lease.objects.filter(status__in=[Lease.Status.HELD, Lease.Status.RESUMING]).exists():
        return False  # a run is held, or queued again by a sweep
    return not DBTaskResult.objects.filter(active).exists()


def kill_and_restart(worker: Worker, when, what: str) -> None:
    if not wait_for(when):
        print(f"   (the moment to kill {what} never came)")
    worker.kill()
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count()
    print(f"   SIGKILL {what}: {running} task(s) left running")
    worker.start()
    print(f"   started worker {worker.slot}")


def finish(worker: Worker) -> None:
    done = wait_for(queue_empty, timeout=600, step=0.2)
    output = worker.stop()
    if output:
        print("   worker: " + output.replace("\n", "\n   worker: "))
    failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
    dead = failed.filter(exception_class_path="pendel.core.leases.WorkerLost").count()
    print(f"   queue {'empty' if done else 'NOT EMPTY'}; {failed.count()} failed task attempts, "
          f"of which {dead} of a dead worker")  # fmt: skip
    resumed = Lease.objects.filter(resumed_count__gt=0)
    given_up = Lease.objects.filter(status=Lease.Status.GIVEN_UP).count()
    print(f"   leases: {resumed.count()} runs resumed after their worker died "
          f"({sum(resumed.values_list('resumed_count', flat=True))} resumes), "
          f"{given_up} given up")  # fmt: skip
    DBTaskResult.objects.all().delete()  # the next part counts its own
    Lease.objects.all().delete()


def region() -> Region:
    norway, _ = Country.objects.get_or_create(
        code="NO",
        defaults={"currency": "NOK", "default_language": "nb", "time_zone": "Europe/Oslo"},
    )
    found, _ = Region.objects.get_or_create(
        slug="faults",
        defaults={
            "name": "Faults",
            "programme_name": "HjemJobbHjem Faults",
            "transport_authority": "Faults",
            "country": norway,
            "time_zone": "Europe/Oslo",
            "default_language": "nb",
        },
    )
    return found


NUMBERS = iter(
    f"{base}{check}"
    for base in range(92_000_000, 93_000_000)
    if (check := no_check_digit(str(base))) is not None
)


def location_with(employees: int, name: str) -> Location:
    the_region = region()
    organisation = Organisation.objects.create(
        name=name, country=the_region.country, organisation_number=next(NUMBERS)
    )
    location = Location.objects.create(organisation=organisation, region=the_region, name="HQ")
    now = timezone.now()
    bulk_insert(
        Employee,
        ["location", "first_name", "last_name", "email", "phone", "department", "age_group",
         "postcode", "language", "created_at", "updated_at"],
        (
            (location.pk, f"P{n}", "Faults", f"p{n}@{location.pk}.example.com", "", "Lager",
             "35_44", "", "", now, now)
            for n in range(employees)
        ),
    )  # fmt: skip
    return location


def mail_now() -> None:
    """The invitations go out from 08:00 of the region's day: before that, due at once."""
    DBTaskResult.objects.filter(
        task_path__endswith="survey_send_mail", status=TaskResultStatus.READY
    ).update(run_after=timezone.now())


def open_wave(location: Location) -> Wave:
    today = timezone.localdate()
    return Wave.objects.create(
        location=location,
        kind=Wave.Kind.BASELINE,
        opens_on=today,
        closes_on=today + timezone.timedelta(days=21),
        reminder_1_on=today + timezone.timedelta(days=7),
    )


def part_dispatch() -> None:
    print("\n== 1. Survey dispatch of 3,000 invitations; the worker killed mid-way")
    location = location_with(3000, "Utsending AS")
    wave = open_wave(location)
    with transaction.atomic():
        wave_dispatch(wave=wave, actor=None)
    mail_now()
    invitation_mails = OutboxMessage.objects.filter(to__endswith=f"@{location.pk}.example.com")
    worker = Worker()
    worker.start()
    kill_and_restart(
        worker, lambda: invitation_mails.count() >= 700, "the worker at ~700 of 3,000 mails"
    )
    finish(worker)
    invitations = Invitation.objects.filter(wave=wave)
    addresses = set(invitations.values_list("email", flat=True))
    mailed = list(invitation_mails.values_list("to", flat=True))
    print(f"   {invitations.count()} invitations, {len(mailed)} mails in the outbox")
    sent_without_mail = invitations.filter(sent_at__isnull=False).exclude(email__in=set(mailed))
    report(
        "dispatch",
        lost={
            "invitations without their mail": len(addresses - set(mailed)),
            "invitations marked sent without a mail": sent_without_mail.count(),
        },
        twice={"addresses with two invitation mails": len(mailed) - len(set(mailed))},
    )


def part_invoices() -> None:
    print("\n== 2. Invoice run for 300 companies; the worker killed in the run and in the PDFs")
    the_region = region()
    make_seller(the_region)
    catalogue.seed()
    catalogue.offer(the_region, "company-ticket", "199.00", includes_vat=True)
    ticket = catalogue.national("company-ticket")
    locations = []
    for index in range(300):
        organisation = make_buyer(
            Organisation.objects.create(name=f"Bedrift {index:03d} AS", country=the_region.country),
            next(NUMBERS),
            "",
            "Storgata 1",
            "1606",
            "Fredrikstad",
        )
        location = Location.objects.create(organisation=organisation, region=the_region, name="HQ")
        orders.ticket_order(location, orders.employees(location, 2), ticket, start=MARCH)
        locations.append(organisation.pk)  # one invoice per company (not per location)
    invoices = Invoice.objects.filter(region=the_region, kind=Invoice.Kind.INVOICE)
    run = invoice_run_start(actor=None, region=the_region, period=MARCH)
    worker = Worker()
    worker.start()
    runs = InvoiceRun.objects.filter(pk=run.pk)
    if not wait_for(lambda: runs.filter(status=InvoiceRun.Status.REVIEW).exists()):
        print("   (the run's drafts never came up for review)")
    run.refresh_from_db()
    invoice_run_issue(actor=None, run=run, version=run.plan_version)  # staff reviewed them
    kill_and_restart(worker, lambda: invoices.exists(), "the worker once the first invoices exist")
    kill_and_restart(
        worker,
        lambda: invoices.count() >= 300 and invoices.exclude(document=None).count() >= 100,
        "the worker while the PDFs are filed (100 of 300)",
    )
    finish(worker)
    per_location = collections.Counter(invoices.values_list("organisation_id", flat=True))
    sequences = sorted(invoices.values_list("sequence", flat=True))
    numbers = list(invoices.values_list("number", flat=True))
    documents = invoices.exclude(document=None)
    pdfs = Document.objects.filter(organisation__in=invoices.values("organisation"))
    print(f"   {invoices.count()} invoices, {documents.count()} with a PDF, {pdfs.count()} PDFs")
    report(
        "invoices",
        lost={
            "companies without their invoice": sum(1 for pk in locations if pk not in per_location),
            "invoices without their PDF": invoices.filter(document=None).count(),
            "gaps in the invoice numbers": (sequences[-1] - sequences[0] + 1 - len(set(sequences)))
            if sequences
            else 0,
        },
        twice={
            "companies invoiced twice": sum(1 for n in per_location.values() if n > 1),
            "invoice numbers used twice": len(numbers) - len(set(numbers)),
            "PDFs filed twice": pdfs.count() - documents.count(),
        },
    )


APPLY = """
from pendel.accounts.models import User
from pendel.employees.models import EmployeeImport
from pendel.people.services import employee_import_apply
employee_import = EmployeeImport.objects.get(pk={pk})
employee_import_apply(employee_import=employee_import, actor=User.objects.get(pk={user}))
print("applied")
"""


def part_import() -> None:
    print("\n== 3. Employee import of 20,000 rows; killed while read, and while applied")
    location = location_with(0, "Import AS")
    user = User.objects.create_user("faults-import@example.com")
    rows = ["Fornavn;Etternavn;E-post;Avdeling"]
    rows += [
        f"Navn{n};Etternavn{n};n{n}@import.example.com;Avdeling {n % 20}" for n in range(20000)
    ]
    upload = SimpleUploadedFile("ansatte.csv", ("\n".join(rows) + "\n").encode())
    employee_import = employee_import_upload(location=location, actor=user, upload=upload)
    print(f"   uploaded: {employee_import.get_status_display()} (read in the background)")
    worker = Worker()
    worker.start()
    reading = DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, task_path__endswith="employee_import_read_task"
    )
    kill_and_restart(worker, reading.exists, "the worker while it reads the file")
    finish(worker)
    employee_import.refresh_from_db()
    print(f"   read: {employee_import.get_status_display()}, {employee_import.added} to be added")
    code = APPLY.format(pk=employee_import.pk, user=user.pk)
    command = [sys.executable, "manage.py", "shell", "-c", code]
    shell = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=subprocess.PIPE, text=True)
    writing = Employee.objects.filter(location=location)

    def inserting() -> bool:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                "AND query ILIKE 'INSERT INTO \"employees_employee\"%%'"
            )
            return cursor.fetchone()[0] > 0

    wait_for(inserting, timeout=120, step=0.01)
    os.kill(shell.pid, signal.SIGKILL)
    shell.wait()
    employee_import.refresh_from_db()
    print(f"   SIGKILL the apply while it inserts: {writing.count()} employees, import "
          f"{employee_import.get_status_display()}")  # fmt: skip
    shell = subprocess.run(command, cwd=ROOT, env=ENV, capture_output=True, text=True)
    said = (shell.stdout.strip() or shell.stderr.strip()).splitlines()
    print(f"   applied again: {said[-1] if said else shell.returncode}")
    emails = list(writing.values_list("email", flat=True))
    expected = {f"n{n}@import.example.com" for n in range(20000)}
    applied_events = AuditEvent.objects.filter(
        object_type="employee_import", object_id=str(employee_import.pk), action__endswith="applied"
    )
    report(
        "import",
        lost={"employees of the file not in the list": len(expected - set(emails))},
        twice={
            "employees added twice": len(emails) - len(set(emails)),
            "imports applied twice": max(0, applied_events.count() - 1),
        },
    )


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
    except OSError:
        return 0  # no answer: the connection failed


def start_server(port: int) -> subprocess.Popen:
    env = {**ENV, "CONN_MAX_AGE": "60"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi", "-b", f"127.0.0.1:{port}",
         "-w", "3", "--threads", "4", "--log-level", "critical"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    if not wait_for(lambda: _listening(port), timeout=30):
        server.terminate()
        raise RuntimeError("gunicorn did not start")
    return server


def _listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
        return True
    except OSError:
        return False


def part_database(clients: int = 12) -> None:
    print(f"\n== 4. {clients} clients answer questionnaires while the database restarts twice")
    location = location_with(1500, "Svar AS")
    wave = open_wave(location)
    with transaction.atomic():
        wave_dispatch(wave=wave, actor=None)
    mail_now()
    # Links are stored hashed and made as each mail is sent: the bench makes one each.
    ids = Invitation.objects.filter(wave=wave).values_list("id", flat=True)
    invitation_of = {invitation_link_issue(pk): pk for pk in ids}
    tokens = list(invitation_of)
    port = free_port()
    server = start_server(port)
    base = f"http://127.0.0.1:{port}"
    confirmed, failures, lock = [], [], threading.Lock()
    queue = iter(tokens)
    stop = threading.Event()

    def answer(token: str) -> str:
        """Each page until it is accepted (a failed page is sent again)."""
        for number, data in PAGES.items():
            for _attempt in range(100):
                status = post(base, f"/s/{token}/{number}/", data)
                if status in (302, 303):
                    break
                if number == 6 and status == 409:
                    return "confirmed"  # sent before: the first try went through
                with lock:
                    failures.append(status)
                time.sleep(0.2)
            else:
                return "gave up"
        return "confirmed"

    def client():
        while not stop.is_set():
            with lock:
                token = next(queue, None)
            if token is None:
                return
            if answer(token) == "confirmed":
                with lock:
                    confirmed.append(token)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    try:
        for thread in threads:
            thread.start()
        # Restart while answers are coming in: after 10, and after 30 confirmed.
        for after in (10, 30):
            wait_for(lambda after=after: len(confirmed) >= after, timeout=180, step=0.1)
            started = time.perf_counter()
            POSTGRES.restart()
            print(f"   pg_ctl restart -m fast: {time.perf_counter() - started:.1f} s "
                  f"({len(confirmed)} questionnaires confirmed so far)")  # fmt: skip
        wait_for(lambda: len(confirmed) >= 50, timeout=180, step=0.1)
        stop.set()
        for thread in threads:
            thread.join()
    finally:
        stop.set()
        server.terminate()
        server.wait(timeout=10)
    connection.close()  # the bench's own connection died with the restarts
    errors = {status: failures.count(status) for status in sorted(set(failures))}
    print(f"   {len(confirmed)} questionnaires confirmed; pages tried again: {len(failures)} "
          f"(by status {errors})")  # fmt: skip
    submitted = Response.objects.filter(wave=wave, submitted_at__isnull=False)
    stored = set(submitted.values_list("invitation_id", flat=True))
    confirmed_ids = {invitation_of[token] for token in confirmed}
    per_invitation = Response.objects.filter(wave=wave).values("invitation").annotate(n=Count("id"))
    answered = Invitation.objects.filter(wave=wave, answered_at__isnull=False).count()
    print(f"   {submitted.count()} responses stored, {answered} invitations answered")
    report(
        "database",
        lost={
            "confirmed questionnaires not stored": len(confirmed_ids - stored),
            "answered invitations without a response": max(0, answered - submitted.count()),
        },
        twice={
            "invitations with two responses": per_invitation.filter(n__gt=1).count(),
            "responses counted twice (stored, not answered)": max(0, submitted.count() - answered),
        },
    )


PARTS = {
    "dispatch": part_dispatch,
    "invoices": part_invoices,
    "import": part_import,
    "database": part_database,
}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--parts", default=",".join(PARTS))
    parser.add_argument("--restart", choices=["new-slot", "same-slot"], default="new-slot")
    options = parser.parse_args()
    RESTART["mode"] = options.restart
    print(f"Faults on PostgreSQL of its own (port {POSTGRES.port}, {TEMP}); "
          f"a killed worker is restarted as a {options.restart}")  # fmt: skip
    call_command("migrate", verbosity=0)
    template_seed_standard()
    for name in options.parts.split(","):
        PARTS[name]()
    print(f"\nLOST: {TALLY['lost']}   DONE TWICE: {TALLY['twice']}")
    return 0 if TALLY["lost"] == TALLY["twice"] == 0 else 1


if __name__ == "__main__":
    try:
        code = main()
    finally:
        connection.close()
        try:
            POSTGRES.stop()
        finally:
            shutil.rmtree(TEMP, ignore_errors=True)
    sys.exit(code)
