"""Back up the whole installation into one archive, and restore it into an empty one.

The archive (tar.gz) holds:
- `manifest.json`: the format, when it was made, the migrations applied, and for every model
  its row count and the SHA-256 of its data, for every stored file its size and SHA-256;
- `data/<app_label>.<model>.json`: every row of every concrete model, in Django's JSON
  serialisation with the primary keys kept, models in dependency order (a model after those
  its foreign keys point to);
- `files/<name>`: every file in the default storage (documents, invoice PDFs, imports).

Core imports no app: the models come from the app registry. A restore refuses an
installation that holds data (anything beyond what `migrate` itself writes, named in
settings.BACKUP_SEEDED_MODELS, which the restore replaces) or files; it checks every
checksum and count before it writes, and then writes all or nothing: the rows in one
transaction, the files inside it (removed again if anything fails). On PostgreSQL the
sequences are reset, so new rows get new ids.
"""

import datetime
import hashlib
import io
import json
import tarfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "pendel-backup/1"
MANIFEST = "manifest.json"
CHUNK = 1000


class BackupError(Exception):
    """The archive cannot be restored here; nothing was changed."""


def backed_up_models() -> list:
    """Every concrete model with a table of its own, in dependency order."""
    models = [
        model
        for model in apps.get_models()
        if model._meta.managed and not model._meta.proxy and not model._meta.swapped
    ]
    by_label = {model._meta.label_lower: model for model in models}
    depends = {
        label: {
            field.related_model._meta.concrete_model._meta.label_lower
            for field in model._meta.get_fields()
            if field.concrete and field.is_relation and field.related_model is not None
        }
        - {label}
        for label, model in by_label.items()
    }
    ordered: list[str] = []
    remaining = sorted(by_label)
    while remaining:
        ready = [label for label in remaining if depends[label] <= set(ordered) | {None}]
        # A cycle (two models pointing at each other): take the first; the foreign keys are
        # checked at commit.
        for label in ready or remaining[:1]:
            ordered.append(label)
            remaining.remove(label)
    return [by_label[label] for label in ordered]


def stored_files(storage=default_storage, folder: str = "") -> list[str]:
    """Every file name in the storage, recursively, sorted."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return []
    names = [f"{folder}{name}" for name in files]
    for sub in folders:
        names += stored_files(storage, f"{folder}{sub}/")
    return sorted(names)


def applied_migrations(using: str = DEFAULT_DB_ALIAS) -> list[list[str]]:
    recorder = MigrationRecorder(connections[using])
    return sorted([app, name] for app, name in recorder.applied_migrations())


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _add(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    archive.addfile(info, io.BytesIO(data))


class _Encoder(DjangoJSONEncoder):
    """Django's JSON encoder cuts times to milliseconds; a backup keeps every microsecond."""

    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def _model_data(model, using: str) -> tuple[bytes, int]:
    rows = model._base_manager.using(using).order_by("pk")
    objects = serializers.serialize("python", rows.iterator(chunk_size=CHUNK))
    return json.dumps(objects, cls=_Encoder, ensure_ascii=False).encode("utf-8"), len(objects)


def backup(path: Path | str, *, using: str = DEFAULT_DB_ALIAS, storage=default_storage) -> dict:
    """Write the archive; returns its manifest. The rows are read in one transaction (on
    PostgreSQL a repeatable-read snapshot), so they agree with each other."""
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "vendor": connections[using].vendor,
        "migrations": applied_migrations(using),
        "models": {},
        "files": {},
    }
    with tarfile.open(path, "w:gz") as archive:
        with transaction.atomic(using=using):
            if connections[using].vendor == "postgresql":
                with connections[using].cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            for model in backed_up_models():
                label = model._meta.label_lower
                data, count = _model_data(model, using)
                _add(archive, f"data/{label}.json", data)
                manifest["models"][label] = {"count": count, "sha256": _sha256(data)}
        for name in stored_files(storage):
            with storage.open(name, "rb") as handle:
                data = handle.read()
            _add(archive, f"files/{name}", data)
            manifest["files"][name] = {"size": len(data), "sha256": _sha256(data)}
        _add(archive, MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode())
    return manifest


@dataclass
class Archive:
    manifest: dict
    data: dict[str, bytes]
    files: dict[str, bytes]


def read_archive(path: Path | str) -> Archive:
    """Read and verify the whole archive: every member the manifest names, with its
    checksum, and nothing else."""
    try:
        with tarfile.open(path, "r:gz") as archive:
            members = {}
            for member in archive.getmembers():
                if not member.isfile():
                    raise BackupError(f"Unexpected member in the archive: {member.name}")
                members[member.name] = archive.extractfile(member).read()
    except (OSError, tarfile.TarError, EOFError) as error:
        raise BackupError(f"The archive cannot be read: {error}") from None
    try:
        manifest = json.loads(members.pop(MANIFEST))
    except (KeyError, ValueError):
        raise BackupError("The archive has no readable manifest.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown archive format: {manifest.get('format')!r}")
    data = {label: members.pop(f"data/{label}.json", None) for label in manifest["models"]}
    files = {name: members.pop(f"files/{name}", None) for name in manifest["files"]}
    if members:
        raise BackupError(
            f"The archive holds members the manifest does not name: {sorted(members)}"
        )
    for label, content in data.items():
        if content is None or _sha256(content) != manifest["models"][label]["sha256"]:
            raise BackupError(f"The data of {label} is missing or damaged.")
    for name, content in files.items():
        expected = manifest["files"][name]
        if content is None or len(content) != expected["size"]:
            raise BackupError(f"The file {name} is missing or damaged.")
        if _sha256(content) != expected["sha256"]:
            raise BackupError(f"The file {name} is missing or damaged.")
    return Archive(manifest=manifest, data=data, files=files)


def seeded_models() -> set[str]:
    """Models that `migrate` fills by itself; a restore replaces their rows."""
    return {label.lower() for label in settings.BACKUP_SEEDED_MODELS}


def data_present(*, using: str = DEFAULT_DB_ALIAS, storage=default_storage) -> list[str]:
    """What makes the installation not empty: models with rows (beyond what `migrate`
    writes) and stored files."""
    seeded = seeded_models()
    found = [
        model._meta.label_lower
        for model in backed_up_models()
        if model._meta.label_lower not in seeded and model._base_manager.using(using).exists()
    ]
    if stored_files(storage):
        found.append("files in storage")
    return found


def restore(path: Path | str, *, using: str = DEFAULT_DB_ALIAS, storage=default_storage) -> dict:
    """Restore an archive into an empty installation, all or nothing; returns its
    manifest. Raises BackupError (having changed nothing) when it cannot."""
    archive = read_archive(path)
    manifest = archive.manifest
    if manifest["migrations"] != applied_migrations(using):
        raise BackupError(
            "The archive was made with other migrations than this installation has applied. "
            "Restore it with the Pendel version that made it."
        )
    models = {model._meta.label_lower: model for model in backed_up_models()}
    unknown = set(manifest["models"]) - set(models)
    if unknown:
        raise BackupError(f"The archive holds models this installation lacks: {sorted(unknown)}")
    present = data_present(using=using, storage=storage)
    if present:
        raise BackupError(
            "This installation is not empty (it holds "
            + ", ".join(present)
            + "). Restore only into a newly migrated, empty installation."
        )
    written: list[str] = []
    connection = connections[using]
    try:
        with transaction.atomic(using=using):
            for label in seeded_models() & set(models):
                models[label]._base_manager.using(using).all()._raw_delete(using)
            with connection.constraint_checks_disabled():
                for label in (m._meta.label_lower for m in models.values()):
                    if label in archive.data:
                        _load(archive.data[label], using)
            connection.check_constraints(
                table_names=[models[label]._meta.db_table for label in archive.data]
            )
            for label, expected in manifest["models"].items():
                count = models[label]._base_manager.using(using).count()
                if count != expected["count"]:
                    raise BackupError(
                        f"{label}: {count} rows restored, {expected['count']} expected."
                    )
            _reset_sequences(list(models.values()), using)
            for name, content in archive.files.items():
                saved = storage.save(name, ContentFile(content))
                written.append(saved)
                if saved != name:
                    raise BackupError(f"The file {name} could not be written under its name.")
    except Exception:
        for name in written:
            storage.delete(name)
        raise
    return manifest


def _load(content: bytes, using: str) -> None:
    deferred = []
    objects = serializers.deserialize(
        "python", json.loads(content), using=using, handle_forward_references=True
    )
    for obj in objects:
        obj.save(using=using)
        if obj.deferred_fields:
            deferred.append(obj)
    for obj in deferred:
        obj.save_deferred_fields(using=using)


def _reset_sequences(models: list, using: str) -> None:
    connection = connections[using]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
