"""The import graph: no cycle between modules, migrations stand apart from the program, printing has no widgets.

The layer rules themselves are import-linter contracts in pyproject.toml (run `lint-imports`).
"""

from __future__ import annotations

import grimp
import pytest

PACKAGE = "bookroom_desk"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    return grimp.build_graph(PACKAGE, include_external_packages=True)


def _internal_imports(graph: grimp.ImportGraph, module: str) -> set[str]:
    return {m for m in graph.find_modules_directly_imported_by(module) if m.split(".")[0] == PACKAGE}


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Each set of modules that import each other round (Tarjan's strongly connected components, size > 1)."""
    modules = sorted(m for m in graph.modules if m.split(".")[0] == PACKAGE)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in modules:
        if root in index:
            continue
        work = [(root, iter(sorted(_internal_imports(graph, root))))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(_internal_imports(graph, child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _describe(graph: grimp.ImportGraph, component: list[str]) -> str:
    """One way round the cycle, with the import lines that close it."""
    first, members = component[0], set(component)
    for second in sorted(_internal_imports(graph, first) & members):
        back = graph.find_shortest_chain(importer=second, imported=first)
        if back:
            chain = (first, *back)
            steps = []
            for importer, imported in zip(chain, chain[1:]):
                details = graph.get_import_details(importer=importer, imported=imported)
                where = f" (line {details[0]['line_number']}: {details[0]['line_contents']})" if details else ""
                steps.append(f"  {importer} -> {imported}{where}")
            return "\n".join(steps)
    return "  " + ", ".join(component)


def test_no_import_cycle_between_modules(graph):
    cycles = import_cycles(graph)
    assert not cycles, "import cycles:\n" + "\n\n".join(_describe(graph, c) for c in cycles)


def test_the_cycle_finder_finds_a_cycle():
    fake = grimp.ImportGraph()
    for name in (PACKAGE, f"{PACKAGE}.a", f"{PACKAGE}.b", f"{PACKAGE}.c"):
        fake.add_module(name)
    fake.add_import(importer=f"{PACKAGE}.a", imported=f"{PACKAGE}.b")
    fake.add_import(importer=f"{PACKAGE}.b", imported=f"{PACKAGE}.a")
    fake.add_import(importer=f"{PACKAGE}.c", imported=f"{PACKAGE}.a")
    assert import_cycles(fake) == [[f"{PACKAGE}.a", f"{PACKAGE}.b"]]


def test_migrations_import_neither_services_nor_ui(graph):
    migrations = sorted(m for m in graph.modules if m.startswith(f"{PACKAGE}.store.migrations"))
    assert f"{PACKAGE}.store.migrations.versions.0002_title_search_text" in migrations
    wrong = {}
    for module in migrations:
        reached = graph.find_upstream_modules(module)
        bad = sorted(m for m in reached if m.startswith((f"{PACKAGE}.services", f"{PACKAGE}.ui")))
        if bad:
            wrong[module] = bad
    assert not wrong, f"migrations importing the program's services or widgets: {wrong}"


def test_printing_and_what_it_imports_use_no_widgets(graph):
    printing = {m for m in graph.modules if m.startswith(f"{PACKAGE}.printing")}
    reached = printing | {m for p in printing for m in graph.find_upstream_modules(p) if m.startswith(PACKAGE)}
    widgets = [f"{d['importer']}:{d['line_number']}: {d['line_contents']}"
               for module in sorted(reached)
               for d in graph.get_import_details(importer=module, imported="PySide6")
               if "QtWidgets" in d["line_contents"]]
    assert not widgets, "printing reaches QtWidgets:\n" + "\n".join(widgets)
