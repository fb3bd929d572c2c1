"""`manage.py pendel_restore <file>`: an archive of `pendel_backup` into an EMPTY
installation (migrated, no data, no files), all or nothing, after checking its manifest."""

from django.core.management.base import BaseCommand, CommandError

from pendel.core.backup import BackupError, restore


class Command(BaseCommand):
    help = "Restore an archive made by pendel_backup into an empty installation."

    def add_arguments(self, parser):
        parser.add_argument("file", help="the archive made by pendel_backup")

    def handle(self, *args, file, **options):
        try:
            manifest = restore(file)
        except BackupError as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        rows = sum(entry["count"] for entry in manifest["models"].values())
        self.stdout.write(
            f"Restored {rows} rows of {len(manifest['models'])} models and "
            f"{len(manifest['files'])} files from {file}."
        )
