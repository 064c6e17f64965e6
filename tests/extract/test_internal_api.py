"""The extraction package's internal API is explicit: what one module uses of another
is public in that module and listed in its __all__."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import claims.extract

# Parses every module of the package: seconds, left to `make test`.
pytestmark = pytest.mark.slow

PACKAGE = Path(claims.extract.__file__).parent
MODULES = {path.stem: path for path in PACKAGE.glob("*.py") if path.stem != "__init__"}


def _uses_of_siblings(path: Path) -> set[tuple[str, str]]:
    """(module, name) for every name this module takes from a sibling module, by
    `from claims.extract.m import name` or as `m.name`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported_modules: set[str] = set()
    uses: set[tuple[str, str]] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.module.startswith("claims.extract."):
                module = node.module.rsplit(".", 1)[1]
                uses |= {(module, alias.name) for alias in node.names}
            elif node.module == "claims.extract":
                imported_modules |= {alias.name for alias in node.names}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in imported_modules
        ):
            uses.add((node.value.id, node.attr))
    return uses


def test_no_module_uses_a_private_name_of_another():
    private = {
        (path.stem, module, name)
        for path in MODULES.values()
        for module, name in _uses_of_siblings(path)
        if name.startswith("_")
    }
    assert private == set()


def test_every_name_a_module_gives_another_is_in_its_all():
    missing = set()
    for path in MODULES.values():
        for module, name in _uses_of_siblings(path):
            tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
            exported = next(
                (
                    ast.literal_eval(node.value)
                    for node in tree.body
                    if isinstance(node, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets)
                ),
                [],
            )
            if name not in exported:
                missing.add((path.stem, module, name))
    assert missing == set()
