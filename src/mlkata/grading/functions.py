"""Function arguments for graders: a domain spec for them, and the formulas they are made of.

An exercise that takes a function (``numerical_gradient(f, x)``) is graded with functions
written as :class:`~mlkata.sandbox.formula.Formula` objects, so that the same grader works in
process and under ``--sandbox`` (a formula crosses into the worker as data; see
:mod:`mlkata.sandbox.formula`). Its domain declares the argument with :class:`Given`::

    from mlkata.grading.domains import Domain, Reals
    from mlkata.grading.functions import Formula, Given, sin

    x = Formula.variable().ravel()
    SUM_OF_SINES = sin(x).sum().named("sum of sines").with_gradient(np.cos)
    DOMAIN = Domain(seed=1, args=(Given("f", lambda rng, dims: SUM_OF_SINES), Reals("x", any_shape=True)))

:class:`Given` is duck-typed like the domain's other specs (a ``name``, a ``shape`` and a
``draw(rng, dims)``), so :class:`~mlkata.grading.domains.Domain` needs nothing else for it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from mlkata.sandbox.formula import (
    Formula,
    absolute,
    cos,
    exp,
    log,
    log1p,
    log_sum_exp,
    maximum,
    sin,
    sqrt,
    tanh,
)

__all__ = [
    "Formula",
    "Given",
    "absolute",
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


@dataclass(frozen=True)
class Given:
    """A domain argument that is not an array drawn by the domain but a value the grader makes.

    A function to differentiate, a mode: ``make(rng, dims)`` returns it for each case. No
    built-in corner changes it (``readonly`` and ``lists`` pass it through), and
    :meth:`~mlkata.grading.domains.Domain.bad_inputs` passes it as made; a custom corner may
    replace it (a function fitted to the drawn array's size, say).

    >>> Given("f", lambda rng, dims: dims["n"]).draw(np.random.default_rng(0), {"n": 3})
    3
    """

    name: str
    make: Callable[[np.random.Generator, Mapping[str, int]], Any]
    shape: tuple[str | int, ...] = ()

    def draw(self, rng: np.random.Generator, dims: Mapping[str, int]) -> Any:
        return self.make(rng, dims)
