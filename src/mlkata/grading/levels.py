"""Follow-up levels of an exercise: ★ correct, ★★ robust, ★★★ fast.

An interviewer who sees a correct answer asks for more: the same function on the extreme
inputs they throw at it (huge logits, an empty class, all ties, float32), then the same
function at a million values. A grader file says which of its checks are the second level,
and how the third is measured:

- ★ **correct**: every check of the grader not marked otherwise (what passing means today).
- ★★ **robust**: the checks marked ``@robust()``: extreme but valid inputs, each judged
  against the reference like any other check.
- ★★★ **fast**: the module's :class:`Fast`: the learner's function timed against the
  reference solution at ``size``, within ``within`` times its time.

Examples
--------
>>> FAST = Fast(within=5.0)
>>> FAST.size, FAST.within
(1000000, 5.0)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest

ROBUST = "robust"
"""The pytest mark of a ★★ check."""


def robust() -> pytest.MarkDecorator:
    """Mark a grader check as level ★★ (robust): extreme inputs an interviewer throws.

    Examples
    --------
    >>> @robust()
    ... def test_huge_logits(softmax): ...
    >>> [m.name for m in test_huge_logits.pytestmark]
    ['robust']
    """
    return getattr(pytest.mark, ROBUST)


@dataclass(frozen=True)
class Fast:
    """Level ★★★ of an exercise: its function within ``within`` times the reference solution.

    Parameters
    ----------
    inputs : callable, optional
        ``inputs(n, rng) -> dict`` of keyword arguments for the function at size ``n``
        (``rng`` a seeded :class:`numpy.random.Generator`). ``None``: made from the
        function's parameter names by :func:`mlkata.learner.speed.inputs_for`.
    size : int, default=1_000_000
        The ``n`` the function is timed at (smaller where the algorithm is not linear:
        say so in ``why``).
    within : float, default=5.0
        How many times the reference solution's time the learner's may take.
    function : str, optional
        Which function of the module is timed (default: the module's first).
    why : str, default=""
        What the size or factor stands for, when it is not the default.
    """

    inputs: Callable[[int, np.random.Generator], dict[str, Any]] | None = None
    size: int = 1_000_000
    within: float = 5.0
    function: str | None = None
    why: str = ""
