"""All four languages are complete: a message without a translation fails the suite."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from pendel.core.i18n_check import untranslated

ROOT = Path(settings.BASE_DIR)
LANGUAGES = [code for code, _name in settings.LANGUAGES]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    po = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    assert po.exists(), f"{po} is missing"
    assert untranslated(po) == []


def test_the_check_catches_an_untranslated_message(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Regions"\nmsgstr "Regioner"\n\n'
        'msgid "Users"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Start"\nmsgstr "Start"\n',
        encoding="utf-8",
    )
    assert untranslated(po) == ["Users", "Start"]


def test_every_string_in_the_code_is_in_the_catalogues(tmp_path):
    """makemessages over a copy of the code finds no message the .po files lack."""
    for name in ("config", "pendel", "templates", "locale"):
        shutil.copytree(
            ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__")
        )
    shutil.copy(ROOT / "manage.py", tmp_path / "manage.py")
    result = subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "--no-obsolete",
            "--no-location",
            *[f"--locale={code}" for code in LANGUAGES],
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for code in LANGUAGES:
        missing = untranslated(tmp_path / "locale" / code / "LC_MESSAGES" / "django.po")
        assert missing == [], f"{code}: {missing}"


# Dutch public services address the reader as "u": no informal "je/jij/jou/jouw/jullie"
# (nor "jezelf") anywhere. Case matters: "JE" in a postcode such as 7511 JE is not a word.
INFORMAL_DUTCH = re.compile(r"\b([Jj]e|[Jj]ij|[Jj]ou|[Jj]ouw|[Jj]ullie|[Jj]ezelf)\b")


def dutch_informal(po_text: str) -> list[str]:
    found, current = [], None
    for line in po_text.splitlines():
        if line.startswith("msgstr"):
            current = line
        elif line.startswith('"') and current is not None:
            current += line
        else:
            if current and INFORMAL_DUTCH.search(current):
                found.append(current)
            current = None
    if current and INFORMAL_DUTCH.search(current):
        found.append(current)
    return found


def test_the_check_for_informal_dutch_finds_it():
    po = 'msgid "x"\nmsgstr "Kies je wachtwoord"\n\nmsgid "y"\nmsgstr "Postcode 7511 JE"\n'
    assert dutch_informal(po) == ['msgstr "Kies je wachtwoord"']
    assert dutch_informal('msgid "z"\nmsgstr ""\n"Dit is jouw pagina"\n') != []


def test_dutch_addresses_the_reader_as_u():
    po = (ROOT / "locale" / "nl" / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
    assert dutch_informal(po) == []
