"""Checks that many graders share: bad inputs rejected, other input types accepted."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from mlkata.grading.judge import Mistake, expect_close, expect_raises
from mlkata.grading.proxy import StudentFunction


@dataclass(frozen=True)
class BadInput:
    """Arguments a function must refuse with ``ValueError``, and why."""

    because: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
    mistakes: tuple[Mistake, ...] = ()


def expect_rejected(function: StudentFunction, bad_inputs: Iterable[BadInput]) -> None:
    """Check every one of ``bad_inputs`` makes ``function`` raise ``ValueError``."""
    for bad in bad_inputs:
        expect_raises(function.call(*bad.args, **bad.kwargs), because=bad.because, mistakes=bad.mistakes)


def _deep(value: Any, convert: Callable[[np.ndarray], Any]) -> Any:
    if isinstance(value, np.ndarray):
        return convert(value)
    if isinstance(value, list | tuple):
        return type(value)(_deep(item, convert) for item in value)
    return value


def as_lists(args: tuple) -> tuple:
    """The same arguments with every numpy array (also inside lists) turned into Python lists."""
    return tuple(_deep(a, lambda x: x.tolist()) for a in args)


def as_float32(args: tuple) -> tuple:
    """The same arguments with every floating-point array (also inside lists) made float32."""
    return tuple(_deep(a, lambda x: x.astype(np.float32) if x.dtype.kind == "f" else x) for a in args)


def _widened(args: tuple) -> tuple:
    return tuple(_deep(a, lambda x: x.astype(np.float64) if x.dtype == np.float32 else x) for a in args)


def expect_input_types_accepted(
    function: StudentFunction,
    args: tuple,
    reference: Callable[..., Any],
    *,
    reference_name: str,
    kwargs: dict | None = None,
) -> None:
    """Check ``function`` gives the reference's answer for lists and for float32 arrays.

    The reference is run on the very values the learner gets (float32 values widened to
    float64), with a tolerance that float32 arithmetic meets.
    """
    kwargs = kwargs or {}
    lists = as_lists(args)
    expect_close(
        function.call(*lists, **kwargs),
        reference(*args, **kwargs),
        reference=f"{reference_name}, inputs given as Python lists",
    )
    single = as_float32(args)
    widened = tuple(
        a.astype(np.float64) if isinstance(a, np.ndarray) and a.dtype == np.float32 else a for a in single
    )
    expect_close(
        function.call(*single, **kwargs),
        reference(*widened, **kwargs),
        reference=f"{reference_name}, inputs given as float32 arrays",
        rtol=2e-5,
        atol=1e-6,
    )
