"""How long bookkeeping law keeps an issued invoice, per country of the seller.

Each row is dated (the law in force from that day) and names its legal source. The period
runs from the end of the accounting year in which the invoice was issued; the regions'
accounting year is the calendar year, so an invoice of 2026 is kept to the end of
2026 + years. Until then neither the invoice nor its archived files may be deleted.
"""

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class RetentionRule:
    country: str
    years: int
    valid_from: date
    source: str


RETENTION_RULES = (
    RetentionRule(
        "NO",
        5,
        date(2014, 1, 1),
        "Bokføringsloven (LOV-2004-11-19-73) § 13 første ledd: fem år etter regnskapsårets "
        "slutt (endret ved lov 2013-06-21-73, i kraft 2014).",
    ),
    RetentionRule(
        "SE",
        7,
        date(2000, 1, 1),
        "Bokföringslagen (1999:1078) 7 kap. 2 §: till och med det sjunde året efter "
        "utgången av det kalenderår då räkenskapsåret avslutades.",
    ),
    RetentionRule(
        "NL",
        7,
        date(1992, 1, 1),
        "Burgerlijk Wetboek Boek 2, art. 10 lid 3, en Algemene wet inzake rijksbelastingen "
        "art. 52 lid 4: zeven jaren.",
    ),
)
# A country without a rule of its own keeps invoices as long as the longest rule here.
FALLBACK_YEARS = max(rule.years for rule in RETENTION_RULES)


def retention_rule(country: str, issued: date) -> RetentionRule | None:
    rules = [r for r in RETENTION_RULES if r.country == country and r.valid_from <= issued]
    return max(rules, key=lambda rule: rule.valid_from) if rules else None


def retained_until(country: str, issued: date) -> date:
    """The last day the invoice must be kept: the end of the accounting year of issue plus
    the country's period."""
    rule = retention_rule(country, issued)
    years = rule.years if rule else FALLBACK_YEARS
    return date(issued.year + years, 12, 31)


def invoice_retained_until(invoice) -> date:
    return retained_until(invoice.seller.get("country", ""), invoice.issue_date)
