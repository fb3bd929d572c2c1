"""`manage.py pendel_backup <file>`: the whole installation (every row and every stored
file) into one tar.gz archive with a manifest of counts and checksums."""

from django.core.management.base import BaseCommand

from pendel.core.backup import backup


class Command(BaseCommand):
    help = "Back up the database and all stored files into one archive (tar.gz)."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive to write, e.g. pendel-2026-12-02.tar.gz")

    def handle(self, *args, file, **options):
        manifest = backup(file)
        rows = sum(entry["count"] for entry in manifest["models"].values())
        self.stdout.write(
            f"Backed up {rows} rows of {len(manifest['models'])} models and "
            f"{len(manifest['files'])} files to {file}."
        )
