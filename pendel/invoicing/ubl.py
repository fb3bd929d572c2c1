"""Peppol BIS Billing 3.0 (in Norway: EHF Billing 3.0) as UBL 2.1 XML, rendered from the
stored invoice or credit note only: its copies of seller, buyer and lines. Nothing here
reads a price, a rate or a company, so the XML of an issued invoice never changes.

Written with plain strings in the order of the UBL 2.1 schema (the stdlib's ElementTree
would need global namespace registration). Empty values are left out, since Peppol forbids
empty elements (PEPPOL-EN16931-R008).

Every document is checked by the official rules before it is sent (validation.py): UBL XSD,
CEN EN 16931 1.3.16 and Peppol BIS 3.0.21 with the Norwegian, Swedish and Dutch rules.
"""

from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.utils import translation
from django.utils.translation import gettext

from pendel.core.money import format_money
from pendel.invoicing.models import Invoice
from pendel.invoicing.totals import VatSubtotal

CUSTOMIZATION = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
PROFILE = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
CAC = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
CBC = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
ROOT_NS = {
    "Invoice": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2",
    "CreditNote": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2",
}
# UNCL4461 payment means: 30 credit transfer, 58 SEPA credit transfer.
SEPA = "58"
CREDIT_TRANSFER = "30"
GIRO_BRANCH = {"se_bankgiro": "SE:BANKGIRO", "se_plusgiro": "SE:PLUSGIRO"}


def _e(tag: str, value=None, **attrs) -> str:
    """<tag attrs>value</tag>, or "" when the value is empty."""
    if value is None or str(value).strip() == "":
        return ""
    attributes = "".join(f" {name}={quoteattr(str(v))}" for name, v in attrs.items() if v)
    return f"<{tag}{attributes}>{escape(str(value))}</{tag}>"


def _g(tag: str, *children: str) -> str:
    """<tag>children</tag>, or "" when every child is empty."""
    inner = "".join(children)
    return f"<{tag}>{inner}</{tag}>" if inner else ""


def amount(value: Decimal) -> str:
    return f"{Decimal(value):.2f}"


def plain(value: Decimal) -> str:
    """A quantity or a rate without trailing zeros: 23, 12, 0.5."""
    text = format(Decimal(value).normalize(), "f")
    return text if text != "-0" else "0"


def price(value: Decimal) -> str:
    """A unit price with at least two decimals and no trailing zeros beyond: 199.00,
    177.6786."""
    text = format(Decimal(value).normalize(), "f")
    whole, _dot, decimals = text.partition(".")
    return f"{whole}.{decimals.ljust(2, '0')}"


def _money(tag: str, value: Decimal, currency: str) -> str:
    return _e(tag, amount(value), currencyID=currency)


def _tax_category(tag: str, category: str, rate: Decimal, reason: str = "") -> str:
    return _g(
        tag,
        _e("cbc:ID", category),
        _e("cbc:Percent", plain(rate)),
        _e("cbc:TaxExemptionReason", reason if category != "S" else ""),
        _g("cac:TaxScheme", _e("cbc:ID", "VAT")),
    )


def _party(party: dict, *, seller: bool) -> str:
    scheme = party.get("legal_id_scheme", "")
    number = party["organisation_number"]
    tax_schemes = [
        _g(
            "cac:PartyTaxScheme",
            _e("cbc:CompanyID", party.get("vat_number")),
            _g("cac:TaxScheme", _e("cbc:ID", "VAT")),
        )
        if party.get("vat_number")
        else "",
        _g(
            "cac:PartyTaxScheme",
            _e("cbc:CompanyID", party.get("tax_registration")),
            _g("cac:TaxScheme", _e("cbc:ID", "TAX")),
        )
        if seller and party.get("tax_registration")
        else "",
    ]
    return _g(
        "cac:Party",
        _e(
            "cbc:EndpointID",
            party.get("endpoint_id") or number,
            schemeID=party.get("endpoint_scheme") or scheme,
        ),
        _g("cac:PartyName", _e("cbc:Name", party.get("trading_name") or party["name"])),
        _g(
            "cac:PostalAddress",
            _e("cbc:StreetName", party.get("street")),
            _e("cbc:CityName", party.get("city")),
            _e("cbc:PostalZone", party.get("postcode")),
            _g(
                "cac:Country",
                _e("cbc:IdentificationCode", party.get("address_country") or party["country"]),
            ),
        ),
        *tax_schemes,
        _g(
            "cac:PartyLegalEntity",
            _e("cbc:RegistrationName", party["name"]),
            _e("cbc:CompanyID", number, schemeID=scheme),
        ),
        _g(
            "cac:Contact",
            _e("cbc:Name", party.get("contact")),
            _e("cbc:Telephone", party.get("phone")),
            _e("cbc:ElectronicMail", party.get("email")),
        ),
    )


def _payment(invoice: Invoice) -> str:
    seller = invoice.seller
    kind = seller["account_kind"]
    code = SEPA if kind == "iban" and invoice.currency == "EUR" else CREDIT_TRANSFER
    branch = GIRO_BRANCH.get(kind) or seller.get("bic")
    means = _g(
        "cac:PaymentMeans",
        _e("cbc:PaymentMeansCode", code),
        _e("cbc:PaymentID", invoice.payment_reference),
        _g(
            "cac:PayeeFinancialAccount",
            _e("cbc:ID", seller["account_id"]),
            _e("cbc:Name", seller["name"]),
            _g("cac:FinancialInstitutionBranch", _e("cbc:ID", branch)),
        ),
    )
    terms = _g("cac:PaymentTerms", _e("cbc:Note", payment_terms_text(invoice)))
    return means + terms


def payment_terms_text(invoice: Invoice) -> str:
    with translation.override(invoice.language):
        return gettext("Payment within %(days)s days.") % {
            "days": invoice.seller["payment_terms_days"]
        }


def price_with_vat_text(invoice: Invoice, line) -> str:
    """For a line priced with VAT, its unit price with VAT in words, in the invoice's
    language ("345,00 kr incl. VAT"): the price the buyer knows, which the net unit price
    with four decimals comes from. The line's note (BT-127) and the PDF say it."""
    if line.unit_price_incl_vat is None:
        return ""
    with translation.override(invoice.language):
        return gettext("%(price)s each incl. VAT") % {
            "price": format_money(line.unit_price_incl_vat, invoice.currency, invoice.language)
        }


def _tax_total(invoice: Invoice) -> str:
    currency = invoice.currency
    subtotals = [VatSubtotal.from_json(data) for data in invoice.vat_breakdown]
    return _g(
        "cac:TaxTotal",
        _money("cbc:TaxAmount", invoice.vat_total, currency),
        *[
            _g(
                "cac:TaxSubtotal",
                _money("cbc:TaxableAmount", subtotal.taxable, currency),
                _money("cbc:TaxAmount", subtotal.tax, currency),
                _tax_category(
                    "cac:TaxCategory", subtotal.category, subtotal.rate, subtotal.exemption_reason
                ),
            )
            for subtotal in subtotals
        ],
    )


def _monetary_total(invoice: Invoice) -> str:
    """BT-106, BT-109, BT-112 = BT-109 + BT-110, BT-114 only when there is rounding, and
    BT-115 = BT-112 + BT-114: the stored total (totals.py)."""
    currency = invoice.currency
    rounding = invoice.rounding_amount or Decimal("0")
    return _g(
        "cac:LegalMonetaryTotal",
        _money("cbc:LineExtensionAmount", invoice.line_total, currency),
        _money("cbc:TaxExclusiveAmount", invoice.line_total, currency),
        _money("cbc:TaxInclusiveAmount", invoice.total - rounding, currency),
        _money("cbc:PayableRoundingAmount", rounding, currency) if rounding else "",
        _money("cbc:PayableAmount", invoice.total, currency),
    )


def _line(line, *, invoice: Invoice) -> str:
    credit, currency = invoice.is_credit_note, invoice.currency
    quantity_tag = "cbc:CreditedQuantity" if credit else "cbc:InvoicedQuantity"
    return _g(
        "cac:CreditNoteLine" if credit else "cac:InvoiceLine",
        _e("cbc:ID", line.position),
        _e("cbc:Note", price_with_vat_text(invoice, line)),
        _e(quantity_tag, plain(line.quantity), unitCode=line.unit_code),
        _money("cbc:LineExtensionAmount", line.net_amount, currency),
        _g(
            "cac:InvoicePeriod",
            _e("cbc:StartDate", line.period_start.isoformat()),
            _e("cbc:EndDate", line.period_end.isoformat()),
        ),
        _g(
            "cac:Item",
            _e("cbc:Description", line.description),
            _e("cbc:Name", line.name),
            _g("cac:SellersItemIdentification", _e("cbc:ID", line.product_code)),
            _tax_category("cac:ClassifiedTaxCategory", line.vat_category, line.vat_rate),
        ),
        _g("cac:Price", _e("cbc:PriceAmount", price(line.unit_price), currencyID=currency)),
    )


def _header(invoice: Invoice) -> str:
    credit = invoice.is_credit_note
    credited = invoice.credited_invoice if credit else None
    return "".join(
        [
            _e("cbc:CustomizationID", CUSTOMIZATION),
            _e("cbc:ProfileID", PROFILE),
            _e("cbc:ID", invoice.number),
            _e("cbc:IssueDate", invoice.issue_date.isoformat()),
            "" if credit else _e("cbc:DueDate", invoice.due_date and invoice.due_date.isoformat()),
            _e(
                "cbc:CreditNoteTypeCode" if credit else "cbc:InvoiceTypeCode",
                "381" if credit else "380",
            ),
            _e("cbc:Note", invoice.note),
            _e("cbc:DocumentCurrencyCode", invoice.currency),
            _e("cbc:BuyerReference", invoice.buyer_reference),
            _g(
                "cac:InvoicePeriod",
                _e("cbc:StartDate", invoice.period_start.isoformat()),
                _e("cbc:EndDate", invoice.period_end.isoformat()),
            ),
            _g("cac:OrderReference", _e("cbc:ID", invoice.buyer.get("order_reference"))),
            _g(
                "cac:BillingReference",
                _g(
                    "cac:InvoiceDocumentReference",
                    _e("cbc:ID", credited.number),
                    _e("cbc:IssueDate", credited.issue_date.isoformat()),
                ),
            )
            if credited
            else "",
        ]
    )


def invoice_xml(invoice: Invoice, lines=None) -> bytes:
    """The document as a Peppol access point expects it, UTF-8 encoded. `lines` is for a
    draft that is not saved (the run's review): its lines, as they would be issued."""
    credit = invoice.is_credit_note
    root = "CreditNote" if credit else "Invoice"
    lines = sorted(invoice.lines.all() if lines is None else lines, key=lambda line: line.position)
    body = "".join(
        [
            _header(invoice),
            _g("cac:AccountingSupplierParty", _party(invoice.seller, seller=True)),
            _g("cac:AccountingCustomerParty", _party(invoice.buyer, seller=False)),
            "" if credit else _payment(invoice),
            _tax_total(invoice),
            _monetary_total(invoice),
            *[_line(line, invoice=invoice) for line in lines],
        ]
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<{root} xmlns="{ROOT_NS[root]}" xmlns:cac="{CAC}" xmlns:cbc="{CBC}">'
        f"{body}</{root}>\n"
    )
    return document.encode("utf-8")
