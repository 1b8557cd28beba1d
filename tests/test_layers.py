"""Inside api/, the repositories are the only code that builds SQL (README, "How it is built").

import-linter keeps routes, services, repositories and models in their layers, but it cannot
see which names a module takes from SQLAlchemy: a service that writes its own `select` keeps
every contract. This does: a statement outside api/repositories/ fails here, naming it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS_ABOVE = ("api/routes", "api/services")
# What builds a statement; sessions, errors and events stay welcome everywhere.
BUILDERS = {"select", "insert", "update", "delete", "text", "exists", "union", "union_all"}


def _builders_imported(path: Path) -> list[str]:
    """`module:line name` for each statement builder the file imports from SQLAlchemy."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sqlalchemy"):
            found += [
                f"{path.name}:{node.lineno} {a.name}" for a in node.names if a.name in BUILDERS
            ]
        elif isinstance(node, ast.Import):
            found += [
                f"{path.name}:{node.lineno} {a.name}"
                for a in node.names
                if a.name.startswith("sqlalchemy")
            ]
    return found


@pytest.mark.parametrize("layer", LAYERS_ABOVE)
def test_only_the_repositories_build_sql(layer: str) -> None:
    modules = sorted((ROOT / layer).glob("*.py"))
    assert modules, f"no modules under {layer}"
    assert [hit for path in modules for hit in _builders_imported(path)] == []


def test_the_check_sees_a_statement_built_in_a_service(tmp_path: Path) -> None:
    """The rule above can fail: a service that imports `select` is named."""
    service = tmp_path / "sneaky.py"
    service.write_text("from sqlalchemy import Connection, select\nimport sqlalchemy as sa\n")
    assert _builders_imported(service) == ["sneaky.py:1 select", "sneaky.py:2 sqlalchemy"]
