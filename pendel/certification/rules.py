"""The rules of a tier and the sentences that give their reasons.

An evaluation keeps the figures found for the member (`facts`, see `facts.py`) and, per
tier, each rule's outcome and what it needed (`outcomes`). The sentences are made when
read, from those two, so each reader sees them in their own language: "Response rate
78 % ≥ 75 %", "2 of 4 activities held"."""

from dataclasses import dataclass
from decimal import Decimal

from babel.numbers import format_decimal
from django.utils.translation import gettext

from pendel.core.money import babel_locale
from pendel.surveys.results.display import percent_text

RATE, ACTIVITIES, CAR_SHARE, PLAN = "rate", "activities", "car_share", "plan"
PASS, FAIL, UNKNOWN = "pass", "fail", "unknown"


def tier_rules(tier) -> list[dict]:
    """The tier's rules as {rule, needed}; `needed` None for the survey's own threshold
    (read from the survey) and for the plan."""
    rules = []
    if tier.rate_rule == "threshold":
        rules.append({"rule": RATE, "needed": None})
    elif tier.rate_rule == "minimum":
        rules.append({"rule": RATE, "needed": tier.rate_minimum})
    if tier.activities_minimum:
        rules.append({"rule": ACTIVITIES, "needed": tier.activities_minimum})
    if tier.car_share_reduction is not None:
        rules.append({"rule": CAR_SHARE, "needed": float(tier.car_share_reduction)})
    if tier.plan_approved:
        rules.append({"rule": PLAN, "needed": None})
    return rules


def _rate_outcome(facts: dict, needed) -> str:
    survey = facts.get("survey")
    if not survey:
        return FAIL
    if not survey["closed"] or not survey["delivered"]:
        return UNKNOWN
    threshold = survey["threshold"] if needed is None else needed
    return PASS if survey["answered"] * 100 >= threshold * survey["delivered"] else FAIL


def _car_outcome(facts: dict, needed) -> str:
    car = facts.get("car") or {}
    if car.get("state") != "ok":
        return UNKNOWN
    reduction = Decimal(str(car["baseline"])) - Decimal(str(car["current"]))
    return PASS if reduction >= Decimal(str(needed)) else FAIL


def rule_outcome(facts: dict, rule: str, needed) -> str:
    if rule == RATE:
        return _rate_outcome(facts, needed)
    if rule == ACTIVITIES:
        return PASS if facts.get("held", 0) >= needed else FAIL
    if rule == CAR_SHARE:
        return _car_outcome(facts, needed)
    return PASS if facts.get("plan") == "approved" else FAIL


def tier_outcomes(tiers, facts: dict) -> tuple[list[dict], int | None]:
    """Each tier's rule outcomes (lowest tier first) and the highest tier whose rules all
    pass (a tier without rules is never reached)."""
    outcomes, reached = [], None
    for tier in sorted(tiers, key=lambda tier: tier.rank):
        lines = [
            {**rule, "outcome": rule_outcome(facts, rule["rule"], rule["needed"])}
            for rule in tier_rules(tier)
        ]
        passed = bool(lines) and all(line["outcome"] == PASS for line in lines)
        outcomes.append({"tier": tier.pk, "rank": tier.rank, "passed": passed, "rules": lines})
        if passed:
            reached = tier.pk
    return outcomes, reached


# --- the sentences --------------------------------------------------------------------------
def percent(value) -> str:
    return percent_text(format_decimal(value, format="#,##0.#", locale=babel_locale()))


def points(value) -> str:
    return format_decimal(value, format="#,##0.0", locale=babel_locale())


def _rate_sentence(facts: dict, needed, outcome: str) -> str:
    survey = facts.get("survey")
    if not survey:
        return gettext("No survey of %(year)s has been sent.") % {"year": facts.get("year")}
    if not survey["closed"]:
        return gettext("Response rate: the survey of %(year)s is still open.") % {
            "year": facts.get("year")
        }
    if not survey["delivered"]:
        return gettext("Response rate: no invitation of the survey was delivered.")
    threshold = survey["threshold"] if needed is None else needed
    values = {
        "rate": percent(100 * survey["answered"] / survey["delivered"]),
        "needed": percent(threshold),
    }
    if outcome == PASS:
        return gettext("Response rate %(rate)s ≥ %(needed)s") % values
    return gettext("Response rate %(rate)s < %(needed)s") % values


def _car_sentence(facts: dict, needed, outcome: str) -> str:
    car = facts.get("car") or {}
    state, size = car.get("state"), car.get("min_size")
    if state == "no_survey":
        return gettext("Car share: no survey of %(year)s has closed.") % {"year": facts["year"]}
    if state == "no_baseline":
        return gettext("Car share: no baseline survey has closed to compare with.")
    if state == "is_baseline":
        return gettext("Car share: the survey of %(year)s is the baseline itself.") % {
            "year": facts["year"]
        }
    if state == "too_few_now":
        return gettext(
            "Car share cannot be evaluated: fewer than %(size)s answered the survey of "
            "%(year)s, too few to show."
        ) % {"size": size, "year": facts["year"]}
    if state == "too_few_baseline":
        return gettext(
            "Car share cannot be evaluated: fewer than %(size)s answered the baseline "
            "survey, too few to show."
        ) % {"size": size}
    values = {
        "baseline": percent(car["baseline"]),
        "current": percent(car["current"]),
        "points": points(car["baseline"] - car["current"]),
        "needed": points(needed),
    }
    if outcome == PASS:
        return (
            gettext(
                "Car share %(baseline)s → %(current)s: down %(points)s percentage points "
                "≥ %(needed)s"
            )
            % values
        )
    return (
        gettext(
            "Car share %(baseline)s → %(current)s: down %(points)s percentage points < %(needed)s"
        )
        % values
    )


def _plan_sentence(facts: dict) -> str:
    year = facts.get("year")
    status = facts.get("plan")
    if status == "approved":
        return gettext("Activity plan for %(year)s approved") % {"year": year}
    if status:
        return gettext("Activity plan for %(year)s not approved yet") % {"year": year}
    return gettext("No activity plan for %(year)s") % {"year": year}


def rule_sentence(facts: dict, line: dict) -> str:
    rule, needed, outcome = line["rule"], line["needed"], line["outcome"]
    if rule == RATE:
        return _rate_sentence(facts, needed, outcome)
    if rule == ACTIVITIES:
        return gettext("%(held)s of %(needed)s activities held") % {
            "held": facts.get("held", 0),
            "needed": needed,
        }
    if rule == CAR_SHARE:
        return _car_sentence(facts, needed, outcome)
    return _plan_sentence(facts)


@dataclass(frozen=True)
class Reason:
    text: str
    outcome: str

    @property
    def mark(self) -> str:
        return {PASS: "✓", FAIL: "✗"}.get(self.outcome, "–")

    @property
    def outcome_label(self) -> str:
        if self.outcome == PASS:
            return gettext("met")
        if self.outcome == FAIL:
            return gettext("not met")
        return gettext("cannot be evaluated")


@dataclass(frozen=True)
class TierResult:
    tier: object  # a Tier, or None when it was removed since
    rank: int
    passed: bool
    reasons: list


def tier_results(evaluation, tiers_by_id: dict) -> list[TierResult]:
    """The evaluation's tiers (lowest first), each with its reasons as sentences."""
    return [
        TierResult(
            tier=tiers_by_id.get(entry["tier"]),
            rank=entry["rank"],
            passed=entry["passed"],
            reasons=[
                Reason(rule_sentence(evaluation.facts, line), line["outcome"])
                for line in entry["rules"]
            ],
        )
        for entry in evaluation.outcomes
    ]


def headline_reasons(evaluation, tiers_by_id: dict) -> tuple[TierResult | None, TierResult | None]:
    """The tier reached and the next tier up (what is missing for it), for a list's row."""
    results = tier_results(evaluation, tiers_by_id)
    reached = [result for result in results if result.passed]
    top = reached[-1] if reached else None
    above = [result for result in results if top is None or result.rank > top.rank]
    return top, (above[0] if above else None)
