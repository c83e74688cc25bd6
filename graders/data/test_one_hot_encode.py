"""Grader for data/one_hot_encode, against sklearn.preprocessing.label_binarize.

The reference is ``label_binarize(y, classes=range(k))`` with ``k = n_classes`` or
``max(y) + 1``, as floats. label_binarize gives a single column for two classes (the
indicator of class 1) and a column of zeros for one class; the reference widens those to the
``(n, k)`` indicator matrix the exercise returns: ``[1 - col, col]`` and a column of ones.
The result must be a float64 array, as the docstring promises, whatever the labels' dtype
(:func:`mlkata.grading.result_types.expect_float64`).
"""

import numpy as np
from sklearn.preprocessing import label_binarize

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, case_outcome, case_suffix, expect_rejected
from mlkata.grading.domains import Case, Domain, Labels, Param
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.result_types import expect_float64

one_hot_encode = student_function("one_hot_encode")
REFERENCE = "sklearn.preprocessing.label_binarize(y, classes=range(k)), as an (n, k) float matrix"


@cached_reference
def reference(y, n_classes=None):
    y = np.asarray(y).astype(int)
    k = int(y.max()) + 1 if n_classes is None else int(n_classes)
    if k == 1:
        return np.ones((y.size, 1))  # label_binarize: a column of zeros
    binary = label_binarize(y, classes=list(range(k))).astype(float)
    return np.hstack([1.0 - binary, binary]) if k == 2 else binary


def _unique_columns(y, n_classes=None):
    y = np.asarray(y)
    classes, index = np.unique(y, return_inverse=True)
    if classes.size == (int(y.max()) + 1 if n_classes is None else n_classes):
        return None  # every class present: no difference
    return np.eye(classes.size)[index]


MISTAKES = (
    Mistake(
        "column j is the label j itself, not the j-th distinct label: a label that never occurs "
        "still gets its column (of zeros)",
        _unique_columns,
    ),
    Mistake(
        "use n_classes columns when n_classes is given, even when the largest label is smaller",
        lambda y, n_classes=None: reference(y) if n_classes is not None else None,
    ),
    Mistake(
        "two classes still get two columns, [1 - y, y]: label_binarize's single column is not "
        "a one-hot matrix",
        lambda y, n_classes=None: (
            label_binarize(np.asarray(y).astype(int), classes=[0, 1]).astype(float)
            if reference(y, n_classes).shape[1] == 2
            else None
        ),
    ),
    Mistake(
        "one row per sample and one column per class: the result has shape (n, k), not (k, n)",
        lambda y, n_classes=None: reference(y, n_classes).T,
    ),
)


def check(outcome, expected, suffix=""):
    expect_close(outcome, expected, reference=REFERENCE + suffix, rtol=0, atol=0, mistakes=MISTAKES)
    expect_float64(outcome)


def _judge(function, case: Case):
    check(case_outcome(function, case), reference(*case.widened, **case.widened_kwargs), case_suffix(case))


@points(3)
def test_matches_label_binarize(one_hot_encode):
    rng = seeded(2501)
    for n, k in ((1, 1), (6, 3), (40, 5), (300, 10)):
        y = rng.integers(0, k, size=n)
        check(one_hot_encode.call(y), reference(y))
    y = np.array([0, 3, 3, 1, 0])  # label 2 never occurs: its column is all zeros
    check(one_hot_encode.call(y), reference(y), ", label 2 absent")


@points(2)
def test_n_classes(one_hot_encode):
    rng = seeded(2502)
    for n, k, n_classes in ((5, 2, 6), (30, 4, 4), (12, 1, 3), (8, 3, 10)):
        y = rng.integers(0, k, size=n)
        check(
            one_hot_encode.call(y, n_classes=n_classes), reference(y, n_classes), f", n_classes={n_classes}"
        )


@points(1)
def test_two_classes_one_class_and_bool_labels(one_hot_encode):
    for y, kwargs in (
        ([0, 1, 1, 0], {}),
        ([1, 1, 1], {}),
        ([0, 0], {}),
        (np.array([True, False, True]), {}),
        ([1, 0], {"n_classes": 2}),
    ):
        check(one_hot_encode.call(y, **kwargs), reference(y, **kwargs), ", two columns for two classes")


def _as(dtype):
    def corner(values, rng):
        values["y"] = values["y"].astype(dtype)
        return values

    return corner


def _exact_n_classes(values, rng):
    values["n_classes"] = int(values["y"].max()) + 1
    return values


def _two_classes(values, rng):
    values["y"] = values["y"] % 2
    return values


def _middle_class_missing(values, rng):
    y = values["y"].copy()
    y[y == 1] = 0
    values["y"] = np.append(y, 2)
    return values


DOMAIN = Domain(
    seed=2511,
    args=(Labels("y", classes="k", alternatives=(), bad_label=-1),),
    params=(
        Param(
            "n_classes",
            None,
            values=(12, 30),
            invalid=(0, -3, 2.5, True, 3),
            why_invalid="is not a number of classes these labels fit in",
        ),
    ),
    sizes={"n": (1, 6, 40, 300), "k": (1, 3, 5, 10)},
    custom={
        "uint8 labels": _as(np.uint8),
        "float labels (whole numbers)": _as(float),
        "float32 labels (whole numbers)": _as(np.float32),
        "n_classes = max(y) + 1": _exact_n_classes,
        "two classes": _two_classes,
        "bool labels": lambda values, rng: {**values, "y": (values["y"] % 2).astype(bool)},
        "a class missing in the middle": _middle_class_missing,
    },
)


@points(2)
def test_every_corner_of_the_domain(one_hot_encode):
    for case in DOMAIN.corner_cases():
        _judge(one_hot_encode, case)


@points(1)
def test_rejects_bad_input(one_hot_encode):
    expect_rejected(
        one_hot_encode,
        [
            BadInput("-1 is not a class label (y[-1] would pick the last column)", ([0, -1, 2],)),
            BadInput("the label 4 is outside 0 .. 3 for n_classes=4", ([0, 4, 1],), {"n_classes": 4}),
            BadInput("1.5 is not a whole number", ([0.0, 1.5],)),
            BadInput("labels must be integers, not strings", (["cat", "dog"],)),
            BadInput("y must be 1-D", ([[0, 1], [1, 0]],)),
            BadInput("y is the single label 3 (0-d), not an array of labels", (3,)),
            BadInput("y is a 0-d array, np.array(2), not an array of labels", (np.array(2),)),
            BadInput("y is empty", ([],)),
            BadInput("n_classes must be positive", ([0, 0],), {"n_classes": 0}),
            BadInput("n_classes is a count, not 2.5", ([0, 1],), {"n_classes": 2.5}),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_many_classes_uint8_labels_and_one_label(one_hot_encode):
    """n_classes = 100000 for 5 labels, uint8 labels up to 255, one label, whole float labels."""
    rng = seeded(2503)
    for y, kwargs, why in (
        (rng.integers(0, 100, size=5), {"n_classes": 100_000}, ", 100000 columns for 5 labels"),
        (np.arange(256, dtype=np.uint8)[::-1].copy(), {}, ", uint8 labels 255 .. 0 (256 classes)"),
        (np.array([0]), {}, ", one label"),
        (np.array([3.0, 0.0, 3.0]), {}, ", whole float labels"),
    ):
        check(one_hot_encode.call(y, **kwargs), reference(y, **kwargs), why)


FAST = Fast(
    inputs=lambda n, rng: {"y": rng.integers(0, 10, size=n // 10)},
    within=5.0,
    why="n / 10 labels of 10 classes: an (n / 10, 10) result, n values",
)


PROPERTIES = (Differential("one_hot_encode", DOMAIN, judge=_judge),)
