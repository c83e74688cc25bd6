"""The benchmark's case table: one :class:`Case` per exercise function, and input helpers.

Each topic's cases live in a module of this package named after the topic
(``cases/losses.py``, ...); :func:`load_all` imports them all, so that adding a topic is adding
a file. A case is a ``prepare(module, n, rng) -> Trial`` function registered with
:func:`case`; see ``benchmarks/solutions.py`` for how the table is timed.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np

from mlkata.learner.speed import CLASSES, FAMILIES

# --- the case table --------------------------------------------------------------------


@dataclass(frozen=True)
class Trial:
    """One case made ready to time: three zero-argument calls on the same data."""

    size: str
    solution: Callable[[], Any]
    reference: Callable[[], Any]
    floor: Callable[[], Any] | None = None
    """One pass over the input (``np.dot(a, a)`` per array), for reductions only."""
    same: Callable[[Any, Any], bool] | None = None
    """Whether (solution result, reference result) agree; ``None`` compares them as arrays."""
    compare: bool = True


@dataclass(frozen=True)
class Case:
    exercise: str
    """``<topic>/<module>``: the solution module."""
    function: str
    against: str
    """The reference call, as the grader names it."""
    prepare: Callable[[ModuleType, int, np.random.Generator], Trial]
    variant: str = ""
    note: str = ""
    iterative: bool = False
    """An iterative fit: not comparable one-to-one, so no goal verdict."""
    unreferenced: bool = False
    """No library computes it (the grader's reference is exact arithmetic): what it is timed
    against is the bare formula, a floor rather than a reference, so no goal verdict."""
    numpy_floor: str = ""
    """Set when the case's floor is not one pass over the input bytes but the least work any
    sequence of numpy calls must do for it (said here, for the table's footnote). A row slower
    than its reference whose numpy floor is slower too is marked bounded: no vectorised numpy
    can meet the goal there, only compiled code."""

    @property
    def label(self) -> str:
        topic = self.exercise.split("/")[0]
        return f"{topic}/{self.function}" + (f" ({self.variant})" if self.variant else "")


CASES: list[Case] = []


def case(
    exercise: str,
    against: str,
    *,
    function: str | None = None,
    variant: str = "",
    note: str = "",
    iterative: bool = False,
    unreferenced: bool = False,
    numpy_floor: str = "",
):
    """Register the decorated ``prepare(module, n, rng) -> Trial`` as a case."""

    def register(prepare):
        name = function or exercise.split("/")[1]
        CASES.append(
            Case(exercise, name, against, prepare, variant, note, iterative, unreferenced, numpy_floor)
        )
        return prepare

    return register


# --- helpers for making inputs ------------------------------------------------------------

_FAMILIES = dict(FAMILIES)


def family(name: str, rng: np.random.Generator, n: int) -> dict[str, Any]:
    """Inputs of the speed tier's family ``name`` (see ``mlkata.learner.speed.FAMILIES``)."""
    return _FAMILIES[name](rng, n)


def rows(n: int) -> int:
    """Rows of a row-wise 2-D input of n values: (n / 10, 10), as the speed tier makes them."""
    return max(n // CLASSES, 2)


def side(n: int) -> int:
    """The side of a square matrix of n entries."""
    return max(math.isqrt(n), 2)


def fmt(n: int) -> str:
    """``1000000 -> '1e6'``; other numbers as they are."""
    exponent = round(math.log10(n)) if n > 0 else 0
    return f"1e{exponent}" if n >= 10_000 and n == 10**exponent else str(n)


def shape(*dims: int) -> str:
    return "×".join(fmt(d) for d in dims)


def floor_of(*arrays: np.ndarray) -> Callable[[], Any]:
    """One pass over every input byte: ``np.dot(a, a)`` for each array (booleans as bytes)."""
    flat = [np.ascontiguousarray(a).reshape(-1) for a in arrays]
    flat = [a.view(np.uint8) if a.dtype == bool else a for a in flat]

    def floor():
        return [np.dot(a, a) for a in flat]

    return floor


def quiet(function: Callable) -> Callable:
    """``function`` with warnings silenced, as the graders call their references."""

    def call(*args, **kwargs):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return function(*args, **kwargs)

    return call


def close(a: Any, b: Any, rtol: float = 1e-6, atol: float = 1e-8) -> bool:
    """Whether two results (numbers, arrays, or tuples of them) agree."""
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(close(x, y, rtol, atol) for x, y in zip(a, b, strict=True))
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return a.shape == b.shape and bool(np.allclose(a, b, rtol=rtol, atol=atol))


def same_fit(solution: Any, fitted: Any) -> bool:
    """Whether the exercise's ``(w, b)`` agrees with a fitted scikit-learn linear model."""
    return close(solution, (fitted.coef_, float(fitted.intercept_)))


def blobs(rng: np.random.Generator, m: int, d: int, k: int = CLASSES) -> tuple[np.ndarray, np.ndarray]:
    """``m`` points in ``d`` dimensions around ``k`` centres, and their labels."""
    labels = rng.integers(0, k, size=m)
    centres = rng.normal(scale=3.0, size=(k, d))
    return centres[labels] + rng.normal(size=(m, d)), labels


def regression(rng: np.random.Generator, m: int, d: int, sparse: bool = False):
    X = rng.normal(size=(m, d))
    w = rng.normal(size=d)
    if sparse:
        w[::2] = 0.0
    return X, X @ w + 0.5 + 0.3 * rng.normal(size=m)


def load_all() -> list[Case]:
    """Import each topic's module of this package, in curriculum order, and return the table.

    A module named after no topic of the curriculum is an error, not silently left out.
    """
    import importlib
    import pkgutil

    from mlkata.curriculum import topics

    found = {info.name for info in pkgutil.iter_modules(__path__)}
    unknown = found - set(topics())
    if unknown:
        raise ValueError(f"benchmarks/cases/ has modules named after no topic: {sorted(unknown)}")
    for topic in topics():
        if topic in found:
            importlib.import_module(f"{__name__}.{topic}")
    return CASES
