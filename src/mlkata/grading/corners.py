"""Inputs a :class:`~mlkata.grading.domains.Domain`'s declaration implies, beyond its own list.

:meth:`Domain.bad_inputs` refuses a length mismatch of one entry; numpy broadcasts a size-1
array silently, so a function that compares no sizes still runs there and answers. So it adds
:func:`length_one_mismatches`: for every dimension two array arguments share, each of them in
turn with size 1 along it (a one-channel filter for a three-channel image, one ``gamma`` for
four features, ``p = [1]`` against four ``q``).

The rest a grader adds where its docstring promises it (``*numbers_as_strings(DOMAIN)`` in its
list of bad inputs, ``custom={**number_corners("z")}`` in its domain):

:func:`numbers_as_strings`  a numeric keyword (``alpha``, ``eps``) or scalar argument (``p``) as a
                            numeric string, ``'0.5'``: ``float('0.5')`` would accept it
:func:`entries_as_strings`  real arrays holding numeric strings, or ``None``: ``np.asarray(z,
                            dtype=float)`` parses ``['-2']`` and turns ``None`` into nan
:func:`overflowing_sums`    weights, each finite, whose sum overflows to inf
:func:`number_corners`      corners with a map's argument a Python float and an int (the result's
                            type for them is judged by :mod:`mlkata.grading.typed`)

Examples
--------
>>> from mlkata.grading.domains import Domain, Param, Reals
>>> domain = Domain(seed=1, args=(Reals("X", ("n", "d")), Reals("gamma", ("d",))),
...                 params=(Param("eps", 1e-5),), sizes={"n": (4,), "d": (3,)})
>>> [bad.because for bad in length_one_mismatches(domain)]  # doctest: +NORMALIZE_WHITESPACE
['X has size 1 along d (its axis 1) and gamma 4: numpy would broadcast it; the sizes must match',
 'gamma has size 1 along d (its axis 0) and X 4: numpy would broadcast it; the sizes must match']
>>> [bad.kwargs for bad in numbers_as_strings(domain)]
[{'eps': '1e-05'}]
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from mlkata.grading.bad_inputs import BadInput

Values = dict[str, Any]


def _base(domain: Any) -> tuple[list[Any], dict[str, int], Values]:
    """The argument specs, sizes and values :meth:`Domain.bad_inputs` builds its cases from."""
    dims = {k: max(v, 4) for k, v in domain._dims(0).items()}
    return list(domain.args), dims, domain._values(domain._rng(4), dims)


def length_one_mismatches(
    domain: Any, dims: Mapping[str, int] | None = None, base: Values | None = None
) -> list:
    """For each dimension two array arguments share, each of them in turn with size 1 there.

    ``dims`` and ``base`` are the sizes and values of :meth:`Domain.bad_inputs` (drawn as it
    draws them when not given); every size is at least 4 there, so size 1 is a mismatch.
    """
    if dims is None or base is None:
        _, dims, base = _base(domain)
    specs = list(domain.args)
    arrays = [s for s in specs if s.shape and isinstance(base[s.name], np.ndarray)]
    shared = dict.fromkeys(d for s in arrays for d in s.shape if isinstance(d, str))
    bad = []
    for dim in shared:
        holders = [s for s in arrays if dim in s.shape and base[s.name].ndim == len(s.shape)]
        if len(holders) < 2 or dims.get(dim, 0) < 2:
            continue
        for spec in holders:
            axis = spec.shape.index(dim)
            other = next(s for s in holders if s is not spec)
            shrunk = np.take(base[spec.name], [0], axis=axis)
            args = tuple(shrunk if s is spec else base[s.name] for s in specs)
            bad.append(
                BadInput(
                    f"{spec.name} has size 1 along {dim} (its axis {axis}) and {other.name} {dims[dim]}: "
                    "numpy would broadcast it; the sizes must match",
                    args,
                )
            )
    return bad


def _is_real_number(value: Any) -> bool:
    return isinstance(value, int | float | np.integer | np.floating) and not isinstance(
        value, bool | np.bool_
    )


def numbers_as_strings(domain: Any) -> list[BadInput]:
    """Each numeric keyword, and each scalar real argument, given as a numeric string (``'0.5'``)."""
    specs, _, base = _base(domain)
    plain = tuple(base[s.name] for s in specs)
    bad = []
    for spec in specs:
        value = base[spec.name]
        if spec.shape == () and type(spec).__name__ == "Reals" and np.ndim(value) == 0:
            text = str(float(value))
            args = tuple(text if s is spec else base[s.name] for s in specs)
            bad.append(BadInput(f"{spec.name}={text!r} is a string, not a number", args))
    for param in domain.params:
        if _is_real_number(param.default):
            text = str(param.default)
            bad.append(
                BadInput(f"{param.name}={text!r} is a string, not a number", plain, {param.name: text})
            )
    return bad


def entries_as_strings(domain: Any) -> list[BadInput]:
    """Each real array argument holding numeric strings (``['-2', ...]``), then one ``None``."""
    specs, _, base = _base(domain)
    bad = []
    for spec in specs:
        value = base[spec.name]
        if not (spec.shape and type(spec).__name__ == "Reals" and isinstance(value, np.ndarray)):
            continue
        texts = np.char.mod("%.4g", value).tolist()
        with_none = value.astype(object)
        with_none.reshape(-1)[-1] = None
        for because, wrong in (
            (f"{spec.name} holds numeric strings such as {str(np.ravel(texts)[0])!r}: not numbers", texts),
            (f"{spec.name} holds None: not a number", with_none.tolist()),
        ):
            bad.append(BadInput(because, tuple(wrong if s is spec else base[s.name] for s in specs)))
    return bad


def overflowing_sums(domain: Any, *names: str) -> list[BadInput]:
    """Each named argument with every entry 1e308: finite entries whose sum overflows to inf."""
    specs, _, base = _base(domain)
    bad = []
    for name in names:
        huge = np.full(np.shape(base[name]), 1e308)
        args = tuple(huge if s.name == name else base[s.name] for s in specs)
        bad.append(BadInput(f"{name} is 1e308 everywhere: its sum overflows to inf", args))
    return bad


def number_corners(name: str) -> dict[str, Callable[[Values, np.random.Generator], Values]]:
    """Custom corners for an elementwise map: argument ``name`` as a Python float, and as a positive int."""

    def as_float(values: Values, rng: np.random.Generator) -> Values:
        values[name] = float(np.asarray(values[name]).reshape(-1)[0])
        return values

    def as_int(values: Values, rng: np.random.Generator) -> Values:
        values[name] = int(rng.integers(1, 6))  # positive: a branch returning z itself keeps the int
        return values

    return {f"{name} a number": as_float, f"{name} an integer number": as_int}
