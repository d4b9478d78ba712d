"""The package's imports go one way: core -> kinds -> records -> output -> build.

Each module of hooks/yinglie/ belongs to one layer (the README shows them). A module
may import from its own layer or below, never above, and no two modules import each
other, directly or through others. Imports made only for type annotations (under
`if TYPE_CHECKING:`) are not counted: they run no code.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import HOOKS

PACKAGE = HOOKS / "yinglie"

LAYERS: dict[str, tuple[str, ...]] = {
    # Messages, dates, the guard, YAML, settings, schemas, the reader: no record kind.
    "core": (
        "characters", "messages", "dates", "guard", "errors", "yamlmistakes", "yamlsource", "collation", "config",
        "session", "recordcache", "publicvalues", "schema", "urls", "sanitise", "photos", "recordfile",
        "strayfiles", "chart", "formats", "recordparts", "recordkind", "synthdata", "revisions",
        "rollheaders", "sheets", "celldates", "recordyaml", "quotations", "idlegc",
    ),
    # One module per record kind: its schema, its records, loading them, its checks.
    "kinds": ("martyrs", "memorials", "memorialwork", "honors", "events", "themes", "letters"),
    # All records together.
    "records": ("catalogue",),
    # What the site is made of: pages, open data, search, feeds, QR codes, the last scan.
    "output": (
        "pages", "eventpages", "memorialpages", "honorpages", "opendata", "search", "feeds", "plaques",
        "qrcodes", "qrmask", "links", "published", "csp", "publictables", "classroom", "letterpages",
        "minify",
    ),
    # The list of record kinds, joining each kind's records to its pages; the whole site from it.
    "site plan": ("kinds", "siteplan"),
    # The build session and the commands.
    "build": ("sitebuild", "scaffold", "__main__", "synthetic", "reproducible", "linkcheck", "offlinecopy", "__init__",
              "problempage", "importing", "exporting", "sidejob", "recordwatch"),
}
ORDER = list(LAYERS)
LAYER_OF = {module: layer for layer, modules in LAYERS.items() for module in modules}


def imports_of(path: Path) -> set[str]:
    """The package modules `path` imports at run time (type-checking imports left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(child) for child in ast.walk(node))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skipped or not isinstance(node, ast.ImportFrom) or node.level != 1:
            continue
        if node.module:
            found.add(node.module.split(".")[0])
        else:
            found.update(alias.name for alias in node.names)
    return found


def graph() -> dict[str, set[str]]:
    return {path.stem: imports_of(path) for path in sorted(PACKAGE.glob("*.py"))}


def test_every_module_has_a_layer():
    assert sorted(set(graph()) - set(LAYER_OF)) == []


def test_no_module_imports_from_a_layer_above_its_own():
    upward = [
        f"{module} ({LAYER_OF[module]}) imports {target} ({LAYER_OF[target]})"
        for module, targets in graph().items() for target in sorted(targets)
        if module in LAYER_OF and target in LAYER_OF and ORDER.index(LAYER_OF[target]) > ORDER.index(LAYER_OF[module])
    ]
    assert upward == []


def test_no_import_cycle():
    edges = graph()
    cycles = []

    def visit(module: str, path: list[str]) -> None:
        for target in sorted(edges.get(module, ())):
            if target in path:
                cycles.append(" -> ".join([*path[path.index(target):], target]))
            elif target not in done:
                visit(target, [*path, target])
        done.add(module)

    done: set[str] = set()
    for module in sorted(edges):
        if module not in done:
            visit(module, [module])
    assert cycles == []


def test_the_check_finds_an_upward_import_and_a_cycle(tmp_path):
    """The two checks above can fail: a module that imports upward, and a cycle."""
    (tmp_path / "guard.py").write_text("from .sitebuild import SiteBuild\n", encoding="utf-8")
    (tmp_path / "a.py").write_text("from .b import x\nfrom typing import TYPE_CHECKING\n"
                                   "if TYPE_CHECKING:\n    from .catalogue import Catalogue\n", encoding="utf-8")
    assert imports_of(tmp_path / "guard.py") == {"sitebuild"}
    assert ORDER.index(LAYER_OF["sitebuild"]) > ORDER.index(LAYER_OF["guard"])
    assert imports_of(tmp_path / "a.py") == {"b"}  # the type-checking import is not counted
