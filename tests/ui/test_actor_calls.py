"""Every call the window (and the command line, and printing) makes of a service taking ``actor`` names it.

The calls are found in the source (so paths no test drives are checked too): a call of a function
imported from bookroom_desk.services, or of an attribute of a services module imported under a
name, is matched against that function's signature.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import bookroom_desk

PACKAGE = Path(bookroom_desk.__file__).parent
SERVICES = "bookroom_desk.services"


def _imported(tree: ast.AST) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """Names bound to services modules, and names bound to things imported from them."""
    modules, names = {}, {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith(SERVICES):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                try:
                    importlib.import_module(full)
                except ImportError:
                    names[alias.asname or alias.name] = (node.module, alias.name)
                else:
                    modules[alias.asname or alias.name] = full
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith(SERVICES) and alias.asname:
                    modules[alias.asname] = alias.name
    return modules, names


def _target(call: ast.Call, modules: dict, names: dict):
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in modules:
        return getattr(importlib.import_module(modules[func.value.id]), func.attr, None)
    if isinstance(func, ast.Name) and func.id in names:
        module, name = names[func.id]
        return getattr(importlib.import_module(module), name, None)
    return None


def _names_actor(call: ast.Call, parameters: list[inspect.Parameter]) -> bool:
    if any(keyword.arg == "actor" for keyword in call.keywords):
        return True
    position = [p.name for p in parameters].index("actor")
    return parameters[position].kind is not inspect.Parameter.KEYWORD_ONLY and len(call.args) > position


def service_calls(source: str):
    """(line, service function, whether ``actor`` is given, the actor expression) of each call taking one."""
    tree = ast.parse(source)
    modules, names = _imported(tree)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        target = _target(node, modules, names)
        if not inspect.isfunction(target) or "actor" not in inspect.signature(target).parameters:
            continue
        parameters = list(inspect.signature(target).parameters.values())
        given = next((k.value for k in node.keywords if k.arg == "actor"), None)
        yield node.lineno, f"{target.__module__}.{target.__name__}", _names_actor(node, parameters), given


def _sources(*folders: str):
    for folder in folders:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            yield path.relative_to(PACKAGE.parent).as_posix(), path.read_text(encoding="utf-8")


def test_the_scan_finds_a_call_that_forgets_its_actor():
    broken = (
        "from bookroom_desk.services.catalogue import copies as service\n"
        "from bookroom_desk.services.circulation.renewals import renew\n"
        "def withdraw(ctx, session):\n"
        "    service.withdraw(session, '00000001', '破损')\n"
        "    renew(session, 7, actor=ctx.actor)\n"
        "    service.get_copy(session, '00000001')\n"
    )
    found = [(line, name, given) for line, name, given, _expr in service_calls(broken)]
    assert found == [(4, "bookroom_desk.services.catalogue.copies.withdraw", False),
                     (5, "bookroom_desk.services.circulation.renewals.renew", True)]


def test_every_window_command_and_printing_call_names_its_actor():
    calls, missing = 0, []
    for path, source in _sources("ui", "commands", "printing"):
        for line, name, given, _expr in service_calls(source):
            calls += 1
            if not given:
                missing.append(f"{path}:{line}: {name}")
    assert calls > 40 and not missing, missing


def test_the_window_acts_as_its_context_actor_only():
    """The one source of who acts in the window is AppContext.actor (OPERATOR only before a window exists)."""
    literal, operator = [], []
    for path, source in _sources("ui"):
        for line, name, _given, expr in service_calls(source):
            if isinstance(expr, ast.Constant):
                literal.append(f"{path}:{line}: {name}")
        if "OPERATOR" in source and path not in ("bookroom_desk/ui/context.py", "bookroom_desk/ui/startup.py"):
            operator.append(path)
    assert not literal and not operator, (literal, operator)
