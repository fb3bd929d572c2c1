"""The translation check: which messages of a .po file have no translation."""

from pathlib import Path

from babel.messages.pofile import read_po


def untranslated(po_path: Path) -> list[str]:
    """Message ids with an empty or fuzzy translation (every plural form counts)."""
    with open(po_path, "rb") as handle:
        catalog = read_po(handle)
    missing = []
    for message in catalog:
        if not message.id:
            continue  # the header
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing
