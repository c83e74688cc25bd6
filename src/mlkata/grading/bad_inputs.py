"""Arguments a learner's function must refuse with ``ValueError``: :class:`BadInput`.

Declared by graders (``BadInput("delta must be positive", (y, p), {"delta": 0.0})``) and made
by a domain for every argument (:meth:`mlkata.grading.domains.Domain.bad_inputs`); judged by
:func:`mlkata.grading.checks.expect_rejected`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mlkata.grading.judge import Mistake


@dataclass(frozen=True)
class BadInput:
    """Arguments a function must refuse with ``ValueError``, and why.

    >>> BadInput("both inputs are empty", ([], [])).because
    'both inputs are empty'
    """

    because: str
    args: tuple
    kwargs: dict = field(default_factory=dict)
    mistakes: tuple[Mistake, ...] = ()
