"""Functions as data: a function argument that can cross into the sandbox.

Most exercises take arrays; a few take a function (``numerical_gradient(f, x)`` differentiates
``f``). The sandbox's wire (:mod:`.wire`) carries plain data only, so a grader cannot hand a
Python function to a worker (and must never accept one back). A :class:`Formula` is a function
of one array ``x`` written as data: a short straight-line program whose steps each apply one
numpy operation of :data:`OPERATIONS` to the results of earlier steps, or are ``x`` itself, or
a constant. A grader builds one with Python's operators and the functions of this module::

    >>> x = Formula.variable().ravel()
    >>> rosenbrock = (100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2).sum().named("rosenbrock")
    >>> rosenbrock(np.array([1.0, 1.0, 1.0])), rosenbrock([0.0, 0.0])
    (0.0, 1.0)
    >>> rosenbrock
    <function rosenbrock(x) = sum(100 * (x[1:] - x[:-1] ** 2) ** 2 + (1 - x[:-1]) ** 2)>

Calling a formula evaluates its steps with numpy on ``np.asarray(x, dtype=float)``; a result
of one number comes back as a Python float. In the grader's process (in-process grading) the
learner's code calls the grader's formula itself. Under the sandbox :func:`.wire.encode`
sends its steps, and the worker's :func:`.wire.decode`, asked with ``formulas=True`` (only the
worker asks), checks them and makes a formula of its own, which the learner's code calls
there. The grader's process never decodes a formula: one sent back by a worker is refused like
any object, so nothing a learner shapes is ever evaluated on the trusted side.

``gradient`` (and any other knowledge the grader keeps with a formula) stays in the grader's
process: it is never sent, and a copy (what the learner's function is handed in process, where
arguments are deep-copied) is the formula alone.

>>> f = sin(x).sum().with_gradient(np.cos)
>>> import copy
>>> f.gradient is np.cos, copy.deepcopy(f).gradient
(True, None)
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MAX_STEPS = 256
"""The longest program a formula may be (what :func:`checked_steps` accepts)."""
MAX_CONSTANT_SIZE = 1_000_000
"""The most entries one constant array may have."""

_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "negative": np.negative,
    "sin": np.sin,
    "cos": np.cos,
    "tanh": np.tanh,
    "exp": np.exp,
    "log": np.log,
    "log1p": np.log1p,
    "sqrt": np.sqrt,
    "abs": np.abs,
    "ravel": np.ravel,
    "sum": np.sum,
    "max": np.max,
    "min": np.min,
    "add": np.add,
    "subtract": np.subtract,
    "multiply": np.multiply,
    "divide": np.true_divide,
    "power": np.power,
    "matmul": np.matmul,
    "maximum": np.maximum,
    "minimum": np.minimum,
}
_BINARY = frozenset({"add", "subtract", "multiply", "divide", "power", "matmul", "maximum", "minimum"})
OPERATIONS: dict[str, int] = {
    "x": 0,
    "const": 0,
    "slice": 1,
    **{name: 2 if name in _BINARY else 1 for name in _FUNCTIONS},
}
"""Every operation a step may apply, and how many earlier results it takes."""

Step = tuple[str, tuple[int, ...], Any]
"""``(operation, operands, data)``: operands are indices of earlier steps; data is a constant's
value (a float or a numeric array), a slice's ``(start, stop, step)``, or ``None``."""


def _constant(value: Any) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float | np.ndarray | np.number):
        raise ValueError(f"a formula constant is a number or a numeric array, not {type(value).__name__}")
    if isinstance(value, np.ndarray | np.number):
        array = np.array(value, dtype=np.float64)  # a copy the formula owns
        if array.size > MAX_CONSTANT_SIZE:
            raise ValueError("a formula constant is too large")
        return array if array.ndim else float(array)
    return float(value)


def checked_steps(steps: Any) -> tuple[Step, ...]:
    """``steps`` as a formula's program, or ``ValueError`` when it is not one.

    Every step names a known operation with the right number of operands, each an earlier
    step; constants are numbers or numeric arrays, slices three integers or ``None``.

    >>> checked_steps([("x", (), None), ("sin", (0,), None)])[1]
    ('sin', (0,), None)
    >>> checked_steps([("sin", (0,), None)])
    Traceback (most recent call last):
    ...
    ValueError: step 0: operand 0 is not an earlier step
    """
    if not isinstance(steps, list | tuple) or not 1 <= len(steps) <= MAX_STEPS:
        raise ValueError(f"a formula has 1 to {MAX_STEPS} steps")
    out = []
    for number, step in enumerate(steps):
        if not isinstance(step, list | tuple) or len(step) != 3:
            raise ValueError(f"step {number} is not (operation, operands, data)")
        operation, operands, data = step
        if not isinstance(operation, str) or operation not in OPERATIONS:
            raise ValueError(f"step {number}: unknown operation {operation!r:.40}")
        if not isinstance(operands, list | tuple) or len(operands) != OPERATIONS[operation]:
            raise ValueError(f"step {number}: {operation} takes {OPERATIONS[operation]} operands")
        for operand in operands:
            if type(operand) is not int or not 0 <= operand < number:
                raise ValueError(f"step {number}: operand {operand!r:.20} is not an earlier step")
        if operation == "const":
            data = _constant(data)
        elif operation == "slice":
            if not isinstance(data, list | tuple) or len(data) != 3:
                raise ValueError(f"step {number}: a slice is (start, stop, step)")
            if any(part is not None and type(part) is not int for part in data) or data[2] == 0:
                raise ValueError(f"step {number}: a slice's bounds are integers or None")
            data = tuple(data)
        elif data is not None:
            raise ValueError(f"step {number}: {operation} takes no data")
        out.append((operation, tuple(operands), data))
    return tuple(out)


_PRECEDENCE = {"add": 1, "subtract": 1, "multiply": 2, "divide": 2, "matmul": 2, "negative": 3, "power": 4}
_SYMBOL = {"add": "+", "subtract": "-", "multiply": "*", "divide": "/", "matmul": "@", "power": "**"}
_ATOM = 9


@dataclass(frozen=True, eq=False)
class Formula:
    """A function of one array ``x``, as a program of numpy steps (see the module docstring)."""

    steps: tuple[Step, ...]
    name: str = ""
    gradient: Callable[[np.ndarray], np.ndarray] | None = field(default=None, repr=False)
    """The grader's own analytic gradient (a function of x): never sent, never copied."""

    __array_ufunc__ = None  # ``array @ formula``, ``2.0 * formula``: numpy defers to the formula

    # --- building ------------------------------------------------------------------------------

    @classmethod
    def variable(cls) -> Formula:
        """``f(x) = x``, the start of every formula."""
        return cls((("x", (), None),))

    @classmethod
    def constant(cls, value: Any) -> Formula:
        """A constant (a number or an array of numbers, copied)."""
        return cls((("const", (), _constant(value)),))

    def _then(self, operation: str, *others: Any, data: Any = None) -> Formula:
        steps: list[Step] = []
        operands = []
        for operand in (self, *others):
            operand = operand if isinstance(operand, Formula) else Formula.constant(operand)
            shift = len(steps)
            steps.extend((op, tuple(i + shift for i in ins), d) for op, ins, d in operand.steps)
            operands.append(len(steps) - 1)
        steps.append((operation, tuple(operands), data))
        return Formula(checked_steps(steps))

    def named(self, name: str) -> Formula:
        """The same formula, shown under ``name`` in messages."""
        return Formula(self.steps, str(name), self.gradient)

    def with_gradient(self, gradient: Callable[[np.ndarray], np.ndarray]) -> Formula:
        """The same formula carrying the grader's analytic ``gradient`` (a function of x)."""
        return Formula(self.steps, self.name, gradient)

    def __add__(self, other):
        return self._then("add", other)

    def __radd__(self, other):
        return Formula.constant(other)._then("add", self)

    def __sub__(self, other):
        return self._then("subtract", other)

    def __rsub__(self, other):
        return Formula.constant(other)._then("subtract", self)

    def __mul__(self, other):
        return self._then("multiply", other)

    def __rmul__(self, other):
        return Formula.constant(other)._then("multiply", self)

    def __truediv__(self, other):
        return self._then("divide", other)

    def __rtruediv__(self, other):
        return Formula.constant(other)._then("divide", self)

    def __pow__(self, other):
        return self._then("power", other)

    def __rpow__(self, other):
        return Formula.constant(other)._then("power", self)

    def __matmul__(self, other):
        return self._then("matmul", other)

    def __rmatmul__(self, other):
        return Formula.constant(other)._then("matmul", self)

    def __neg__(self):
        return self._then("negative")

    def __getitem__(self, index: slice) -> Formula:
        if not isinstance(index, slice):
            raise TypeError("a formula is indexed by a slice only, e.g. x[1:]")
        return self._then("slice", data=(index.start, index.stop, index.step))

    def sum(self) -> Formula:
        return self._then("sum")

    def max(self) -> Formula:
        return self._then("max")

    def min(self) -> Formula:
        return self._then("min")

    def ravel(self) -> Formula:
        return self._then("ravel")

    # --- using ---------------------------------------------------------------------------------

    def __call__(self, x: Any) -> Any:
        """The formula's value at ``x``: a Python float for one number, else a float array."""
        values: list[Any] = []
        point = np.asarray(x, dtype=np.float64)
        for operation, operands, data in self.steps:
            if operation == "x":
                values.append(point)
            elif operation == "const":
                values.append(data)
            elif operation == "slice":
                values.append(values[operands[0]][slice(*data)])
            else:
                values.append(_FUNCTIONS[operation](*(values[i] for i in operands)))
        result = values[-1]
        return float(result) if np.ndim(result) == 0 else np.array(result, dtype=np.float64)

    def __deepcopy__(self, memo: dict) -> Formula:
        return Formula(copy.deepcopy(self.steps, memo), self.name)

    def __repr__(self) -> str:
        return f"<function {self.name or 'f'}(x) = {self._text(len(self.steps) - 1)[0]}>"

    def _text(self, index: int) -> tuple[str, int]:
        """Step ``index`` as an expression, and its precedence (for parentheses)."""
        operation, operands, data = self.steps[index]
        if operation == "x" or (operation == "ravel" and self.steps[operands[0]][0] == "x"):
            return "x", _ATOM
        if operation == "const":
            if isinstance(data, float):
                text = f"{data:g}"
                return text, (_ATOM if data >= 0 else _PRECEDENCE["negative"])
            return f"[{'×'.join(map(str, data.shape))} array]", _ATOM
        if operation == "slice":
            inner, precedence = self._text(operands[0])
            parts = data[:2] if data[2] is None else data
            shown = ":".join("" if part is None else str(part) for part in parts)
            return f"{_wrap(inner, precedence < _ATOM)}[{shown}]", _ATOM
        if operation == "negative":
            inner, precedence = self._text(operands[0])
            return "-" + _wrap(inner, precedence < _PRECEDENCE["negative"]), _PRECEDENCE["negative"]
        if operation in _SYMBOL:
            mine = _PRECEDENCE[operation]
            (left, lp), (right, rp) = (self._text(i) for i in operands)
            if operation == "power":
                left, right = _wrap(left, lp <= mine), _wrap(right, rp < mine)
            else:
                loose = operation in ("subtract", "divide", "matmul")
                left, right = _wrap(left, lp < mine), _wrap(right, rp < mine or (loose and rp == mine))
            return f"{left} {_SYMBOL[operation]} {right}", mine
        inner = ", ".join(self._text(i)[0] for i in operands)
        return f"{operation}({inner})", _ATOM


def _wrap(text: str, needed: bool) -> str:
    return f"({text})" if needed else text


def _function(operation: str) -> Callable[[Any], Formula]:
    def apply(f: Any) -> Formula:
        return (f if isinstance(f, Formula) else Formula.constant(f))._then(operation)

    apply.__name__ = operation
    apply.__doc__ = f"The formula ``{operation}(f)`` (numpy's ``{operation}``, elementwise)."
    return apply


sin, cos, tanh, exp, log, log1p, sqrt = (
    _function(name) for name in ("sin", "cos", "tanh", "exp", "log", "log1p", "sqrt")
)
absolute = _function("abs")


def maximum(a: Any, b: Any) -> Formula:
    """The elementwise maximum of two formulas (or a formula and a constant)."""
    return (a if isinstance(a, Formula) else Formula.constant(a))._then("maximum", b)


def log_sum_exp(f: Formula) -> Formula:
    """``log(sum(exp(f)))`` computed stably, as ``m + log(sum(exp(f - m)))`` with ``m = max(f)``.

    >>> log_sum_exp(Formula.variable())([1000.0, 1000.0])  # 1000 + log 2, no overflow
    1000.6931471805599
    """
    top = f.max()
    return top + log(exp(f - top).sum())


__all__ = [
    "MAX_STEPS",
    "OPERATIONS",
    "Formula",
    "absolute",
    "checked_steps",
    "cos",
    "exp",
    "log",
    "log1p",
    "log_sum_exp",
    "maximum",
    "sin",
    "sqrt",
    "tanh",
]
