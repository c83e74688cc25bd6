"""The core the mask overlap graders share (``dice_coefficient``, ``mask_iou``).

Both exercises are ``f(mask_a, mask_b)`` on two binary masks of the same shape (bool, or 0/1
of any dtype), 1.0 for two empty masks; they differ in the formula and the reference only. A
grader builds its domain with :func:`mask_domain`, counts with :func:`overlap_counts` in its
own mistakes, adds :func:`common_mistakes`, and runs its checks with
:func:`expect_random_masks`, :func:`expect_simple_masks` and :func:`mask_bad_inputs`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import numpy as np

from mlkata.grading.bad_inputs import BadInput
from mlkata.grading.domains import Domain, Labels
from mlkata.grading.judge import Mistake, expect_close
from mlkata.grading.proxy import StudentFunction


def _masks(how):
    """Masks of other shapes and types, empty masks, and masks large enough to outgrow float16."""

    def corner(values, rng):
        a, b = values["mask_a"], values["mask_b"]
        if how in ("2-D", "3-D"):
            shape = (4, 5) if how == "2-D" else (2, 3, 4)
            a = rng.random(shape) < 0.5
            b = np.where(rng.random(shape) < 0.7, a, rng.random(shape) < 0.5)
        elif how == "large":
            a = rng.random((100, 100)) < 0.5
            b = np.where(rng.random((100, 100)) < 0.8, a, ~a)
        elif how == "one empty":
            a = np.zeros_like(a)
        elif how == "both empty":
            a, b = np.zeros_like(a), np.zeros_like(b)
        else:
            a, b = a.astype(how), b.astype(how)
        return {**values, "mask_a": a, "mask_b": b}

    return corner


def mask_domain(seed: int) -> Domain:
    """The domain of ``f(mask_a, mask_b)``: 1-D masks, and corners of other shapes and types.

    The corners: 2-D and 3-D masks, 100 x 100 masks, float and uint8 masks, one mask empty,
    both masks empty.
    """
    return Domain(
        seed=seed,
        args=(Labels("mask_a", alternatives=()), Labels("mask_b", alternatives=())),
        sizes={"n": (6, 40)},
        custom={
            "2-D masks": _masks("2-D"),
            "3-D masks": _masks("3-D"),
            "100 x 100 masks": _masks("large"),
            "float masks": _masks(float),
            "uint8 masks": _masks(np.uint8),
            "one mask empty": _masks("one empty"),
            "both masks empty": _masks("both empty"),
        },
    )


def overlap_counts(mask_a: object, mask_b: object) -> tuple[np.integer, np.integer, np.integer]:
    """``(|A and B|, |A|, |B|)``: the pixels set in both masks, in ``mask_a``, in ``mask_b``.

    >>> [int(count) for count in overlap_counts([1, 1, 0, 0], [0, 1, 1, 0])]
    [1, 2, 2]
    """
    a, b = np.asarray(mask_a).astype(bool), np.asarray(mask_b).astype(bool)
    return np.count_nonzero(a & b), np.count_nonzero(a), np.count_nonzero(b)


def common_mistakes(metric: str, value: str) -> tuple[Mistake, Mistake]:
    """The pixel accuracy, and 0.0 for two empty masks.

    Parameters
    ----------
    metric : str
        The metric as the subject of a sentence: ``"Dice"``, ``"the IoU"``.
    value : str
        What two empty masks have: ``"Dice coefficient"``, ``"IoU"``.
    """
    return (
        Mistake(
            "that is the pixel accuracy (the fraction of pixels that agree, background included); "
            f"{metric} counts only the pixels set in a mask",
            lambda a, b: np.mean(np.asarray(a).astype(bool) == np.asarray(b).astype(bool)),
        ),
        Mistake(f"two empty masks agree perfectly: their {value} is 1.0, not 0.0", lambda a, b: 0.0),
    )


def expect_random_masks(
    function: StudentFunction,
    rng: np.random.Generator,
    reference: Callable[..., float],
    reference_name: str,
    mistakes: Iterable[Mistake],
) -> None:
    """Random masks of 1 to 3 dimensions and densities 0.1 to 0.7, as bool and as 0/1 integers."""
    mistakes = tuple(mistakes)
    for shape, density in (((6,), 0.5), ((8, 8), 0.3), ((32, 32), 0.7), ((3, 16, 16), 0.1)):
        a = rng.random(shape) < density
        b = np.where(rng.random(shape) < 0.7, a, rng.random(shape) < density)
        expect_close(function.call(a, b), reference(a, b), reference=reference_name, mistakes=mistakes)
        expect_close(
            function.call(a.astype(int), b.astype(int)),
            reference(a, b),
            reference=reference_name + ", masks of 0/1 integers",
            mistakes=mistakes,
        )


def expect_simple_masks(function: StudentFunction, reference_name: str, mistakes: Iterable[Mistake]) -> None:
    """Two empty masks (1.0), one empty (0.0), identical masks (1.0) and disjoint masks (0.0)."""
    empty = np.zeros((4, 5), dtype=bool)
    some = empty.copy()
    some[1:3, 2:4] = True
    other = empty.copy()
    other[0, 0] = True
    cases = (
        (empty, empty.copy(), 1.0, "two empty masks agree perfectly"),
        (empty, some, 0.0, "one mask empty"),
        (some, some.copy(), 1.0, "identical masks"),
        (some, other, 0.0, "disjoint masks"),
    )
    mistakes = tuple(mistakes)
    for a, b, expected, what in cases:
        expect_close(function.call(a, b), expected, reference=f"{reference_name}: {what}", mistakes=mistakes)


def mask_bad_inputs(domain: Domain) -> list[BadInput]:
    """The ``ValueError`` cases of both exercises: shapes that differ, values not 0 or 1, no pixels."""
    return [
        BadInput("the masks have shapes (2, 3) and (3, 2)", (np.ones((2, 3)), np.ones((3, 2)))),
        BadInput("mask values must be 0 or 1 (or bool): 2 is neither", ([[0, 1], [2, 1]], [[0, 1], [1, 1]])),
        BadInput("a soft mask (0.5) must be thresholded first", ([0.5, 1.0, 0.0], [1, 1, 0])),
        BadInput("the masks are empty (no pixels)", ([], [])),
        BadInput("mask_b holds 2, which is not 0 or 1", ([[0, 1], [1, 1]], [[0, 1], [2, 1]])),
        BadInput("mask_b is a soft mask (0.5): threshold it first", ([1, 1, 0], [0.5, 1.0, 0.0])),
        *domain.bad_inputs(),
    ]
