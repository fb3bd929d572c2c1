"""The e-invoice check: a UBL document checked the way a receiving Peppol access point checks
it, with the official artefacts in specs/peppol-bis-3.0.21/ (see its README):

1. the UBL 2.1 schema (lxml): elements, their order and their types;
2. the CEN EN 16931 rules (saxonche): sums, VAT, code lists;
3. the Peppol BIS Billing 3.0 rules (saxonche), which hold the national rules (NO-R-*,
   SE-R-*, NL-R-*, ...).

Each failed rule is a Finding. A fatal finding means an access point would refuse the
document; a warning does not.

Compiling the two rule stylesheets takes about a second, so it happens once per process, on
first use. A compiled SaxonC stylesheet must not run two transformations at once, so each
check holds a lock: a process checks one document at a time (the task worker does, and a
request checks at most one).
"""

import re
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

from django.conf import settings
from lxml import etree
from saxonche import PySaxonApiError, PySaxonProcessor

SPECS = Path(settings.BASE_DIR) / "specs" / "peppol-bis-3.0.21"
PEPPOL_VERSION = "3.0.21"
CEN_VERSION = "1.3.16"
FATAL = "fatal"
WARNING = "warning"

CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
EXT = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
INVOICE = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
CREDIT_NOTE = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
# root element -> (its name in locations, its schema)
ROOTS = {
    f"{{{INVOICE}}}Invoice": ("Invoice", "UBL-Invoice-2.1.xsd"),
    f"{{{CREDIT_NOTE}}}CreditNote": ("CreditNote", "UBL-CreditNote-2.1.xsd"),
}
LAYERS = (("CEN", "CEN-EN16931-UBL.xslt"), ("PEPPOL", "PEPPOL-EN16931-UBL.xslt"))
PREFIXES = {CAC: "cac:", CBC: "cbc:", EXT: "ext:", INVOICE: "", CREDIT_NOTE: ""}
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
SVRL_FINDINGS = (f"{SVRL}failed-assert", f"{SVRL}successful-report")
SAXON_STEP = re.compile(r"\*:([\w.-]+)\[namespace-uri\(\)='([^']*)'\]")


@dataclass(frozen=True)
class Finding:
    """One rule the document breaks: flag is "fatal" or "warning"; location an XPath."""

    flag: str
    rule: str
    text: str
    location: str = ""

    @property
    def is_fatal(self) -> bool:
        return self.flag == FATAL

    def as_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "Finding":
        return cls(**data)


def _short_names(text: str) -> str:
    """{urn:...CommonBasicComponents-2}DueDate -> cbc:DueDate."""
    for uri, prefix in PREFIXES.items():
        text = text.replace(f"{{{uri}}}", prefix)
    return text


def _short_location(location: str) -> str:
    """Saxon's /*:Invoice[namespace-uri()='urn:...'][1]/*:TaxTotal[...][1] ->
    /Invoice[1]/cac:TaxTotal[1]."""
    return SAXON_STEP.sub(lambda m: PREFIXES.get(m[2], "") + m[1], location or "")


def _parser() -> etree.XMLParser:
    # No DTDs, no entities, no network: the document is data, never instructions.
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


class Validator:
    """The three layers, compiled. Use `validator()` for the process's one instance."""

    def __init__(self, specs: Path = SPECS):
        self._processor = PySaxonProcessor(license=False)
        compiler = self._processor.new_xslt30_processor()
        self._layers = [
            (name, compiler.compile_stylesheet(stylesheet_file=str(specs / "rules" / file)))
            for name, file in LAYERS
        ]
        self._schemas = {
            tag: (root, etree.XMLSchema(etree.parse(str(specs / "xsd" / "maindoc" / xsd))))
            for tag, (root, xsd) in ROOTS.items()
        }
        self._lock = threading.Lock()

    def validate(self, xml: bytes) -> list[Finding]:
        """Every finding on the document, schema findings first; [] when it passes."""
        try:
            document = etree.fromstring(xml, _parser())
        except etree.XMLSyntaxError as error:
            return [Finding(FATAL, "XML", f"Not well-formed XML: {error}")]
        if document.getroottree().docinfo.doctype:
            return [Finding(FATAL, "XML", "A document type declaration (DTD) is not allowed.")]
        if document.tag not in self._schemas:
            text = f"The root element is {document.tag}, not a UBL 2.1 Invoice or CreditNote."
            return [Finding(FATAL, "NOT-UBL", text)]
        root, schema = self._schemas[document.tag]
        source = etree.tostring(document, encoding="unicode")
        with self._lock:
            findings = self._schema_findings(schema, document, root)
            node = self._processor.parse_xml(xml_text=source)
            for name, stylesheet in self._layers:
                findings += self._rule_findings(name, stylesheet, node)
        return findings

    @staticmethod
    def _schema_findings(schema, document, root: str) -> list[Finding]:
        if schema.validate(document):
            return []
        return [
            Finding(
                FATAL,
                "UBL-XSD",
                f"Line {error.line}: {_short_names(error.message)}",
                f"/{root}{(error.path or '')[2:]}",
            )
            for error in schema.error_log
        ]

    @staticmethod
    def _rule_findings(name: str, stylesheet, node) -> list[Finding]:
        try:
            report = stylesheet.transform_to_string(xdm_node=node)
        except PySaxonApiError as error:  # a rule hit a dynamic error, e.g. "" as an amount
            message = " ".join(str(error).split())
            return [Finding(FATAL, f"{name}-XSLT-ERROR", f"The rules could not run: {message}")]
        findings = []
        for element in etree.fromstring(report.encode("utf-8"), _parser()).iter(*SVRL_FINDINGS):
            rule = element.get("id") or "?"
            text = " ".join("".join(element.find(f"{SVRL}text").itertext()).split())
            text = re.sub(rf"^\[{re.escape(rule)}\]\s*-?\s*", "", text)  # the id, repeated
            location = _short_location(element.get("location"))
            findings.append(Finding(element.get("flag") or FATAL, rule, text, location))
        return findings


_validator: Validator | None = None
_compiling = threading.Lock()


def validator() -> Validator:
    """The process's validator, compiled on first use by whichever thread asks first."""
    global _validator
    if _validator is None:
        with _compiling:
            if _validator is None:
                _validator = Validator()
    return _validator


def validate(xml: bytes) -> list[Finding]:
    """Check a UBL Invoice or CreditNote against Peppol BIS Billing 3.0."""
    return validator().validate(xml)
