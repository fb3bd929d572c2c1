"""Mutation testing by hand, on the rules that matter (issue 9, point 5).

    .venv/bin/python tests/mutation.py [target ...]     # all targets when none is named
    .venv/bin/python tests/mutation.py --list           # the mutants, without running them

For each target (a module, optionally only some of its functions) the script makes small
mutants, one at a time: a comparison turned round (< into <=, == into !=, in into not in),
and/or swapped, + into -, a number one higher, True into False, a short string constant
changed, a `raise` or a call statement removed, a `return` that returns None. It also
applies the hand-written mutants an outside audit found alive (AUDIT below). Each mutant is
written over the module, the target's tests run (pytest -x), and the module is put back
byte for byte, also when the script is interrupted. A mutant is caught ("killed") when the
tests fail. It prints the score per target and every mutant that lived; it writes nothing
else (no cache, no report file), so nothing of a run ends up in git.

The tests run on a SQLite file under the system's temporary directory, reused between the
runs (--reuse-db), so a mutant costs the test run and not the migrations.
"""

import argparse
import ast
import copy
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTEST = [str(ROOT / ".venv" / "bin" / "pytest"), "-x", "-q", "-p", "no:randomly"]
TIMEOUT = 600


@dataclass(frozen=True)
class Target:
    name: str
    path: str
    tests: tuple[str, ...]
    only: tuple[str, ...] = ()  # top-level functions or classes; empty: the whole module
    audit: tuple[tuple[str, str, str], ...] = ()  # (what, old text, new text)
    skip_strings: bool = False


TARGETS = [
    Target(
        "minimum group size",
        "pendel/surveys/results/tables.py",
        (
            "pendel/surveys/tests/test_rate_and_group_rules.py",
            "pendel/surveys/tests/test_results.py",
            "pendel/surveys/tests/test_suppression.py",
        ),
        only=("Row", "_hidden", "protect"),
    ),
    Target(
        "response rate",
        "pendel/surveys/selectors.py",
        (
            "pendel/surveys/tests/test_rate_and_group_rules.py",
            "pendel/surveys/tests/test_results.py",
            "pendel/surveys/tests/test_views_company.py",
            "pendel/surveys/tests/test_close.py",
            "pendel/surveys/tests/test_views_staff.py",
        ),
        only=("Rate", "with_rates", "rate_of", "response_rate"),
    ),
    Target(
        "survey tokens: invitation lookup",
        "pendel/surveys/selectors.py",
        (
            "pendel/surveys/tests/test_answering.py",
            "pendel/surveys/tests/test_access.py",
            "pendel/surveys/tests/test_token_guards.py",
            "pendel/surveys/tests/test_links.py",
        ),
        only=("invitation_for_token",),
        audit=(
            (
                "the stored hash opens the survey as well as the token",
                "InvitationLink.objects.filter(token_hash=token_hash(token))",
                "InvitationLink.objects.filter(token_hash__in=[token_hash(token), token])",
            ),
        ),
    ),
    Target(
        "survey tokens: answering service",
        "pendel/surveys/services/answering.py",
        (
            "pendel/surveys/tests/test_answering_service.py",
            "pendel/surveys/tests/test_token_guards.py",
            "pendel/surveys/tests/test_answering.py",
        ),
        audit=(
            (
                "the service's own 'already answered' guard removed",
                "    if invitation.answered_at:\n        raise AlreadyAnswered\n",
                "",
            ),
        ),
    ),
    Target(
        "numbering",
        "pendel/invoicing/numbering.py",
        (
            "pendel/invoicing/tests/test_numbering.py",
            "pendel/invoicing/tests/test_credit_control.py",
            "pendel/invoicing/tests/test_invoice_run.py",
        ),
    ),
    Target(
        "invoice totals",
        "pendel/invoicing/totals.py",
        (
            "pendel/invoicing/tests/test_totals_rules.py",
            "pendel/invoicing/tests/test_totals.py",
            "pendel/invoicing/tests/test_invoice_run.py",
            "pendel/invoicing/tests/test_credit_control.py",
            "pendel/invoicing/tests/test_vat_inclusive.py",
        ),
    ),
    Target(
        "credit notes: the rest to exactly zero, credited only when whole",
        "pendel/invoicing/services/credit.py",
        (
            "pendel/invoicing/tests/test_vat_inclusive.py",
            "pendel/invoicing/tests/test_credit_status.py",
            "pendel/invoicing/tests/test_credit_control.py",
        ),
        only=(
            "_credited",
            "remaining_quantities",
            "_credit_totals",
            "_is_the_rest",
            "_update_credited",
        ),
    ),
    Target(
        "ordering needs an active membership",
        "pendel/orders/services.py",
        ("pendel/orders/tests/test_membership_needed.py",),
        only=("ordering_problem", "_membership_problem", "_check_orderable"),
    ),
    Target(
        "retention of issued invoices",
        "pendel/invoicing/retention.py",
        ("pendel/invoicing/tests/test_retention.py",),
    ),
    Target(
        "buyer VAT numbers and Peppol IDs",
        "pendel/companies/identifiers.py",
        (
            "pendel/companies/tests/test_billing_details.py",
            "pendel/companies/tests/test_identifiers.py",
        ),
        only=("vat_number_valid", "buyer_vat_problem", "peppol_id_problem"),
    ),
    Target(
        "payment references",
        "pendel/invoicing/identifiers.py",
        (
            "pendel/invoicing/tests/test_payment_references.py",
            "pendel/invoicing/tests/test_totals.py",
        ),
        only=(
            "mod10_check_digit",
            "mod11_check_digit",
            "ocr_with_length",
            "payment_reference",
            "no_account_valid",
        ),
        audit=(
            (
                "KID/OCR weights swapped",
                "(2 if index % 2 == 0 else 1)",
                "(1 if index % 2 == 0 else 2)",
            ),
        ),
    ),
    Target(
        "export: guarded spreadsheet cells",
        "pendel/core/cells.py",
        (
            "pendel/employees/tests/test_export_formulas.py",
            "pendel/invoicing/tests/test_specification_formulas.py",
            "pendel/surveys/tests/test_export_formulas.py",
        ),
        audit=(
            (
                "only = guarded",
                'FORMULA_START = ("=", "+", "-", "@", "\\t", "\\r")',
                'FORMULA_START = ("=",)',
            ),
        ),
    ),
    Target(
        "export: employee files",
        "pendel/employees/exports.py",
        (
            "pendel/employees/tests/test_export.py",
            "pendel/employees/tests/test_export_formulas.py",
            "pendel/employees/tests/test_views_company.py",
            "pendel/employees/tests/test_erasure.py",
        ),
    ),
    Target(
        "import: parsing",
        "pendel/employees/parsing.py",
        ("pendel/employees/tests/test_parsing_edges.py", "pendel/employees/tests"),
        only=(
            "ParsedRow",
            "ParsedFile",
            "parse_file",
            "parse_table",
            "_find_header",
            "_check_required",
            "_clean_row",
            "_check_duplicate",
            "describe_error",
        ),
    ),
    Target(
        "import: columns",
        "pendel/employees/columns.py",
        ("pendel/employees/tests",),
        only=("field_for_header", "export_headers"),
    ),
    Target(
        "translation check: plural forms",
        "pendel/core/i18n_check.py",
        ("pendel/core/tests/test_translations.py", "pendel/core/tests/test_i18n_plurals.py"),
        audit=(
            (
                "only the first plural form checked",
                "if message.fuzzy or not all(strings):",
                "if message.fuzzy or not strings[0]:",
            ),
        ),
    ),
]


# Mutants ---------------------------------------------------------------------------------

SWAP_COMPARE = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
}
SWAP_BINOP = {
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.FloorDiv: ast.Mult,
    ast.Mod: ast.FloorDiv,
}


@dataclass
class Mutant:
    what: str
    line: int
    source: str = field(repr=False)


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _translated(tree: ast.AST) -> set[int]:
    """String constants that are message ids (the translation tests guard those)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name in {"gettext", "_", "ngettext", "gettext_lazy", "pgettext"}:
                found.update(id(arg) for arg in ast.walk(node) if isinstance(arg, ast.Constant))
    return found


def _dict_keys(tree: ast.AST) -> set[int]:
    """Keys of dict literals (mostly language codes of header aliases: data, not rules)."""
    return {id(key) for node in ast.walk(tree) if isinstance(node, ast.Dict) for key in node.keys}


def _in_scope(tree: ast.Module, only: tuple[str, ...]) -> list[ast.AST]:
    if not only:
        return [tree]
    return [node for node in tree.body if getattr(node, "name", None) in only]


def _returns_none(node: ast.Return) -> bool:
    return node.value is None or (isinstance(node.value, ast.Constant) and node.value.value is None)


def _points(tree: ast.Module, target: Target):
    """(node path, description) of every mutation point, as indexes into ast.walk order."""
    skip = _docstrings(tree) | _translated(tree) | _dict_keys(tree)
    scopes = _in_scope(tree, target.only)
    inside = {id(node) for scope in scopes for node in ast.walk(scope)}
    for index, node in enumerate(ast.walk(tree)):
        if id(node) not in inside:
            continue
        if isinstance(node, ast.Compare):
            for position, op in enumerate(node.ops):
                if type(op) in SWAP_COMPARE:
                    yield (
                        index,
                        ("compare", position),
                        f"{type(op).__name__} → {SWAP_COMPARE[type(op)].__name__}",
                    )
        elif isinstance(node, ast.BinOp) and type(node.op) in SWAP_BINOP:
            yield (
                index,
                ("binop",),
                f"{type(node.op).__name__} → {SWAP_BINOP[type(node.op)].__name__}",
            )
        elif isinstance(node, ast.BoolOp):
            yield index, ("boolop",), "and ↔ or"
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield index, ("not",), "not removed"
        elif isinstance(node, ast.Constant) and id(node) not in skip:
            value = node.value
            if isinstance(value, bool):
                yield index, ("const",), f"{value} → {not value}"
            elif isinstance(value, int):
                yield index, ("const",), f"{value} → {value + 1}"
            elif isinstance(value, str) and len(value) <= 4 and not target.skip_strings:
                yield index, ("const",), f"{value!r} → {'X' + value!r}"
        elif isinstance(node, ast.Raise):
            yield index, ("raise",), "raise removed"
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            yield index, ("call",), "call removed"
        elif isinstance(node, ast.Return) and not _returns_none(node):
            yield index, ("return",), "returns None"


def _replace(tree: ast.Module, node: ast.AST, new: ast.AST) -> None:
    """Put `new` where `node` is in the tree."""
    for parent in ast.walk(tree):
        for name, value in ast.iter_fields(parent):
            if value is node:
                setattr(parent, name, new)
                return
            if isinstance(value, list) and any(item is node for item in value):
                setattr(parent, name, [new if item is node else item for item in value])
                return


def _apply(tree: ast.Module, index: int, how: tuple) -> ast.Module:
    tree = copy.deepcopy(tree)
    node = list(ast.walk(tree))[index]
    kind = how[0]
    if kind == "compare":
        node.ops[how[1]] = SWAP_COMPARE[type(node.ops[how[1]])]()
    elif kind == "binop":
        node.op = SWAP_BINOP[type(node.op)]()
    elif kind == "boolop":
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "not":
        _replace(tree, node, node.operand)
    elif kind == "const":
        value = node.value
        if isinstance(value, bool):
            node.value = not value
        elif isinstance(value, int):
            node.value = value + 1
        else:
            node.value = "X" + value
    elif kind in {"raise", "call"}:
        _replace(tree, node, ast.Pass())
    elif kind == "return":
        node.value = ast.Constant(None)
    return tree


def mutants(target: Target) -> list[Mutant]:
    original = (ROOT / target.path).read_text()
    tree = ast.parse(original)
    found = []
    for index, how, what in _points(tree, target):
        node = list(ast.walk(tree))[index]
        mutated = ast.unparse(ast.fix_missing_locations(_apply(tree, index, how)))
        found.append(Mutant(what, getattr(node, "lineno", 0), mutated))
    for what, old, new in target.audit:
        if old not in original:
            raise SystemExit(f"{target.path}: the audit mutant {what!r} no longer applies")
        found.append(
            Mutant(
                f"audit: {what}",
                original[: original.index(old)].count("\n") + 1,
                original.replace(old, new, 1),
            )
        )
    return found


# Running ---------------------------------------------------------------------------------


def _run_tests(target: Target, env: dict) -> bool:
    """True when the tests fail (the mutant is caught)."""
    try:
        done = subprocess.run(
            [*PYTEST, "--reuse-db", *target.tests],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=TIMEOUT,
        )
    except subprocess.TimeoutExpired:
        return True
    return done.returncode != 0


def _wanted(listing: Path | None) -> set[str] | None:
    if listing is None:
        return None
    return {
        line.split("LIVES:")[-1].split("lives:")[-1].strip()
        for line in listing.read_text().splitlines()
        if line.strip()
    }


def run(target: Target, env: dict, wanted: set[str] | None = None) -> tuple[int, list[Mutant]]:
    path = ROOT / target.path
    original = path.read_bytes()
    found = mutants(target)
    if wanted is not None:
        found = [m for m in found if f"{target.path}:{m.line}: {m.what}" in wanted]
    alive = []

    def restore(*_args):
        path.write_bytes(original)
        raise SystemExit(1)

    previous = signal.signal(signal.SIGINT, restore), signal.signal(signal.SIGTERM, restore)
    try:
        if _run_tests(target, env):
            raise SystemExit(f"{target.name}: the tests fail without a mutant")
        for mutant in found:
            path.write_text(mutant.source)
            caught = _run_tests(target, env)
            path.write_bytes(original)
            if not caught:
                alive.append(mutant)
            mark = "caught" if caught else "LIVES"
            print(f"  {mark}: {target.path}:{mutant.line}: {mutant.what}", file=sys.stderr)
    finally:
        path.write_bytes(original)
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])
    return len(found), alive


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("targets", nargs="*", help="names (or parts of names) of targets")
    parser.add_argument("--list", action="store_true", help="only list the mutants")
    parser.add_argument(
        "--again",
        type=Path,
        help="run only the mutants named in this file (lines 'path:line: what', e.g. the"
        " 'LIVES' lines of an earlier run)",
    )
    args = parser.parse_args()
    chosen = [t for t in TARGETS if not args.targets or any(a in t.name for a in args.targets)]
    env = {
        **os.environ,
        "SQLITE_TEST_NAME": str(Path(tempfile.gettempdir()) / "pendel-mutation.sqlite3"),
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    total = killed = 0
    for target in chosen:
        if args.list:
            for mutant in mutants(target):
                print(f"{target.path}:{mutant.line}: {mutant.what}")
            continue
        started = time.monotonic()
        count, alive = run(target, env, _wanted(args.again))
        total += count
        killed += count - len(alive)
        score = 100 * (count - len(alive)) / count if count else 100
        print(
            f"{target.name}: {count - len(alive)}/{count} caught ({score:.0f} %)"
            f" in {time.monotonic() - started:.0f} s",
            flush=True,
        )
        for mutant in alive:
            print(f"    lives: {target.path}:{mutant.line}: {mutant.what}", flush=True)
    if total:
        print(f"all: {killed}/{total} caught ({100 * killed / total:.0f} %)")


if __name__ == "__main__":
    sys.exit(main())
