"""Dependencies run one way: no import hidden in a function to dodge a cycle, and no two
apps (nor a longer ring of them) that import each other. Tests and migrations are left out;
an app's tests may use the apps above it to build their data."""

import ast
from pathlib import Path

import pytest

PENDEL = Path(__file__).resolve().parents[2]

# accounts/access.py keeps one function-local import until the per-portal scope work lands
# (its branch removes it); nothing else may be added here.
KNOWN_LOCAL_IMPORTS = {("accounts/access.py", "pendel.accounts.models")}


def pendel_imports(tree: ast.AST) -> list[tuple[str, ast.AST]]:
    """(module, node) for every import of a pendel module in the tree."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "pendel":
                found += [(f"pendel.{alias.name}", node) for alias in node.names]
            elif node.module.startswith("pendel."):
                found.append((node.module, node))
        elif isinstance(node, ast.Import):
            found += [(a.name, node) for a in node.names if a.name.startswith("pendel.")]
    return found


def local_imports(source: str) -> list[tuple[int, str]]:
    """(line, module) of each pendel import placed inside a function or method."""
    tree = ast.parse(source)
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            for child in ast.walk(node):
                if child is not node:
                    inside.add(id(child))
    return [(node.lineno, module) for module, node in pendel_imports(tree) if id(node) in inside]


def app_graph(sources: dict[str, str]) -> dict[str, set[str]]:
    """{app: apps it imports}, from {path relative to pendel/: source}."""
    graph: dict[str, set[str]] = {}
    for path, source in sources.items():
        app = path.split("/")[0]
        targets = {module.split(".")[1] for module, _node in pendel_imports(ast.parse(source))}
        graph.setdefault(app, set()).update(targets - {app})
    return graph


def mutual_pairs(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    return sorted(
        (a, b) for a, targets in graph.items() for b in targets if a < b and a in graph.get(b, ())
    )


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One path for each ring of apps found by a depth-first walk."""
    found, done = [], set()

    def walk(app: str, path: list[str]) -> None:
        if app in path:
            found.append([*path[path.index(app) :], app])
            return
        if app in done:
            return
        for target in sorted(graph.get(app, ())):
            walk(target, [*path, app])
        done.add(app)

    for app in sorted(graph):
        walk(app, [])
    return found


def product_sources() -> dict[str, str]:
    sources = {}
    for path in sorted(PENDEL.rglob("*.py")):
        relative = path.relative_to(PENDEL)
        if "tests" in relative.parts or "migrations" in relative.parts:
            continue
        if len(relative.parts) > 1:  # pendel/__init__.py belongs to no app
            sources[relative.as_posix()] = path.read_text(encoding="utf-8")
    return sources


def test_no_import_of_pendel_is_placed_inside_a_function():
    offenders = [
        f"{path}:{line} imports {module}"
        for path, source in product_sources().items()
        for line, module in local_imports(source)
        if (path, module) not in KNOWN_LOCAL_IMPORTS
    ]
    assert offenders == []


def test_no_two_apps_import_each_other():
    graph = app_graph(product_sources())
    assert mutual_pairs(graph) == []
    assert cycles(graph) == []


def test_the_walk_sees_the_apps():
    graph = app_graph(product_sources())
    assert {"core", "regions", "companies", "employees", "orders", "surveys", "people"} <= set(
        graph
    )
    assert "core" in graph["regions"]
    assert graph["core"] == set()


BAD_SERVICE = """
from django.db import transaction

from pendel.core.models import AuditEvent


def invoice_send(invoice):
    from pendel.invoicing.tasks import invoice_send_task  # tasks import the services

    invoice_send_task.enqueue(invoice_id=invoice.pk)


class Helper:
    def method(self):
        import pendel.surveys.tasks

        return lambda: __import__("os")
"""


def test_a_function_local_import_is_found():
    assert local_imports(BAD_SERVICE) == [
        (8, "pendel.invoicing.tasks"),
        (15, "pendel.surveys.tasks"),
    ]
    assert local_imports("from pendel.core.models import AuditEvent\n") == []


@pytest.mark.parametrize(
    ("sources", "pairs", "ring"),
    [
        (
            {
                "employees/services.py": "from pendel.orders.services import tickets_end\n",
                "orders/services.py": "from pendel.employees.models import Employee\n",
            },
            [("employees", "orders")],
            ["employees", "orders", "employees"],
        ),
        (
            {
                "a/x.py": "from pendel import b\n",
                "b/x.py": "import pendel.c.models\n",
                "c/x.py": "from pendel.a.models import Thing\n",
            },
            [],
            ["a", "b", "c", "a"],
        ),
    ],
)
def test_apps_importing_each_other_are_found(sources, pairs, ring):
    graph = app_graph(sources)
    assert mutual_pairs(graph) == pairs
    assert cycles(graph)[0] == ring


def test_apps_importing_one_way_pass():
    graph = app_graph(
        {
            "orders/services.py": "from pendel.employees.models import Employee\n",
            "employees/models.py": "from pendel.core.models import TimeStampedModel\n",
            "core/models.py": "from django.db import models\n",
        }
    )
    assert mutual_pairs(graph) == [] and cycles(graph) == []
