"""Backup and restore: the whole installation (every row of every model and every stored
file) into one archive, and back into an empty installation, all or nothing."""

import io
import json
import tarfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command

from pendel.catalogue.tests.builders import national
from pendel.core.backup import backed_up_models, data_present, stored_files
from pendel.documents.tests.factories import make_document
from pendel.employees.factories import EmployeeFactory
from pendel.employees.services import employee_import_prepare
from pendel.employees.tests.files import csv_upload
from pendel.invoicing.models import Invoice
from pendel.invoicing.tests.builders import MARCH, make_billing, run_month
from pendel.orders.tests import builders as orders

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def rows() -> dict[str, list[dict]]:
    return {
        model._meta.label_lower: list(model._base_manager.order_by("pk").values())
        for model in backed_up_models()
    }


def files() -> dict[str, bytes]:
    contents = {}
    for name in stored_files():
        with default_storage.open(name, "rb") as handle:
            contents[name] = handle.read()
    return contents


@pytest.fixture
def installation(world):
    """Companies, employees, an import waiting for confirmation (its file), documents,
    invoices with their PDFs, audit events and tasks."""
    billing = make_billing(world)
    location = world.location
    ticket = national("company-ticket")
    orders.ticket_order(location, orders.employees(location, 4), ticket, start=MARCH)
    EmployeeFactory(location=location, first_name="Åse", last_name="Ødegård")
    employee_import_prepare(
        location=location,
        actor=world.contact,
        upload=csv_upload("Fornavn;Etternavn;E-post\nSiri;Sæther;siri@fisk.no\n"),
    )
    make_document(actor=world.advisor, location=location, title="Samarbeidsavtale 2025")
    run_month(billing.no)
    assert Invoice.objects.exclude(document=None).exists()  # its PDF was filed
    return world


def empty_the_installation():
    call_command("flush", interactive=False, verbosity=0)
    for name in stored_files():
        default_storage.delete(name)
    assert data_present() == []


def backed_up(tmp_path):
    archive = tmp_path / "pendel.tar.gz"
    call_command("pendel_backup", str(archive), verbosity=0)
    return archive


def test_a_backup_restores_every_row_and_every_file(installation, tmp_path):
    before_rows, before_files = rows(), files()
    assert sum(map(len, before_rows.values())) > 200
    assert any(name.endswith(".pdf") for name in before_files)
    assert any(name.startswith("employee-imports/") for name in before_files)
    archive = backed_up(tmp_path)

    empty_the_installation()
    call_command("pendel_restore", str(archive), verbosity=0)

    after_rows = rows()
    for label, expected in before_rows.items():
        assert after_rows[label] == expected, label
    assert files() == before_files
    # The sequences follow the restored ids: a new row gets a new id.
    user_label = get_user_model()._meta.label_lower
    highest = max(row["id"] for row in before_rows[user_label])
    newcomer = get_user_model().objects.create_user(email="ny@example.com", password="x" * 16)
    assert newcomer.pk > highest


def test_the_manifest_counts_and_checksums_every_part(installation, tmp_path):
    archive = backed_up(tmp_path)
    with tarfile.open(archive) as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    assert manifest["models"]["invoicing.invoice"]["count"] == Invoice.objects.count()
    assert set(manifest["files"]) == set(stored_files())
    assert all(len(entry["sha256"]) == 64 for entry in manifest["files"].values())


def test_a_restore_into_an_installation_with_data_is_refused(installation, tmp_path):
    archive = backed_up(tmp_path)
    before_rows, before_files = rows(), files()
    with pytest.raises(CommandError, match="not empty.*Nothing was changed"):
        call_command("pendel_restore", str(archive), verbosity=0)
    assert rows() == before_rows and files() == before_files


def _damaged(archive, damaged, name: str) -> None:
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            content = source.extractfile(member).read()
            if member.name == name:
                content = content[:-1] + bytes([content[-1] ^ 1])
            target.addfile(member, io.BytesIO(content))


@pytest.mark.parametrize("member", ["data/employees.employee.json", "file"])
def test_a_damaged_archive_is_refused_and_nothing_is_written(installation, tmp_path, member):
    archive, damaged = backed_up(tmp_path), tmp_path / "damaged.tar.gz"
    if member == "file":
        member = "files/" + next(name for name in stored_files() if name.endswith(".pdf"))
    _damaged(archive, damaged, member)
    empty_the_installation()
    with pytest.raises(CommandError, match="missing or damaged"):
        call_command("pendel_restore", str(damaged), verbosity=0)
    assert data_present() == []
    assert stored_files() == []


def test_a_restore_that_fails_half_way_leaves_nothing(installation, tmp_path, monkeypatch):
    archive = backed_up(tmp_path)
    empty_the_installation()
    original = default_storage.save
    saved = []

    def fail_on_the_third(name, content, **kwargs):
        if len(saved) == 2:
            raise OSError("disk full")
        saved.append(name)
        return original(name, content, **kwargs)

    monkeypatch.setattr(default_storage, "save", fail_on_the_third)
    with pytest.raises(OSError):
        call_command("pendel_restore", str(archive), verbosity=0)
    assert data_present() == []
    assert stored_files() == []
