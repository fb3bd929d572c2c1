"""What the apps' factories (`pendel/<app>/factories.py`, factory_boy) share. The tests and
the demo data build rows with the same factories; the demo finds its rows by natural key
first, so that loading it again changes nothing."""

import re
import unicodedata

# Letters that do not fall apart into a base letter and an accent (NFKD).
ASCII_LETTERS = str.maketrans({"ø": "o", "æ": "ae", "å": "a", "ß": "ss", "ð": "d", "þ": "th"})
LEGAL_FORMS = {"as", "asa", "ab", "bv", "b.v.", "nv", "n.v.", "kf", "sa", "da"}


def find_or_make(factory, *, lookup: dict, **values):
    """The row matching `lookup`, or a new one made by the factory with `values` too."""
    found = factory._meta.model.objects.filter(**lookup).first()
    if found is not None:
        return found
    return factory(**lookup, **values)


def ascii_words(text: str) -> list[str]:
    """The words of a name in plain ASCII letters and digits: "Sør-Øst Tre" → sor, ost, tre."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(ASCII_LETTERS))
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return re.findall(r"[a-z0-9]+", plain)


def demo_domain(company_name: str) -> str:
    """The made-up mail domain of a demo company: "Glomma Trevare AS" → glomma-trevare.demo.
    `.demo` is no top-level domain on the internet, so nothing sent there can arrive."""
    words = [w for w in company_name.split() if w.lower() not in LEGAL_FORMS]
    return "-".join(ascii_words(" ".join(words))) + ".demo"


def demo_email(first_name: str, last_name: str, domain: str) -> str:
    """first.last@domain, in letters any mail system and form take: "Bjørn Æsøy" →
    bjorn.aesoy@…, "Jan van der Berg" → jan.vanderberg@…"""
    return f"{''.join(ascii_words(first_name))}.{''.join(ascii_words(last_name))}@{domain}"
