"""The visible checks of a test cell: the docstring's worked examples, as plain asserts.

Each ``>>>`` example of the solution's docstrings is run at build time on the solution,
and becomes an ``assert`` against the value it gave, written as a literal: the learner
sees exactly what is expected and the cell needs nothing but numpy. An example that
expects an exception becomes a ``try`` that requires it.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import math
import warnings
from typing import Any

import numpy as np

from mlkata.grading.plain import NotPlain, to_plain

_PARSER = doctest.DocTestParser()


class _NoLiteral(Exception):
    """The value has no short literal form (an object, a dict...)."""


def literal(value: Any) -> str:
    """Python source that evaluates to (a value equal to) ``value``; numpy as ``np``.

    Examples
    --------
    >>> literal((1.5, np.array([[1, 2]]), float("nan")))
    "(1.5, np.array([[1, 2]]), float('nan'))"
    """
    if value is None or isinstance(value, bool | int | str):
        return repr(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else f"float({repr(value)!r})"
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "biufUS":
            raise _NoLiteral
        return f"np.array({literal(value.tolist())})"
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    if isinstance(value, tuple):
        inner = ", ".join(literal(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    raise _NoLiteral


def _assertions(name: str, value: Any, shown: str) -> list[str]:
    """Lines asserting that the variable ``name`` equals ``value``; ``shown`` names it in messages."""

    def message(expected: str) -> str:
        return repr(f"{shown} should be {expected}, got ") + f" + repr({name})"

    if value is None:
        return [f"assert {name} is None, {message('None')}"]
    if isinstance(value, bool | str) or (isinstance(value, np.ndarray) and value.dtype.kind in "bUS"):
        expected = literal(value)
        test = (
            f"np.array_equal({name}, {expected})"
            if isinstance(value, np.ndarray)
            else f"{name} == {expected}"
        )
        return [f"assert {test}, {message(expected)}"]
    if isinstance(value, int | float) or isinstance(value, np.ndarray):
        expected = literal(value)
        shape = tuple(np.shape(value))
        return [
            f"assert np.shape({name}) == {shape!r} and np.allclose({name}, {expected}, equal_nan=True), "
            f"{message(expected)}"
        ]
    if isinstance(value, tuple):
        lines = [f"assert len({name}) == {len(value)}, {message(f'a tuple of {len(value)}')}"]
        for i, item in enumerate(value):
            lines += _assertions(f"{name}[{i}]", item, f"element {i} of {shown}")
        return lines
    raise _NoLiteral


def _is_expression(source: str) -> bool:
    try:
        compile(source, "<example>", "eval")
    except SyntaxError:
        return False
    return True


def visible_checks(text: str, docstrings: list[str]) -> list[str]:
    """The visible check lines for the worked examples in ``docstrings``.

    ``text`` is the solution module (without META), run once to compute the values.
    """
    namespace: dict[str, Any] = {"__name__": "mlkata_classroom_examples"}
    lines: list[str] = []
    # The examples run here only to learn their values: what they print is not for the instructor.
    with warnings.catch_warnings(), np.errstate(all="ignore"), contextlib.redirect_stdout(io.StringIO()):
        warnings.simplefilter("ignore")
        exec(compile(text, "<solution>", "exec"), namespace)
        for doc in docstrings:
            for example in _PARSER.get_examples(doc):
                lines += _example_lines(example, namespace)
    return lines


def _example_lines(example: doctest.Example, namespace: dict[str, Any]) -> list[str]:
    source = example.source.strip()
    if example.exc_msg is not None:
        error = example.exc_msg.split(":", 1)[0].strip().rsplit(".", 1)[-1] or "Exception"
        indented = "\n".join("    " + line for line in source.splitlines())
        return [
            "try:",
            indented,
            f"except {error}:",
            "    pass",
            "else:",
            f"    raise AssertionError({f'{source} should raise {error}'!r})",
        ]
    if not _is_expression(source):
        exec(compile(source, "<example>", "exec"), namespace)
        return source.splitlines()
    value = eval(compile(source, "<example>", "eval"), namespace)
    if not example.want.strip() or value is None:
        return [f"got = {source}"]
    try:
        expected = to_plain(value)
        checks = _assertions("got", expected, source)
    except (NotPlain, _NoLiteral):
        return [f"got = {source}"]
    return [f"got = {source}", *checks]
