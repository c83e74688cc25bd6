"""Grader for neural_networks/max_pool2d, against numpy's sliding_window_view."""

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.corners import numbers_as_strings
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.typed import expect_typed_cases, typed_judge

max_pool2d = student_function("max_pool2d")
REFERENCE = "sliding_window_view(X, (size, size), axis=(2, 3))[:, :, ::stride, ::stride].max(axis=(4, 5))"


def _windows(X, size, stride):
    return sliding_window_view(np.asarray(X, dtype=float), (size, size), axis=(2, 3))[
        :, :, ::stride, ::stride
    ]


@cached_reference
def reference(X, size=2, stride=2):
    return _windows(X, size, stride).max(axis=(4, 5))


def _ceil_mode(X, size=2, stride=2):
    """Partial windows at the far edges kept (padded with -inf): H' = ceil((H - k) / s) + 1."""
    X = np.asarray(X, dtype=float)
    extra = [(-(d - size)) % stride for d in X.shape[2:]]
    padded = np.pad(X, ((0, 0), (0, 0), (0, extra[0]), (0, extra[1])), constant_values=-np.inf)
    return reference(padded, size, stride)


MISTAKES = (
    Mistake(
        "start each window's maximum from its first value (or -inf), not from 0: a window of "
        "negative values has a negative maximum",
        lambda X, size=2, stride=2: np.maximum(reference(X, size, stride), 0.0),
    ),
    Mistake(
        "start each window's maximum from its first value (or -inf), not from the most negative "
        "float: a window whose values are all -inf pools to -inf",
        lambda X, size=2, stride=2: np.maximum(reference(X, size, stride), -np.finfo(np.float64).max),
    ),
    Mistake(
        "that is average pooling: take the maximum of each window",
        lambda X, size=2, stride=2: _windows(X, size, stride).mean(axis=(4, 5)),
    ),
    Mistake(
        "use the stride keyword: windows start every stride pixels (they overlap when stride < size); "
        "you stepped by the window size",
        lambda X, size=2, stride=2: reference(X, size, size),
    ),
    Mistake(
        "use the stride keyword: windows start every stride pixels; you stepped by 1",
        lambda X, size=2, stride=2: reference(X, size, 1),
    ),
    Mistake(
        "size is the window's side and stride the step between windows: you swapped them",
        lambda X, size=2, stride=2: reference(X, stride, size),
    ),
    Mistake(
        "windows that do not fit are dropped, H' = (H - size) // stride + 1: you kept a partial "
        "window at the edge",
        _ceil_mode,
    ),
    Mistake(
        "a window holding NaN pools to NaN (np.max propagates it): np.nanmax, or updating the "
        "maximum with >, skips the NaN",
        lambda X, size=2, stride=2: np.nanmax(_windows(X, size, stride), axis=(4, 5)),
    ),
    Mistake(
        "that is min pooling: take the maximum of each window",
        lambda X, size=2, stride=2: _windows(X, size, stride).min(axis=(4, 5)),
    ),
)

CASES = (  # (N, C, H, W), size, stride
    ((1, 1, 4, 4), 2, 2),
    ((2, 3, 6, 8), 2, 2),
    ((2, 2, 5, 7), 2, 2),
    ((3, 2, 7, 6), 3, 2),
    ((1, 3, 6, 5), 3, 1),
    ((2, 1, 9, 8), 2, 3),
    ((1, 2, 5, 5), 1, 1),
)


@points(3)
def test_matches_sliding_window_view(max_pool2d):
    rng = seeded(2401)
    for shape, size, stride in CASES:
        X = rng.normal(size=shape)
        expect_close(
            max_pool2d.call(X, size=size, stride=stride),
            reference(X, size, stride),
            reference=REFERENCE,
            mistakes=MISTAKES,
        )
    X = rng.normal(size=(2, 3, 6, 7))
    expect_close(
        max_pool2d.call(X),
        reference(X),
        reference=REFERENCE + ", default size=2, stride=2",
        mistakes=MISTAKES,
    )


@points(1)
def test_hand_worked_and_negative_values(max_pool2d):
    X = np.arange(16.0).reshape(1, 1, 4, 4)
    expect_close(max_pool2d.call(X), [[[[5.0, 7.0], [13.0, 15.0]]]], reference="by hand", mistakes=MISTAKES)
    expect_close(
        max_pool2d.call(-X - 1.0),
        [[[[-1.0, -3.0], [-9.0, -11.0]]]],
        reference="by hand: every value is negative, so is every maximum",
        mistakes=MISTAKES,
    )
    expect_close(
        max_pool2d.call(-X - 1.0, size=3, stride=1),
        [[[[-1.0, -2.0], [-5.0, -6.0]]]],
        reference="by hand: overlapping 3x3 windows",
        mistakes=MISTAKES,
    )


@points(1)
def test_nan_pools_to_nan(max_pool2d):
    X = seeded(2402).normal(size=(1, 2, 4, 6))
    X[0, 0, 0, 1] = np.nan  # in window (0, 0) of channel 0
    X[0, 1, 3, 5] = np.nan  # in the last window of channel 1
    expect_close(
        max_pool2d.call(X),
        reference(X),
        reference=REFERENCE + ": a window holding NaN gives NaN, as np.max does",
        mistakes=MISTAKES,
    )


@points(1)
def test_output_shape(max_pool2d):
    rng = seeded(2403)
    for shape, size, stride in (
        ((1, 1, 5, 5), 2, 2),  # (5 - 2) // 2 + 1 = 2: the last row and column are dropped
        ((1, 2, 7, 4), 3, 3),  # 2 x 1
        ((2, 1, 6, 9), 6, 1),  # a window as high as the image
        ((0, 3, 4, 4), 2, 2),  # no images: an empty (0, C, H', W') result
    ):
        X = rng.normal(size=shape)
        expect_close(
            max_pool2d.call(X, size=size, stride=stride),
            reference(X, size, stride),
            reference=REFERENCE + ", shape (N, C, (H - size) // stride + 1, (W - size) // stride + 1)",
            mistakes=MISTAKES,
        )


def _all_negative(values, rng):
    values["X"] = -np.abs(values["X"]) - 0.5
    return values


def _nan_here_and_there(values, rng):
    X = values["X"].copy()
    X.reshape(-1)[rng.choice(X.size, size=max(1, X.size // 15), replace=False)] = np.nan
    values["X"] = X
    return values


def _infinities(values, rng):
    X = values["X"].copy()
    X.reshape(-1)[::7] = -np.inf
    X.reshape(-1)[3::11] = np.inf
    values["X"] = X
    return values


def _overlapping(values, rng):
    values.update(size=3, stride=1)
    return values


def _left_over(values, rng):
    values.update(size=3, stride=2)
    return values


def _ties(values, rng):
    values["X"] = rng.integers(-2, 2, size=values["X"].shape).astype(float)
    return values


def _whole_image(values, rng):
    """One window as large as the smaller side of the image."""
    values.update(size=min(values["X"].shape[2:]), stride=1)
    return values


DOMAIN = Domain(
    seed=2411,
    args=(Reals("X", ("n", "c", "h", "w"), uint8=True, offset=True, tiny=True),),
    sizes={"n": (1, 2, 3, 2), "c": (1, 3, 2, 1), "h": (4, 5, 7, 6), "w": (4, 6, 5, 9)},
    params=(
        Param("size", 2, values=(3, 1), invalid=(0, -1, 2.5), why_invalid="is not an integer >= 1"),
        Param("stride", 2, values=(1, 3), invalid=(0, 1.5), why_invalid="is not an integer >= 1"),
    ),
    custom={
        "every value negative": _all_negative,
        "NaN here and there": _nan_here_and_there,
        "-inf and inf": _infinities,
        "overlapping windows (size 3, stride 1)": _overlapping,
        "size 3, stride 2: rows left over": _left_over,
        "ties in the windows": _ties,
        "a window as large as the image": _whole_image,
    },
    empty=None,  # N = 0 images give an empty result (test_output_shape)
)


FLOAT64_MAPS = {"reference_name": REFERENCE, "float64": True, "same_shape": False}
"""Every case's result is a float64 array (of the pooled shape): integer and uint8 X too."""


@points(2)
def test_every_corner_of_the_domain(max_pool2d):
    expect_typed_cases(max_pool2d, DOMAIN.corner_cases(), reference, mistakes=MISTAKES, **FLOAT64_MAPS)


@points(1)
def test_rejects_bad_input(max_pool2d):
    X = seeded(2404).normal(size=(2, 3, 5, 4))
    expect_rejected(
        max_pool2d,
        [
            BadInput("a single image (C, H, W) is not a batch (N, C, H, W)", (X[0],)),
            BadInput("a 5x5 window does not fit a 5x4 image", (X,), {"size": 5}),
            BadInput("a 6x6 window does not fit a 5x4 image", (X,), {"size": 6, "stride": 1}),
            BadInput("'a' is not a number", ([[[["a", "b"], ["c", "d"]]]],)),
            BadInput("stride=2.0 is not an integer", (X,), {"stride": 2.0}),
            *DOMAIN.bad_inputs(),
            *numbers_as_strings(DOMAIN),
        ],
    )


PROPERTIES = (Differential("max_pool2d", DOMAIN, judge=typed_judge(reference, **FLOAT64_MAPS)),)


@robust()
@points(1)
def test_windows_of_extreme_values(max_pool2d):
    """Windows wholly -inf, values near -1.8e308, one pixel of one image, and a 1 x 1 window."""
    big = np.finfo(np.float64).max
    X = np.array([[[[-np.inf, -np.inf, -big, 1e308], [-np.inf, -np.inf, -1e300, -big]]]])
    cases = (
        (X, 2, 2),
        (X, 1, 1),
        (np.full((1, 2, 3, 3), -1e300), 3, 1),
        (np.array([[[[-big]]]]), 1, 1),
        (np.array([[[[5e-324, -5e-324], [-np.inf, -0.0]]]]), 2, 1),
    )
    for X, size, stride in cases:
        expect_close(
            max_pool2d.call(X, size=size, stride=stride),
            reference(X, size, stride),
            reference=REFERENCE,
            mistakes=MISTAKES,
            rtol=0,
            atol=0,
        )


def _images(n, rng):
    return {"X": rng.normal(size=(max(n // 4096, 1), 4, 32, 32)), "size": 2, "stride": 2}


FAST = Fast(inputs=_images, why="n // 4096 images of 4 channels of 32 x 32 pixels, 2 x 2 windows")
