"""Tell when a notebook answer reaches a library the graders compare it with.

In a notebook there is no module file for :func:`mlkata.grading.loader.load_module` to
inspect, so the kernel side screens the learner's function itself: the globals its code
names (and, through them, the learner's helper functions), and the import statements in
its source. A reference to scikit-learn, SciPy or mlkata's own code is refused, as in
pytest grading, except for the names an exercise allows (``scipy.stats.chi2``).
"""

from __future__ import annotations

import ast
import functools
import inspect
import sys
import textwrap
import types
from collections.abc import Callable, Iterable, Iterator

from mlkata.grading.loader import BANNED_PACKAGES, banned_imports


def _root(name: str | None) -> str:
    return (name or "").split(".", 1)[0]


def _origin(value: object) -> str | None:
    if isinstance(value, types.ModuleType):
        return value.__name__
    module = getattr(value, "__module__", None)
    return module if isinstance(module, str) else type(value).__module__


def _code_names(code: types.CodeType) -> Iterator[str]:
    yield from code.co_names
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            yield from _code_names(const)


def _allowed_objects(allowed: Iterable[str]) -> list[object]:
    """The allowed objects, from modules already imported (code cannot use the others)."""
    found = []
    for dotted in allowed:
        module_name, _, attribute = dotted.rpartition(".")
        module = sys.modules.get(module_name)
        if module is not None and hasattr(module, attribute):
            found.append(getattr(module, attribute))
    return found


def _source_imports(function: Callable, allowed: Iterable[str]) -> list[str]:
    try:
        source = textwrap.dedent(inspect.getsource(function))
        return banned_imports(ast.parse(source), allowed)
    except (OSError, TypeError, SyntaxError):
        return []


def banned_reference(function: Callable, allowed: Iterable[str] = ()) -> str | None:
    """The banned library ``function`` reaches, or ``None``.

    Parameters
    ----------
    function : callable
        The learner's function.
    allowed : iterable of str
        Dotted names the exercise allows (``"scipy.stats.chi2"``).

    Examples
    --------
    Functions defined as a notebook cell defines them:

    >>> cell = {"__name__": "__main__"}
    >>> exec("import numpy as np\\ndef f(x):\\n    return np.mean(x)", cell)
    >>> banned_reference(cell["f"]) is None
    True
    >>> exec("import scipy.special\\ndef g(z):\\n    return scipy.special.expit(z)", cell)
    >>> banned_reference(cell["g"])
    'scipy'
    """
    allowed = tuple(allowed)
    exempt = _allowed_objects(allowed)
    seen: set[int] = set()
    stack: list[object] = [function]
    while stack:
        current = stack.pop()
        while isinstance(current, functools.partial):
            stack.extend(list(current.args) + list((current.keywords or {}).values()))
            current = current.func
        if id(current) in seen or any(current is ok for ok in exempt):
            continue
        seen.add(id(current))
        origin = _origin(current)
        if _root(origin) in BANNED_PACKAGES:
            return origin
        code = getattr(current, "__code__", None)
        namespace = getattr(current, "__globals__", None)
        if not isinstance(code, types.CodeType) or not isinstance(namespace, dict):
            continue
        imported = _source_imports(current, allowed)
        if imported:
            return imported[0]
        values = [namespace[name] for name in _code_names(code) if name in namespace]
        for cell in getattr(current, "__closure__", None) or ():
            try:
                values.append(cell.cell_contents)
            except ValueError:  # an empty cell
                continue
        for value in values:
            if any(value is ok for ok in exempt):
                continue
            origin = _origin(value)
            if _root(origin) in BANNED_PACKAGES:
                return origin
            if isinstance(value, types.FunctionType | functools.partial) and id(value) not in seen:
                stack.append(value)
    return None
