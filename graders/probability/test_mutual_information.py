"""Grader for probability/mutual_information, against sklearn.metrics.mutual_info_score."""

import warnings

import numpy as np
from sklearn.metrics import mutual_info_score

from mlkata.grading import Mistake, expect_close, points, seeded, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Labels
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

mutual_information = student_function("mutual_information")
REFERENCE = "sklearn.metrics.mutual_info_score(x, y) (natural log)"


def _constant(values, rng):
    """x is one label for every sample: it carries no information, the answer is 0."""
    values["x"] = np.full(values["x"].shape, 2)
    return values


def _relabelled(values, rng):
    """y names x's labels differently (strings): I(X; Y) is then the entropy of x."""
    names = np.array(["low", "mid", "high"])
    values["y"] = names[values["x"]]
    return values


def _all_distinct(values, rng):
    """Every sample has its own label in x: I(X; Y) is the entropy of y."""
    values["x"] = rng.permutation(values["x"].size) * 7 - 5
    return values


def _float_labels(values, rng):
    """Float labels 0.25, 0.75 and 1.5: int() would merge the first two."""
    values["x"] = np.array([0.25, 0.75, 1.5])[values["x"]]
    return values


def _many_labels_in_y(values, rng):
    """y has many more labels than x (up to 12), most of them rare."""
    values["y"] = rng.integers(0, 12, size=values["y"].shape)
    return values


def _negative_labels(values, rng):
    values["x"] = np.array([-3, -1, 4])[values["x"]]
    values["y"] = values["y"] - 2
    return values


def _bool_labels(values, rng):
    values["x"] = values["x"] > 0
    return values


DOMAIN = Domain(
    seed=1403,
    args=(
        Labels("x", classes=(0, 1, 2), alternatives=(("a", "b", "c"), (-1, 5, 9)), bad_label=None),
        Labels(
            "y",
            classes=(0, 1, 2, 3, 4),
            alternatives=(("v", "w", "x", "y", "z"), (10, 20, 30, 40, 50)),
            bad_label=None,
        ),
    ),
    sizes={"n": (1, 6, 40, 500)},
    custom={
        "a constant labelling": _constant,
        "y a relabelling of x": _relabelled,
        "every sample its own label": _all_distinct,
        "float labels": _float_labels,
        "many labels in y": _many_labels_in_y,
        "negative labels": _negative_labels,
        "boolean labels": _bool_labels,
    },
)


@cached_reference
def reference(x, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # sklearn warns about float labels ("continuous values")
        return float(mutual_info_score(np.asarray(x), np.asarray(y)))


def _table(x, y, stride="y", as_int=False):
    """The contingency table; ``stride`` the labels whose count the pair code multiplies by."""
    x, y = np.asarray(x), np.asarray(y)
    if as_int:
        x, y = x.astype(int), y.astype(int)
    _, i = np.unique(x, return_inverse=True)
    _, j = np.unique(y, return_inverse=True)
    k_x, k_y = i.max() + 1, j.max() + 1
    width = k_y if stride == "y" else k_x  # k_x: pairs collide, or the table has the wrong size
    return np.bincount(i * width + j, minlength=k_x * k_y).reshape(k_x, k_y).astype(float)


def _mi(table, *, log=np.log, scale="probabilities"):
    n = table.sum()
    p = table / n
    outer = np.outer(p.sum(axis=1), p.sum(axis=0))
    keep = p > 0
    terms = p[keep] * log(p[keep] / outer[keep])
    return float(np.sum(terms) * (n if scale == "counts" else 1))


def _entropy(p):
    p = p[p > 0] / p.sum()
    return float(-np.sum(p * np.log(p)))


MISTAKES = (
    Mistake(
        "use the natural log (np.log), not log2: the answer is in nats",
        lambda x, y: _mi(_table(x, y), log=np.log2),
    ),
    Mistake(
        "divide the counts by n: the sum is over the joint *probabilities* n_ab / n, not the counts",
        lambda x, y: _mi(_table(x, y), scale="counts"),
    ),
    Mistake(
        "each pair of labels needs its own cell of the table: code pairs as row * k_y + col, with "
        "k_y the number of labels of y (not of x)",
        lambda x, y: _mi(_table(x, y, stride="x")),
    ),
    Mistake(
        "labels are categories, not numbers: converting them to int merged labels such as 0.25 and "
        "0.75 (truncation); np.unique(x, return_inverse=True) indexes any labels",
        lambda x, y: _mi(_table(x, y, as_int=True)),
    ),
    Mistake(
        "that is the joint entropy H(X, Y); the mutual information is H(X) + H(Y) - H(X, Y)",
        lambda x, y: _entropy(_table(x, y).ravel()),
    ),
    Mistake(
        "that is H(X) + H(Y): subtract the joint entropy H(X, Y)",
        lambda x, y: _entropy(_table(x, y).sum(axis=1)) + _entropy(_table(x, y).sum(axis=0)),
    ),
    Mistake(
        "that is a conditional entropy, H(X | Y) or H(Y | X): the mutual information is what is "
        "left of H(X) after subtracting H(X | Y)",
        lambda x, y: _entropy(_table(x, y).ravel()) - _entropy(_table(x, y).sum(axis=0)),
    ),
    Mistake(
        "that is a conditional entropy, H(X | Y) or H(Y | X): the mutual information is what is "
        "left of H(X) after subtracting H(X | Y)",
        lambda x, y: _entropy(_table(x, y).ravel()) - _entropy(_table(x, y).sum(axis=1)),
    ),
)


@points(3)
def test_matches_sklearn_on_random_labels(mutual_information):
    rng = seeded(1401)
    for n, k_x, k_y in ((8, 2, 2), (50, 3, 5), (300, 6, 4), (2000, 4, 9)):
        x = rng.integers(0, k_x, size=n)
        noise = rng.integers(0, k_y, size=n)
        y = np.where(rng.random(n) < 0.6, x % k_y, noise)  # dependent on x, not a function of it
        expect_close(mutual_information.call(x, y), reference(x, y), reference=REFERENCE, mistakes=MISTAKES)


@points(2)
def test_strings_sizes_and_constants(mutual_information):
    for x, y, why in (
        ([0, 0, 1, 1], ["a", "a", "b", "b"], "y names x's labels: I = H(X) = ln 2"),
        ([0, 1, 0, 1], [5, 5, 7, 7], "independent labellings: 0"),
        ([0, 0, 1, 1, 1, 1], [0, 1, 1, 1, 2, 2], "the docstring's example: ln(3)/6 + ln(1.5)/3"),
        (["cat", "dog", "cat", "emu", "dog", "cat"], [1, 1, 2, 3, 3, 3], "string labels"),
        ([3, 3, 3, 3, 3], [0, 1, 2, 1, 0], "a constant labelling carries no information: 0"),
        ([0, 1, 2, 3, 4, 5, 6, 7], [0, 0, 0, 1, 1, 1, 2, 2], "x has 8 labels, y 3: I = H(Y)"),
        ([0, 0, 1, 1, 1, 2, 2, 2], [0, 1, 2, 3, 4, 5, 6, 7], "x has 3 labels, y 8: I = H(X)"),
        ([7], [2], "one sample: 0"),
    ):
        expect_close(
            mutual_information.call(x, y),
            reference(x, y),
            reference=f"{REFERENCE}; {why}",
            mistakes=MISTAKES,
        )


@points(2)
def test_every_corner_of_the_domain(mutual_information):
    expect_cases(
        mutual_information, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES
    )


@points(1)
def test_rejects_bad_input(mutual_information):
    expect_rejected(
        mutual_information,
        [
            BadInput("x has 4 labels and y 3", ([0, 1, 1, 0], [0, 1, 1])),
            BadInput("x has 2 labels and y 3", (["a", "b"], ["a", "b", "b"])),
            BadInput("both inputs are empty", ([], [])),
            BadInput("x and y must be 1-D label vectors", ([[0, 1], [1, 0]], [[0, 1], [1, 1]])),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_huge_and_near_tied_labels_and_all_distinct(mutual_information):
    """int64 labels near +-2**62, float labels 1 ulp apart (distinct), 5000 samples all labelled apart."""
    rng = seeded(1404)
    codes = rng.integers(0, 3, size=200)
    huge = np.array([-(2**62), 2**62, 2**62 - 1], dtype=np.int64)[codes]
    near = (1.0 + np.spacing(1.0) * np.arange(3))[rng.integers(0, 3, size=200)]
    distinct = rng.permutation(5000)
    for x, y, why in (
        (huge, codes, "int64 labels near +-2**62: y names x's labels, I = H(X)"),
        (near, codes, "float labels 1, 1 + 1 ulp and 1 + 2 ulp: three labels, not one"),
        (distinct, rng.integers(0, 4, size=5000), "every sample has its own label in x: I = H(Y)"),
        (distinct, distinct[::-1].copy(), "both label every sample apart: I = ln 5000"),
    ):
        expect_close(
            mutual_information.call(x, y), reference(x, y), reference=f"{REFERENCE}; {why}", mistakes=MISTAKES
        )


def _fast_inputs(n, rng):
    x = rng.integers(0, 10, size=n)
    return {"x": x, "y": np.where(rng.random(n) < 0.5, x, rng.integers(0, 10, size=n))}


FAST = Fast(
    inputs=_fast_inputs, within=5.0, why="labels from 10 classes; sorting them is the reference's cost"
)


PROPERTIES = (Differential("mutual_information", DOMAIN, reference, REFERENCE),)
