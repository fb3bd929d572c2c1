"""The product's Peppol BIS Billing 3.0 validator fires the official rules: on each of Pendel's
deliberately broken test cases (fixtures/peppol/expected.json) the rules the case was made to
break, and nothing fatal on the correct ones. The artefacts it runs are the released files,
unchanged, and the repository needs nothing beside it."""

import hashlib
import json
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

from pendel.invoicing import validation

FIXTURES = Path(__file__).parent / "fixtures" / "peppol"
CASES = json.loads((FIXTURES / "expected.json").read_text())
SPECS = validation.SPECS
INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"


def case(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.mark.parametrize("expected", CASES, ids=[c["file"] for c in CASES])
def test_each_test_case_fires_the_rules_it_was_written_for(peppol, expected):
    findings = peppol.validate(case(expected["file"]))
    fired = {finding.rule for finding in findings}
    assert set(expected["expect_ids"]) <= fired
    assert not set(expected["expect_absent"]) & fired
    assert any(finding.is_fatal for finding in findings) == (expected["expect_exit"] == 1)


def test_the_cases_cover_norway_sweden_the_netherlands_and_both_documents():
    files = [c["file"] for c in CASES]
    assert {name.split("-")[0] for name in files} == {"NO", "SE", "NL"}
    assert any("creditnote" in name for name in files)
    assert len(files) == 20


def test_a_finding_gives_the_rule_its_text_and_where(peppol):
    findings = peppol.validate(case("NO-lines-do-not-add-up.xml"))
    (sums,) = [finding for finding in findings if finding.rule == "BR-CO-10"]
    assert sums.flag == "fatal" and sums.is_fatal
    assert sums.text.startswith("Sum of Invoice line net amount (BT-106)")
    assert not sums.text.startswith("[BR-CO-10]")
    assert sums.location == "/Invoice[1]/cac:LegalMonetaryTotal[1]"
    warnings = [finding for finding in findings if not finding.is_fatal]
    assert [w.flag for w in warnings] == ["warning"] * len(warnings)
    assert validation.Finding.from_json(sums.as_json()) == sums


def test_the_schema_layer_names_the_element_out_of_order(peppol):
    findings = peppol.validate(case("NO-element-order.xml"))
    (schema,) = [finding for finding in findings if finding.rule == "UBL-XSD"]
    assert schema.is_fatal
    assert "cbc:DueDate" in schema.text and "This element is not expected" in schema.text
    assert "{urn:" not in schema.text
    assert schema.location == "/Invoice/cbc:DueDate"


def test_a_correct_credit_note_and_invoice_give_no_finding(peppol):
    assert peppol.validate(case("NL-creditnote-ok.xml")) == []
    assert peppol.validate(case("SE-invoice-ok.xml")) == []


@pytest.mark.parametrize(
    "xml,rule",
    [
        (b"<Invoice", "XML"),
        (b"<Invoice/>", "NOT-UBL"),
        (b"<Order xmlns='urn:oasis:names:specification:ubl:schema:xsd:Order-2'/>", "NOT-UBL"),
        (
            b'<?xml version="1.0"?><!DOCTYPE Invoice [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            b'<Invoice xmlns="' + INVOICE_NS.encode() + b'">&e;</Invoice>',
            "XML",
        ),
    ],
    ids=["not-well-formed", "no-namespace", "another-document", "dtd"],
)
def test_what_is_no_ubl_invoice_is_one_fatal_finding(peppol, xml, rule):
    findings = peppol.validate(xml)
    assert [(finding.flag, finding.rule) for finding in findings] == [("fatal", rule)]
    assert "root:" not in findings[0].text


def test_an_empty_amount_stops_the_rules_with_a_fatal_finding(peppol):
    xml = case("SE-invoice-ok.xml").replace(
        b">3362.50</cbc:PayableAmount>", b"></cbc:PayableAmount>"
    )
    assert xml != case("SE-invoice-ok.xml")
    findings = {finding.rule: finding for finding in peppol.validate(xml)}
    assert findings["CEN-XSLT-ERROR"].is_fatal
    assert "could not run" in findings["CEN-XSLT-ERROR"].text
    assert findings["PEPPOL-EN16931-R008"].is_fatal  # the Peppol layer still ran


def test_the_first_use_compiles_once_however_many_threads_ask(monkeypatch):
    made = []

    class SlowToCompile:
        def __init__(self):
            time.sleep(0.05)
            made.append(self)

    monkeypatch.setattr(validation, "_validator", None)
    monkeypatch.setattr(validation, "Validator", SlowToCompile)
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(lambda _n: validation.validator(), range(8)))
    assert len(made) == 1
    assert all(one is made[0] for one in got)


def test_several_threads_checking_at_once_get_the_same_findings(peppol):
    xml = case("NO-lines-do-not-add-up.xml")
    expected = peppol.validate(xml)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _n: validation.validate(xml), range(8)))
    assert validation.validator() is peppol
    assert results == [expected] * 8


def test_the_artefacts_are_the_released_files_unchanged():
    """What `make check-specs` checks, so that a plain pytest run checks it too."""
    listed = {}
    for line in (SPECS / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        listed[name] = digest
    present = {path.relative_to(SPECS).as_posix() for path in SPECS.rglob("*") if path.is_file()}
    assert set(listed) == present - {"SHA256SUMS", "README.md"}
    for name, digest in listed.items():
        assert hashlib.sha256((SPECS / name).read_bytes()).hexdigest() == digest, name


def test_the_version_the_pages_show_is_the_version_of_the_files():
    peppol = (SPECS / "rules" / "PEPPOL-EN16931-UBL.sch").read_text()[:1000]
    cen = (SPECS / "rules" / "CEN-EN16931-UBL.sch").read_text()[:1000]
    assert f"release {validation.PEPPOL_VERSION}" in peppol
    assert f"Schematron version {validation.CEN_VERSION}" in cen
    assert SPECS.name == f"peppol-bis-{validation.PEPPOL_VERSION}"
    readme = (SPECS / "README.md").read_text()
    assert validation.PEPPOL_VERSION in readme and validation.CEN_VERSION in readme


def test_nothing_in_the_repository_reaches_outside_it():
    """A clone must pass its tests with nothing beside it."""
    root = Path(settings.BASE_DIR)
    needles = [".." + "/shared", "shared" + "/peppol"]  # split, so this file does not match
    skip = {".git", ".venv", "node_modules", "var", "vendor", "__pycache__", "specs", "fixtures"}
    suffixes = {".py", ".md", ".toml", ".txt", ".cfg", ".ini", ".sh", ".html", ".yml", ""}
    hits = []
    for folder, folders, files in os.walk(root):
        folders[:] = [name for name in folders if name not in skip]
        for name in files:
            path = Path(folder) / name
            if path.suffix not in suffixes or path.stat().st_size > 1_000_000:
                continue
            text = path.read_text(errors="ignore")
            hits += [f"{path.relative_to(root)}: {n}" for n in needles if n in text]
    assert hits == []
