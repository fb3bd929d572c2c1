"""The PDF of a stored invoice or credit note, in the buyer's language. Like the XML it reads
only the invoice's own copies, and it is rendered with reportlab's invariant mode (no
timestamp, no random id), so the same invoice always gives the same bytes."""

from decimal import Decimal
from io import BytesIO
from xml.sax.saxutils import escape

from babel.numbers import format_decimal
from django.utils import formats, translation
from django.utils.translation import gettext
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from pendel.core import conventions
from pendel.core.colours import HEX, heading_colour
from pendel.core.money import babel_locale, format_money
from pendel.invoicing.models import Invoice
from pendel.invoicing.totals import VatSubtotal
from pendel.invoicing.ubl import payment_terms_text, price_with_vat_text

# The built-in PDF fonts cover Windows-1252 only: map what Babel and typography use.
REPLACEMENTS = {"\u202f": "\u00a0", "\u2212": "-", "\u2009": " ", "\u2011": "-"}
GREY = colors.HexColor("#55606e")
LINE = colors.HexColor("#c9d1d9")
INK = colors.HexColor("#000000")


def _accent(invoice: Invoice):
    """The region's brand colour, darkened where needed to read as text on white: the
    headings and rules take it; every amount and label stays black."""
    colour = getattr(invoice.region, "brand_colour", "")
    return colors.HexColor(heading_colour(colour)) if HEX.fullmatch(colour or "") else INK


def _clean(text) -> str:
    text = "".join(REPLACEMENTS.get(char, char) for char in str(text))
    return text.encode("cp1252", errors="replace").decode("cp1252")


def _styles(accent=INK):
    sheet = getSampleStyleSheet()
    base = ParagraphStyle(
        "base", parent=sheet["Normal"], fontName="Helvetica", fontSize=9, leading=12
    )
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5, textColor=GREY),
        "bold": ParagraphStyle("bold", parent=base, fontName="Helvetica-Bold"),
        "title": ParagraphStyle(
            "title",
            parent=base,
            fontName="Helvetica-Bold",
            fontSize=16,
            leading=20,
            textColor=accent,
        ),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "small_right": ParagraphStyle(
            "small_right",
            parent=base,
            fontSize=7.5,
            leading=9.5,
            textColor=GREY,
            alignment=TA_RIGHT,
        ),
        "right_bold": ParagraphStyle(
            "rb", parent=base, alignment=TA_RIGHT, fontName="Helvetica-Bold"
        ),
    }


def _p(text, style) -> Paragraph:
    return Paragraph(escape(_clean(text)).replace("\n", "<br/>"), style)


def _date(value) -> str:
    return formats.date_format(value, "SHORT_DATE_FORMAT") if value else ""


def _money(invoice: Invoice, value) -> str:
    return format_money(value, invoice.currency, invoice.language)


def _unit_price(invoice: Invoice, value: Decimal) -> str:
    return format_decimal(value, format="#,##0.00##", locale=babel_locale(invoice.language))


def _rate(invoice: Invoice, value) -> str:
    return format_decimal(Decimal(value).normalize(), locale=babel_locale(invoice.language)) + " %"


def _party_lines(party: dict, *, vat_label: bool = True, country_line: bool = False) -> list[str]:
    """Address and numbers, labelled as the party's own country has them."""
    country = party.get("country", "")
    lines = [
        party.get("street", ""),
        f"{party.get('postcode', '')} {party.get('city', '')}".strip(),
        conventions.country_name(
            party.get("address_country") or country, translation.get_language()
        )
        if country_line
        else "",
        _labelled(
            conventions.organisation_number_label(country),
            conventions.organisation_number_display(country, party["organisation_number"]),
        ),
    ]
    if vat_label and party.get("vat_number"):
        lines.append(_labelled(conventions.vat_number_label(country), party["vat_number"]))
    return [line for line in lines if line]


def _labelled(label: str, value: str) -> str:
    return gettext("%(label)s: %(value)s") % {"label": label, "value": value}


def _header(invoice: Invoice, s) -> Table:
    seller = invoice.seller
    left = [_p(seller["name"], s["title"]), _p(seller.get("trading_name", ""), s["base"])]
    left += [
        _p(line, s["small"])
        for line in _party_lines(
            seller,
            country_line=seller.get("country")
            != (invoice.buyer.get("address_country") or invoice.buyer.get("country")),
        )
    ]
    if seller.get("tax_registration"):
        left.append(_p(seller["tax_registration"], s["small"]))
    contact = " · ".join(v for v in (seller.get("email"), seller.get("phone")) if v)
    left.append(_p(contact, s["small"]))
    title = gettext("Credit note") if invoice.is_credit_note else gettext("Invoice")
    right = [_p(title, s["title"]), _p(invoice.number, s["bold"]), _facts(invoice, s)]
    table = Table([[left, right]], colWidths=[100 * mm, 74 * mm])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return table


def _facts(invoice: Invoice, s) -> Table:
    if invoice.is_credit_note:
        rows = [(gettext("Credit note date"), _date(invoice.issue_date))]
        rows.append((gettext("Credits invoice"), invoice.credited_invoice.number))
    else:
        rows = [(gettext("Issue date"), _date(invoice.issue_date))]
        rows.append((gettext("Due date"), _date(invoice.due_date)))
    rows += [
        (gettext("Period"), f"{_date(invoice.period_start)} – {_date(invoice.period_end)}"),
        (gettext("Your reference"), invoice.buyer_reference),
    ]
    if invoice.buyer.get("order_reference"):
        rows.append((gettext("Order reference"), invoice.buyer["order_reference"]))
    table = Table(
        [[_p(k, s["small"]), _p(v, s["base"])] for k, v in rows], colWidths=[28 * mm, 46 * mm]
    )
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return table


def _buyer(invoice: Invoice, s) -> list:
    buyer = invoice.buyer
    block = [_p(gettext("Bill to"), s["small"]), _p(buyer["name"], s["bold"])]
    if buyer.get("location"):
        block.append(_p(buyer["location"], s["base"]))
    buyer_country = buyer.get("address_country") or buyer.get("country")
    cross_border = buyer_country != invoice.seller.get("country")
    block += [_p(line, s["base"]) for line in _party_lines(buyer, country_line=cross_border)]
    return block


def _lines(invoice: Invoice, s) -> Table:
    head = [
        gettext("Description"),
        gettext("Quantity"),
        gettext("Unit price"),
        gettext("VAT"),
        gettext("Amount"),
    ]
    rows = [[_p(head[0], s["small"])] + [_p(text, s["small_right"]) for text in head[1:]]]
    for line in sorted(invoice.lines.all(), key=lambda item: item.position):
        description = [_p(line.name, s["bold"]), _p(line.description, s["small"])]
        rows.append(
            [
                description,
                _p(
                    format_decimal(
                        line.quantity.normalize(), locale=babel_locale(invoice.language)
                    ),
                    s["right"],
                ),
                [
                    _p(_unit_price(invoice, line.unit_price), s["right"]),
                    _p(price_with_vat_text(invoice, line), s["small_right"]),
                ],
                _p(_rate(invoice, line.vat_rate), s["right"]),
                _p(_money(invoice, line.net_amount), s["right"]),
            ]
        )
    table = Table(rows, colWidths=[86 * mm, 18 * mm, 26 * mm, 14 * mm, 30 * mm], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, GREY),
                ("LINEBELOW", (0, 1), (-1, -1), 0.3, LINE),
            ]
        )
    )
    return table


def _totals(invoice: Invoice, s) -> Table:
    rows = []
    for data in invoice.vat_breakdown:
        subtotal = VatSubtotal.from_json(data)
        label = gettext("VAT %(rate)s of %(amount)s") % {
            "rate": _rate(invoice, subtotal.rate),
            "amount": _money(invoice, subtotal.taxable),
        }
        rows.append([_p(label, s["right"]), _p(_money(invoice, subtotal.tax), s["right"])])
    rows.insert(
        0,
        [
            _p(gettext("Total excluding VAT"), s["right"]),
            _p(_money(invoice, invoice.line_total), s["right"]),
        ],
    )
    if invoice.rounding_amount:
        rows.append(
            [
                _p(gettext("Rounding"), s["right"]),
                _p(_money(invoice, invoice.rounding_amount), s["right"]),
            ]
        )
    label = gettext("Total credited") if invoice.is_credit_note else gettext("Total to pay")
    rows.append([_p(label, s["right_bold"]), _p(_money(invoice, invoice.total), s["right_bold"])])
    table = Table(rows, colWidths=[144 * mm, 30 * mm])
    table.setStyle(TableStyle([("LINEABOVE", (0, -1), (-1, -1), 0.8, GREY)]))
    return table


def _payment(invoice: Invoice, s) -> list:
    if invoice.is_credit_note:
        return [_p(invoice.note, s["base"])]
    seller = invoice.seller
    facts = [
        (
            conventions.account_label(seller["account_kind"]),
            conventions.account_display(seller["account_kind"], seller["account_id"]),
        ),
        ("BIC", seller.get("bic", "")),
        (conventions.payment_reference_label(seller.get("country", "")), invoice.payment_reference),
        (gettext("Due date"), _date(invoice.due_date)),
        (gettext("Amount"), _money(invoice, invoice.total)),
    ]
    rows = [[_p(k, s["small"]), _p(v, s["bold"])] for k, v in facts if v]
    table = Table(rows, colWidths=[40 * mm, 134 * mm])
    table.setStyle(
        TableStyle([("BOX", (0, 0), (-1, -1), 0.5, LINE), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    )
    return [_p(payment_terms_text(invoice), s["base"]), Spacer(1, 2 * mm), table]


def _footer(invoice: Invoice):
    text = _clean(
        " · ".join(
            [
                invoice.seller["name"],
                conventions.organisation_number_display(
                    invoice.seller.get("country", ""), invoice.seller["organisation_number"]
                ),
                invoice.number,
            ]
        )
    )

    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont("Helvetica", 7)
        canvas.setFillColor(GREY)
        canvas.drawString(18 * mm, 10 * mm, text)
        canvas.drawRightString(192 * mm, 10 * mm, str(doc.page))
        canvas.restoreState()

    return draw


def _story(invoice: Invoice, s) -> list:
    return [
        _header(invoice, s),
        Spacer(1, 8 * mm),
        *_buyer(invoice, s),
        Spacer(1, 6 * mm),
        _p(invoice.note, s["base"]) if not invoice.is_credit_note else Spacer(1, 0),
        Spacer(1, 3 * mm),
        _lines(invoice, s),
        Spacer(1, 4 * mm),
        _totals(invoice, s),
        Spacer(1, 8 * mm),
        *_payment(invoice, s),
    ]


def _texts(flowable) -> list[str]:
    if isinstance(flowable, Paragraph):
        return [flowable.getPlainText()]
    if isinstance(flowable, Table):
        cells = [cell for row in flowable._cellvalues for cell in row]
        return [
            text
            for cell in cells
            for item in (cell if isinstance(cell, list) else [cell])
            for text in _texts(item)
        ]
    return []


def invoice_texts(invoice: Invoice) -> list[str]:
    """Every text the PDF prints, in reading order (what a test or a screen reader sees)."""
    with translation.override(invoice.language):
        return [text for flowable in _story(invoice, _styles()) for text in _texts(flowable)]


def invoice_pdf(invoice: Invoice) -> bytes:
    buffer = BytesIO()
    with translation.override(invoice.language):
        s = _styles(_accent(invoice))
        document = SimpleDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=18 * mm,
            rightMargin=18 * mm,
            topMargin=16 * mm,
            bottomMargin=18 * mm,
            title=_clean(f"{invoice.number} {invoice.seller['name']}"),
            author=_clean(invoice.seller["name"]),
            invariant=1,
        )
        story = _story(invoice, s)
        footer = _footer(invoice)
        document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()
