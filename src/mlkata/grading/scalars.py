"""Scalar integer arguments (a size, a count) in a :class:`~mlkata.grading.domains.Domain`.

``causal_mask(n)``, ``positional_encoding(n_positions, d_model)`` and the ``n_heads`` of
``multi_head_attention`` take sizes, not arrays. :class:`Integer` declares such a positional
argument: its value is one of the domain's named sizes (times a factor), so the random cases
visit each declared size, the property tests (which vary the first named size) any size in
between, and a size it shares with an array argument stays consistent with that array's shape::

    from mlkata.grading.domains import Domain
    from mlkata.grading.scalars import Integer

    DOMAIN = Domain(seed=1, args=(Integer("n"),), sizes={"n": (1, 2, 7, 300)}, corners=(), empty=None)

It has the interface :class:`~mlkata.grading.domains.Domain` asks of an argument (``name``,
``shape``, ``draw``); none of the built-in corners apply to it (it is not an array), so a
domain of integers alone narrows ``corners`` and declares its own ``custom`` ones, and lists
its ``ValueError`` cases (0, negative, non-integer sizes) by hand.

Examples
--------
>>> import numpy as np
>>> from mlkata.grading.domains import Domain
>>> domain = Domain(seed=3, args=(Integer("n"), Integer("d", dim="half", times=2)),
...                 sizes={"n": (1, 5), "half": (1, 4)}, corners=(), empty=None)
>>> [case.args for case in domain.random_cases()]
[(1, 2), (5, 8)]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Integer:
    """A positional integer argument equal to ``times`` the domain's size ``dim`` (``name`` by default).

    ``times=2`` makes an even size (a ``d_model`` of sines and cosines in pairs).
    """

    name: str
    dim: str | None = None
    times: int = 1
    shape: tuple[()] = ()
    """Always ``()``: a scalar, so no shape corner or length-mismatch case applies."""

    def draw(self, rng: np.random.Generator, dims: Mapping[str, int]) -> int:
        """The value at these sizes: a Python ``int`` (``rng`` is not used)."""
        return self.times * int(dims[self.dim or self.name])
