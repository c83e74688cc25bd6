"""Grader for neural_networks/conv2d, against scipy.signal.correlate summed over channels.

The reference pads each image with zeros on every side (numpy.pad), cross-correlates each
channel with the filter's kernel for that channel (scipy.signal.correlate, mode="valid",
method="direct"), sums over the channels, keeps every stride-th row and column and adds the
filter's bias: one loop over images and filters, nothing shared with a vectorised solution.
"""

import numpy as np
from scipy.signal import correlate

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.corners import numbers_as_strings
from mlkata.grading.domains import Domain, Param, Reals
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.typed import expect_typed_cases, typed_judge

conv2d = student_function("conv2d")
REFERENCE = (
    "scipy.signal.correlate(X_padded[n, c], W[f, c], 'valid') summed over c, [::stride, ::stride], + b[f]"
)


def _f(a):
    return np.asarray(a, dtype=float)


def _correlate(X, W, b, stride=1, pad=((0, 0), (0, 0)), mode="constant"):
    X, W, b = _f(X), _f(W), _f(b)
    Xp = np.pad(X, ((0, 0), (0, 0), *pad), mode=mode)
    n, f = X.shape[0], W.shape[0]
    rows = (Xp.shape[2] - W.shape[2]) // stride + 1
    cols = (Xp.shape[3] - W.shape[3]) // stride + 1
    out = np.zeros((n, f, rows, cols))
    for i in range(n):
        for j in range(f):
            total = sum(
                correlate(Xp[i, c], W[j, c], mode="valid", method="direct") for c in range(X.shape[1])
            )
            out[i, j] = total[::stride, ::stride] + b[j]
    return out


@cached_reference
def reference(X, W, b, stride=1, padding=0):
    return _correlate(X, W, b, stride, ((padding, padding), (padding, padding)))


def _by_fft(X, W, b, stride=1, padding=0):
    """The correlation by FFT: each output rounded to about 1e-16 of the image's largest value."""
    X, W, b = _f(X), _f(W), _f(b)
    Xp = np.pad(X, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    rows = (Xp.shape[2] - W.shape[2]) // stride + 1
    cols = (Xp.shape[3] - W.shape[3]) // stride + 1
    out = np.zeros((len(X), len(W), rows, cols))
    for i, image in enumerate(Xp):
        for j, kernel in enumerate(W):
            out[i, j] = correlate(image, kernel, mode="valid", method="fft")[0, ::stride, ::stride] + b[j]
    return out


MISTAKES = (
    Mistake(
        "that is a convolution with the kernel flipped (scipy.signal.convolve): deep learning's "
        "conv2d is a cross-correlation, out[i, j] = sum of W[u, v] * X[i*s + u, j*s + v], no flip",
        lambda X, W, b, stride=1, padding=0: reference(X, _f(W)[:, :, ::-1, ::-1], b, stride, padding),
    ),
    Mistake(
        "a correlation by FFT (scipy.signal.correlate's method='fft', or numpy.fft) rounds every "
        "output to about 1e-16 of the largest value in the image: far from a huge pixel the answer "
        "is lost; sum the products directly (method='direct', or the windows times the kernel)",
        _by_fft,
    ),
    Mistake(
        "add the bias b[f] once per output map, after summing over the input channels: you added it "
        "for every input channel (C times)",
        lambda X, W, b, stride=1, padding=0: (
            reference(X, W, b, stride, padding) + (_f(X).shape[1] - 1) * _f(b)[None, :, None, None]
        ),
    ),
    Mistake(
        "pad p zeros on every side (top and bottom, left and right), so that "
        "H' = (H + 2p - kh) // stride + 1: you padded one side only",
        lambda X, W, b, stride=1, padding=0: _correlate(X, W, b, stride, ((padding, 0), (padding, 0))),
    ),
    Mistake(
        "pad p zeros on every side (top and bottom, left and right), so that "
        "H' = (H + 2p - kh) // stride + 1: you padded one side only",
        lambda X, W, b, stride=1, padding=0: _correlate(X, W, b, stride, ((0, padding), (0, padding))),
    ),
    Mistake(
        "use the stride keyword: windows start every stride pixels, so H' = (H + 2p - kh) // stride + 1",
        lambda X, W, b, stride=1, padding=0: reference(X, W, b, 1, padding),
    ),
    Mistake(
        "use the padding keyword: p rows and columns of zeros are added on each side before sliding",
        lambda X, W, b, stride=1, padding=0: reference(X, W, b, stride, 0),
    ),
    Mistake(
        "padding means zeros: you repeated the edge pixels (np.pad's default mode is 'constant', 0)",
        lambda X, W, b, stride=1, padding=0: _correlate(
            X, W, b, stride, ((padding, padding), (padding, padding)), mode="edge"
        ),
    ),
    Mistake(
        "W[f, c, u, v] weighs row u, column v of a window: you swapped the kernel's two axes",
        lambda X, W, b, stride=1, padding=0: reference(X, _f(W).transpose(0, 1, 3, 2), b, stride, padding),
    ),
    Mistake(
        "you forgot the bias: add b[f] to every entry of output map f",
        lambda X, W, b, stride=1, padding=0: reference(X, W, 0 * _f(b), stride, padding),
    ),
)


def _layer(rng, n, c, h, w, f, kh, kw):
    return rng.normal(size=(n, c, h, w)), rng.normal(size=(f, c, kh, kw)), rng.normal(size=f)


CASES = (  # (N, C, H, W), (F, kh, kw), stride, padding
    ((1, 1, 5, 5), (1, 3, 3), 1, 0),
    ((2, 3, 6, 7), (4, 3, 2), 1, 0),
    ((3, 2, 7, 5), (2, 2, 3), 2, 0),
    ((2, 3, 5, 6), (3, 3, 3), 1, 1),
    ((1, 2, 8, 6), (2, 3, 2), 2, 1),
    ((2, 1, 9, 7), (3, 2, 4), 3, 2),
)


@points(3)
def test_matches_scipy_correlate(conv2d):
    rng = seeded(2301)
    for (n, c, h, w), (f, kh, kw), stride, padding in CASES:
        X, W, b = _layer(rng, n, c, h, w, f, kh, kw)
        expect_close(
            conv2d.call(X, W, b, stride=stride, padding=padding),
            reference(X, W, b, stride, padding),
            reference=REFERENCE,
            mistakes=MISTAKES,
        )


@points(1)
def test_hand_worked_cross_correlation(conv2d):
    X = np.arange(9.0).reshape(1, 1, 3, 3)
    W = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    expect_close(
        conv2d.call(X, W, [1.0]),
        [[[[28.0, 38.0], [58.0, 68.0]]]],
        reference="by hand: out[0, 0] = 0*1 + 1*2 + 3*3 + 4*4 + 1 = 28 (the kernel is not flipped)",
        mistakes=MISTAKES,
    )
    expect_close(
        conv2d.call(X, W, [0.0], stride=2, padding=1),
        [[[[0.0, 11.0], [30.0, 67.0]]]],
        reference="by hand: zeros all around, windows at rows and columns 0 and 2 of the 5x5 padded image",
        mistakes=MISTAKES,
    )


@points(1)
def test_output_shape(conv2d):
    rng = seeded(2302)
    for (n, c, h, w), (f, kh, kw), stride, padding in (
        ((1, 1, 7, 7), (1, 3, 3), 2, 0),  # (7 - 3) // 2 + 1 = 3
        ((1, 1, 8, 8), (1, 3, 3), 2, 0),  # (8 - 3) // 2 + 1 = 3: the last row and column are dropped
        ((2, 2, 4, 9), (3, 1, 1), 1, 2),  # a 1x1 kernel on zero padding: the border is b
        ((1, 3, 6, 4), (2, 6, 4), 1, 0),  # the kernel covers the whole image: 1x1 output
        ((0, 2, 5, 5), (3, 2, 2), 1, 1),  # no images: an empty (0, F, H', W') result
    ):
        X, W, b = _layer(rng, n, c, h, w, f, kh, kw)
        expect_close(
            conv2d.call(X, W, b, stride=stride, padding=padding),
            reference(X, W, b, stride, padding),
            reference=REFERENCE + ", shape (N, F, (H + 2p - kh) // stride + 1, (W + 2p - kw) // stride + 1)",
            mistakes=MISTAKES,
        )


def _stride_and_padding(values, rng):
    values.update(stride=2, padding=1)
    return values


def _whole_image_kernel(values, rng):
    """The kernel as large as the image: one window, a 1x1 output per filter."""
    _, c, h, w = values["X"].shape
    values["W"] = rng.normal(size=(values["W"].shape[0], c, h, w))
    return values


def _wide_padding(values, rng):
    """A 1x1 kernel and padding 2: the two outer rings of every output map are exactly b."""
    values["W"] = values["W"][:, :, :1, :1].copy()
    values["padding"] = 2
    return values


def _rows_left_over(values, rng):
    """A stride that leaves the last rows and columns out of every window."""
    values["stride"] = 4
    return values


def _integer_images(values, rng):
    """Integer X and W with a fractional bias: an integer output buffer truncates b."""
    values["X"] = rng.integers(0, 6, size=values["X"].shape)
    values["W"] = rng.integers(-2, 3, size=values["W"].shape)
    values["b"] = rng.integers(-2, 2, size=values["b"].shape) + 0.5
    return values


DOMAIN = Domain(
    seed=2311,
    args=(
        Reals("X", ("n", "c", "h", "w"), uint8=True),
        Reals("W", ("f", "c", "kh", "kw")),
        Reals("b", ("f",)),
    ),
    sizes={
        "n": (1, 2, 3, 2),
        "c": (1, 3, 2, 2),
        "h": (5, 6, 7, 4),
        "w": (4, 7, 5, 6),
        "f": (1, 2, 4, 3),
        "kh": (3, 2, 1, 3),
        "kw": (2, 3, 3, 2),
    },
    params=(
        Param("stride", 1, values=(2, 3), invalid=(0, -1, 1.5), why_invalid="is not an integer >= 1"),
        Param("padding", 0, values=(1, 2), invalid=(-1, 0.5), why_invalid="is not an integer >= 0"),
    ),
    custom={
        "stride 2 and padding 1": _stride_and_padding,
        "a kernel as large as the image": _whole_image_kernel,
        "padding wider than the kernel": _wide_padding,
        "stride 4: rows and columns left over": _rows_left_over,
        "integer images, bias k + 0.5": _integer_images,
    },
    empty=None,  # N = 0 images give an empty result (test_output_shape)
)


FLOAT64_MAPS = {"reference_name": REFERENCE, "float64": True, "same_shape": False}
"""Every case's result is a float64 array (of the output's shape), whatever X's dtype."""


@points(2)
def test_every_corner_of_the_domain(conv2d):
    expect_typed_cases(conv2d, DOMAIN.corner_cases(), reference, mistakes=MISTAKES, **FLOAT64_MAPS)


@points(1)
def test_rejects_bad_input(conv2d):
    X, W, b = _layer(seeded(2303), 2, 3, 5, 5, 4, 3, 3)
    expect_rejected(
        conv2d,
        [
            BadInput("X has 3 channels but W's filters have 2", (X, W[:, :2], b)),
            BadInput("b has 3 entries for 4 filters", (X, W, b[:3])),
            BadInput("a single image (C, H, W) is not a batch (N, C, H, W)", (X[0], W, b)),
            BadInput("a 7x7 kernel does not fit a 5x5 image", (X, np.ones((4, 3, 7, 7)), b)),
            BadInput(
                "a 8x3 kernel does not fit a 5x5 image padded by 1",
                (X, np.ones((4, 3, 8, 3)), b),
                {"padding": 1},
            ),
            BadInput("stride=2.0 is not an integer", (X, W, b), {"stride": 2.0}),
            *DOMAIN.bad_inputs(),  # a one-channel W or a single bias too: nothing is broadcast
            *numbers_as_strings(DOMAIN),
        ],
    )


PROPERTIES = (Differential("conv2d", DOMAIN, judge=typed_judge(reference, **FLOAT64_MAPS)),)


@robust()
@points(1)
def test_huge_dynamic_range_and_one_pixel(conv2d):
    """One pixel of 1e12 among values near 1 (its neighbours' outputs stay exact), a 1 x 1 image."""
    rng = seeded(2312)
    X = rng.normal(size=(2, 2, 9, 9))
    X[0, 0, 1, 1] = 1e12
    X[1, 1, 7, 2] = -1e12
    W = rng.normal(size=(3, 2, 3, 3))
    b = rng.normal(size=3)
    cases = (
        (X, W, b, 1, 0),
        (X, W, b, 2, 1),
        (np.array([[[[4.0]]]]), np.array([[[[-0.5]]], [[[2.0]]]]), np.array([1.0, 0.0]), 1, 0),
        (np.array([[[[3.0]]]]), np.array([[[[1.0, 2.0, 3.0]] * 3]]), np.array([0.5]), 5, 1),
    )
    for X, W, b, stride, padding in cases:
        expect_close(
            conv2d.call(X, W, b, stride=stride, padding=padding),
            reference(X, W, b, stride, padding),
            reference=REFERENCE + " (method='direct')",
            mistakes=MISTAKES,
        )


def _images(n, rng):
    return {
        "X": rng.normal(size=(max(n // 3072, 1), 3, 32, 32)),
        "W": rng.normal(size=(8, 3, 3, 3)),
        "b": rng.normal(size=8),
        "stride": 1,
        "padding": 1,
    }


FAST = Fast(inputs=_images, why="n // 3072 RGB images of 32 x 32 pixels, 8 filters of 3 x 3, padding 1")
