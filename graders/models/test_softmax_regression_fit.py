"""Grader for models/softmax_regression_fit, against sklearn LogisticRegression(C=1/(n*l2)).

For three or more classes scikit-learn fits the multinomial model, minimising
``C * sum(cross-entropy) + ||W||^2 / 2`` with the intercepts unpenalised: ``C * n`` times the
exercise's objective when ``C = 1 / (n * l2)``, the same minimiser. For two classes it fits
the binary model, whose single ``w`` is ``W[:, 1] - W[:, 0]``; the softmax optimum has
``W[:, 0] = -W[:, 1]``, so its penalty ``(l2/2)(|w_0|^2 + |w_1|^2)`` is ``(l2/4)|w|^2``: the
binary fit with ``C = 2 / (n * l2)``, split in opposite halves. Both run with ``tol=1e-10,
max_iter=10000``. A fit is graded on what a user sees: the objective reached, ``W``, ``b``
and ``softmax(X @ W + b)`` against ``predict_proba`` (columns in sorted label order). The data
are standardised, with labels drawn from a softmax model (never separable), so the optimum is
unique and the documented defaults reach it to about 1e-6 in ``W`` for ``l2 >= 1e-2``.
"""

import numpy as np
from scipy.special import logsumexp, softmax
from sklearn.linear_model import LogisticRegression

from mlkata.grading import (
    GradeFailure,
    Mistake,
    points,
    returned,
    seeded,
    student_function,
    with_hints,
)
from mlkata.grading.checks import BadInput, Differential, expect_rejected
from mlkata.grading.describe import describe_value
from mlkata.grading.domains import Case, Domain, Labels, Param, Reals
from mlkata.grading.fits import Trajectory, expect_parts, fit_hints
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference

softmax_regression_fit = student_function("softmax_regression_fit")
REFERENCE = "sklearn LogisticRegression(C=1/(n*l2), tol=1e-10, max_iter=10000), multinomial"


def _sklearn(X, y, l2, fit_intercept=True):
    """The fit as (W (d, k), b (k,)); two classes: the binary fit with C = 2 / (n * l2), halved."""
    k = np.unique(y).size
    C = (2.0 if k == 2 else 1.0) / (len(y) * l2)
    model = LogisticRegression(C=C, tol=1e-10, max_iter=10000, fit_intercept=fit_intercept).fit(X, y)
    if k == 2:
        w, b0 = model.coef_[0], float(model.intercept_[0]) if fit_intercept else 0.0
        return np.column_stack([-w / 2, w / 2]), np.array([-b0 / 2, b0 / 2])
    b = model.intercept_.copy() if fit_intercept else np.zeros(k)
    return model.coef_.T.copy(), b


@cached_reference
def reference(X, y, l2=1e-2):
    return _sklearn(np.asarray(X, float), np.asarray(y), l2)


def _index(y):
    return np.unique(np.asarray(y), return_inverse=True)[1]


def objective(W, b, X, y, l2):
    Z = np.asarray(X, float) @ W + b
    index = _index(y)
    return float(np.mean(logsumexp(Z, axis=1) - Z[np.arange(len(index)), index]) + 0.5 * l2 * np.sum(W * W))


def _penalised_intercept(X, y, l2=1e-2, **_):
    ones = np.hstack([np.asarray(X, float), np.ones((len(y), 1))])
    W, _b = _sklearn(ones, np.asarray(y), l2, fit_intercept=False)
    return W[:-1], W[-1]


def _first_appearance(X, y, l2=1e-2, **_):
    """The classes numbered in order of first appearance instead of sorted: columns permuted."""
    y = np.asarray(y)
    _, first = np.unique(y, return_index=True)
    order = np.argsort(first)  # the sorted class at each place of appearance
    W, b = reference(X, y, l2)
    return W[:, order], b[order]


FIT_MISTAKES = (
    ("the intercepts are not penalised: their gradient is mean(P - Y), without l2 * b", _penalised_intercept),
    (
        "you did not fit the intercepts: b must be learned too",
        lambda X, y, l2=1e-2, **_: _sklearn(np.asarray(X, float), np.asarray(y), l2, fit_intercept=False),
    ),
    (
        "you minimised the cross-entropy without the penalty: add l2 * W to the gradient in W",
        lambda X, y, l2=1e-2, **_: reference(X, y, 1e-9),
    ),
    (
        "use the l2 you are given: your fit is the one for the default l2=1e-2",
        lambda X, y, l2=1e-2, **_: reference(X, y),
    ),
    (
        "the gradient of (l2/2) * ||W||^2 is l2 * W: your fit minimised l2 * ||W||^2",
        lambda X, y, l2=1e-2, **_: reference(X, y, 2 * l2),
    ),
    (
        "the penalty belongs to the mean of the cross-entropies: your fit minimised their sum plus "
        "(l2/2) * ||W||^2",
        lambda X, y, l2=1e-2, **_: reference(X, y, l2 / len(y)),
    ),
    (
        "column c of W is the c-th class in sorted order (np.unique(y)): you numbered the classes in "
        "order of first appearance",
        _first_appearance,
    ),
)


def _parts(outcome, d, k):
    value = returned(outcome)
    W_outcome, b_outcome = outcome.part(0, "W"), outcome.part(1, "b")
    try:
        W = np.asarray(value[0], dtype=np.float64)
        b = np.asarray(value[1], dtype=np.float64)
    except (TypeError, ValueError):
        W = b = np.array(np.nan)
    if W.shape != (d, k):
        hints = []
        if W.shape == (k, d):
            hints.append("W has one column per class, shape (d, k) (scikit-learn's coef_ is W.T)")
        elif W.ndim == 2 and W.shape[0] == d and W.shape[1] > k:
            hints.append(
                f"y holds {k} distinct labels, so W has {k} columns: labels such as {{1, 2, 3}} "
                "are not column indices (np.eye(y.max() + 1)[y] adds a column for the unused 0); number "
                "the classes with np.unique(y, return_inverse=True)"
            )
        raise GradeFailure(
            with_hints(
                f"{W_outcome.call}: expected an array of shape ({d}, {k}) (d features, k classes), got "
                f"{describe_value(value[0])}",
                *hints,
            )
        )
    if b.shape != (k,):
        raise GradeFailure(
            f"{b_outcome.call}: expected an array of shape ({k},), got {describe_value(value[1])}"
        )
    if not (np.all(np.isfinite(W)) and np.all(np.isfinite(b))):
        raise GradeFailure(
            f"{outcome.call} returned non-finite values: W = {describe_value(W)}, b = {describe_value(b)}\n  "
            "gradient descent diverged or exp overflowed: check the gradient (a mean over the samples, "
            "P - Y) and subtract each row's maximum logit before the softmax"
        )
    return W, b


def _check_fit(outcome, X, y, l2=1e-2, what="", obj_rtol=1e-6, atol=1e-4, proba_atol=1e-5):
    X, y = np.asarray(X, float), np.asarray(y)
    k = np.unique(y).size
    W, b = _parts(outcome, X.shape[1], k)  # first: a stub stops here, before the sklearn fit
    ref_W, ref_b = reference(X, y, l2)
    reached, optimum = objective(W, b, X, y, l2), objective(ref_W, ref_b, X, y, l2)

    def failure(text):
        return GradeFailure(with_hints(text, *fit_hints(W, b, outcome.args, outcome.kwargs, FIT_MISTAKES)))

    if reached > optimum + obj_rtol * abs(optimum):
        raise failure(
            f"{outcome.call}\n  reached the objective mean(cross-entropy) + (l2/2)||W||^2 = {reached!r}\n  "
            f"the optimum is {optimum!r}  ({REFERENCE}{what})\n  your W = {describe_value(W)}, b = "
            f"{describe_value(b)}\n  the optimum's W = {describe_value(ref_W)}, b = {describe_value(ref_b)}\n"
            "  a correct gradient descent with the documented lr and n_iter gets there: check the "
            "gradient, the column of each class, and that you take n_iter steps of size lr"
        )
    for part, got, want, name in ((0, W, ref_W, "W"), (1, b, ref_b, "b")):
        if not np.allclose(got, want, rtol=atol, atol=atol):
            raise failure(
                f"{outcome.part(part, name).call}\n  expected {describe_value(want)}  ({REFERENCE}{what}, "
                f"within {atol:g})\n  got      {describe_value(got)}"
            )
    got_p, want_p = softmax(X @ W + b, axis=1), softmax(X @ ref_W + ref_b, axis=1)
    if not np.allclose(got_p, want_p, rtol=0, atol=proba_atol):
        raise failure(
            f"{outcome.call}: softmax(X @ W + b) differs from predict_proba(X) of {REFERENCE}{what} "
            f"by up to {np.max(np.abs(got_p - want_p)):.3g} (allowed {proba_atol:g})"
        )


def _data(rng, n, d, k, scale=1.5):
    X = rng.normal(size=(n, d))
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    W = rng.normal(scale=scale, size=(d, k))
    P = softmax(X @ W + 0.3 * rng.normal(size=k), axis=1)
    y = (rng.uniform(size=(n, 1)) > np.cumsum(P, axis=1)).sum(axis=1)
    y[:k] = np.arange(k)  # every class occurs
    return X, y


@points(3)
def test_matches_sklearn_with_the_defaults(softmax_regression_fit):
    rng = seeded(1601)
    for n, d, k in ((120, 2, 3), (200, 3, 4), (300, 4, 5)):
        X, y = _data(rng, n, d, k)
        _check_fit(softmax_regression_fit.call(X, y), X, y, what=" with l2=1e-2 (the default)")


@points(1)
def test_two_classes_and_other_labels(softmax_regression_fit):
    rng = seeded(1602)
    X, y = _data(rng, 150, 3, 2)
    _check_fit(softmax_regression_fit.call(X, y), X, y, what=": two classes, W of shape (d, 2)")
    X, y = _data(rng, 150, 2, 3)
    for labels in (np.array([1, 2, 3]), np.array(["cat", "dog", "emu"]), np.array([7, -1, 5])):
        relabelled = labels[y]
        shown = ", ".join(map(str, sorted(labels.tolist())))
        _check_fit(
            softmax_regression_fit.call(X, relabelled),
            X,
            relabelled,
            what=f": labels {{{shown}}}, columns in sorted order",
        )


@points(1)
def test_honours_l2_and_leaves_the_intercepts_unpenalised(softmax_regression_fit):
    rng = seeded(1603)
    X, y = _data(rng, 150, 3, 3, scale=1.0)
    y[(X[:, 0] > 0.3) & (y == 0)] = 2  # unbalanced classes: the intercepts matter
    for l2 in (0.1, 0.03):
        _check_fit(softmax_regression_fit.call(X, y, l2=l2), X, y, l2, f" with l2={l2}")


@cached_reference
def descent(X, y, l2=1e-2, lr=0.1, n_iter=5000, *, bias_l2=0.0):
    """The documented algorithm itself: n_iter gradient steps from W = 0, b = 0 (float64)."""
    X = np.asarray(X, float)
    classes, index = np.unique(np.asarray(y), return_inverse=True)
    n, d = X.shape
    Y = np.eye(classes.size)[index]
    W, b = np.zeros((d, classes.size)), np.zeros(classes.size)
    for _ in range(int(n_iter)):
        G = softmax(X @ W + b, axis=1) - Y
        W, b = W - lr * (X.T @ G / n + l2 * W), b - lr * (G.mean(axis=0) + bias_l2 * b)
    return W, b


def _wrong_descent(**how):
    def wrong(X, y, l2=1e-2, lr=0.1, n_iter=5000):
        knobs = {"l2": l2, "lr": lr, "n_iter": n_iter, **how}
        if "bias_l2" in how:
            knobs["bias_l2"] = l2
        return descent(X, y, **knobs)

    return wrong


def _descent_first_appearance(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    order = np.argsort(np.unique(np.asarray(y), return_index=True)[1])
    W, b = descent(X, y, l2, lr, n_iter)
    return W[:, order], b[order]


TRAJECTORY_MISTAKES = (
    Mistake("use the l2 you are given: your fit is the one for the default l2=1e-2", _wrong_descent(l2=1e-2)),
    Mistake("use the lr you are given: your steps have the default size lr=0.1", _wrong_descent(lr=0.1)),
    Mistake("take n_iter steps: your fit took the default 5000", _wrong_descent(n_iter=5000)),
    Mistake(
        "the intercepts are not penalised: their gradient is mean(P - Y), without l2 * b",
        _wrong_descent(bias_l2=1.0),
    ),
    Mistake(
        "column c of W is the c-th class in sorted order (np.unique(y)): you numbered the classes in "
        "order of first appearance",
        _descent_first_appearance,
    ),
)


@points(1)
def test_honours_lr_and_n_iter(softmax_regression_fit):
    rng = seeded(1604)
    X, y = _data(rng, 120, 3, 3)
    y = np.array(["c", "a", "b"])[y]  # classes appear out of sorted order
    for n_iter in (1, 2, 3):
        outcome = softmax_regression_fit.call(X, y, l2=0.2, lr=0.5, n_iter=n_iter)
        expected = descent(X, y, 0.2, 0.5, n_iter)
        what = f"{n_iter} gradient step(s) of size lr from W = 0, b = 0"
        expect_parts(
            outcome, expected, ("W", "b"), reference=what, mistakes=TRAJECTORY_MISTAKES, rtol=1e-9, atol=1e-12
        )
    _check_fit(softmax_regression_fit.call(X, y, l2=0.1, lr=1.0, n_iter=300), X, y, 0.1, " with l2=0.1")


def _far_from_standard(values, rng):
    """Features of scale 1e3 with means of 1e4 (nobody standardised them), a few tiny steps."""
    X = values["X"]
    values["X"] = 1e3 * X + 1e4 * rng.uniform(-1, 1, size=X.shape[1])
    values.update(lr=1e-8, n_iter=5)
    return values


def _logits_in_the_thousands(values, rng):
    """Features of scale 1e3 and big steps: after one step the logits are in the thousands."""
    values["X"] = 1e3 * values["X"]
    values.update(lr=0.05, n_iter=3)
    return values


def _every_keyword(values, rng):
    """l2, lr and n_iter all away from their defaults at once."""
    values.update(l2=0.3, lr=0.7, n_iter=40)
    return values


DOMAIN = Domain(
    seed=1611,
    args=(
        Reals("X", ("n", "d"), loc=0.5),
        Labels(
            "y",
            classes=(0, 1, 2),
            alternatives=((1, 2, 3), ("cat", "dog", "emu"), (7, -1, 5)),
            bad_label=None,
        ),
    ),
    sizes={"n": (3, 12, 40, 120), "d": (1, 3, 2, 4)},
    params=(
        Param(
            "l2", 1e-2, values=(0.1, 0.0), invalid=(-0.1, float("nan")), why_invalid="is not a number >= 0"
        ),
        Param("lr", 0.1, values=(0.5,), invalid=(0.0, -1.0, float("nan")), why_invalid="is not a number > 0"),
        Param("n_iter", 5000, values=(0, 1, 7), invalid=(-1, 2.5), why_invalid="is not an integer >= 0"),
    ),
    custom={
        "features of scale 1e3, means 1e4": _far_from_standard,
        "logits in the thousands": _logits_in_the_thousands,
        "every keyword changed": _every_keyword,
    },
)
"""The domain's cases are judged against the documented algorithm (:func:`descent`), step for
step: the random tests above judge the optimum it converges to."""


TRAJECTORY = Trajectory(
    descent,
    ("W", "b"),
    "n_iter gradient steps of size lr from W = 0, b = 0 (the docstring's update)",
    TRAJECTORY_MISTAKES,
    parts=lambda outcome, case: _parts(outcome, np.shape(case.args[0])[1], np.unique(case.args[1]).size),
    refuses=lambda case: "y holds one class only" if np.unique(case.args[1]).size < 2 else None,
)


@points(2)
def test_every_corner_of_the_domain(softmax_regression_fit):
    TRAJECTORY.expect_corners(softmax_regression_fit, DOMAIN)


@points(1)
def test_rejects_bad_input(softmax_regression_fit):
    X = [[1.0, 2.0], [0.5, -1.0], [0.0, 1.0], [-1.0, 0.5]]
    y = [1, 0, 2, 0]
    expect_rejected(
        softmax_regression_fit,
        [
            BadInput(
                "y holds one class only, so the unpenalised intercepts have no optimum", (X, [2, 2, 2, 2])
            ),
            BadInput("y holds one class only", (X, ["a", "a", "a", "a"])),
            BadInput("X has 4 rows and y 3 labels", (X, [1, 0, 2])),
            BadInput("y has 1 label for 4 rows of X (numpy would broadcast it)", (X, [1])),
            BadInput("the input is empty", (np.zeros((0, 2)), [])),
            BadInput("y must be 1-D labels, not a one-hot matrix", (X, np.eye(3)[y])),
            BadInput(
                "X must be 2-D (n, d): use X.reshape(-1, 1) for one feature", ([1.0, 2.0, 0.0, -1.0], y)
            ),
            BadInput("l2 must be >= 0", (X, y), {"l2": -0.1}),
            BadInput("lr must be > 0", (X, y), {"lr": 0.0}),
            BadInput("n_iter must be a non-negative integer", (X, y), {"n_iter": -1}),
            *DOMAIN.bad_inputs(),
        ],
    )


@robust()
@points(1)
def test_one_sample_per_class_and_logits_in_the_tens_of_thousands(softmax_regression_fit):
    """Six classes of one sample each (string labels), then features of scale 1e3 and means 1e4."""
    rng = seeded(1604)
    X = rng.normal(size=(6, 2))
    labels = np.array(["f", "a", "e", "b", "d", "c"])
    TRAJECTORY.judge(softmax_regression_fit, Case("one sample per class", (X, labels), {"n_iter": 200}))
    X, y = _data(rng, 40, 2, 3)
    X = 1e3 * X + 1e4 * np.array([1.0, -0.5])
    TRAJECTORY.judge(softmax_regression_fit, Case("logits up to 1e5", (X, y), {"lr": 1e-3, "n_iter": 10}))


def _fast_inputs(n, rng):
    X, y = _data(rng, n // 5, 5, 3)
    return {"X": X, "y": y}


FAST = Fast(
    inputs=_fast_inputs,
    size=20_000,
    within=5.0,
    why="5000 gradient steps (the default n_iter) over 4000 samples of 5 features, 3 classes: the "
    "steps are sequential, each a pass over the data",
)


PROPERTIES = (Differential("softmax_regression_fit", DOMAIN, judge=TRAJECTORY.judge),)
