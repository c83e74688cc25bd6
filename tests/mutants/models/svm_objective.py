"""Wrong versions of models/svm_objective."""

import numpy as np

from mlkata.mutants import mutant


def _checked(w, b, X, y, C):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or w.ndim != 1 or y.ndim != 1 or X.shape != (y.size, w.size) or y.size == 0:
        raise ValueError("bad input")
    if not np.all((y == -1) | (y == 1)) or C <= 0:
        raise ValueError("bad labels or C")
    return w, float(b), X, y


@mutant("svm_objective")
def mean_of_the_hinges(w, b, X, y, C=1.0):
    w, b, X, y = _checked(w, b, X, y, C)
    return float(0.5 * w @ w + C * np.mean(np.maximum(0, 1 - y * (X @ w + b))))


@mutant("svm_objective", hint="the intercept b is not part of the penalty")
def intercept_penalised(w, b, X, y, C=1.0):
    w, b, X, y = _checked(w, b, X, y, C)
    return float(0.5 * (w @ w + b * b) + C * np.sum(np.maximum(0, 1 - y * (X @ w + b))))


@mutant("svm_objective", hint="one half of ||w||^2")
def without_the_half(w, b, X, y, C=1.0):
    w, b, X, y = _checked(w, b, X, y, C)
    return float(w @ w + C * np.sum(np.maximum(0, 1 - y * (X @ w + b))))


@mutant("svm_objective", hint="C multiplies the hinge losses")
def c_on_the_wrong_term(w, b, X, y, C=1.0):
    w, b, X, y = _checked(w, b, X, y, C)
    return float(C * 0.5 * w @ w + np.sum(np.maximum(0, 1 - y * (X @ w + b))))


@mutant("svm_objective", hint="labels in {0, 1} must be rejected")
def zero_one_labels_accepted(w, b, X, y, C=1.0):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape != (y.size, w.size) or y.size == 0 or C <= 0:
        raise ValueError("bad input")
    return float(0.5 * w @ w + C * np.sum(np.maximum(0, 1 - y * (X @ w + b))))


@mutant("svm_objective")
def margins_in_place(w, b, X, y, C=1.0):
    """margins = X @ w, then += b and *= y in place: on integer X and w that array is integer."""
    _checked(w, b, X, y, C)
    if np.ndim(b) != 0:
        raise ValueError("b must be a number")
    w, X, y = np.asarray(w), np.asarray(X), np.asarray(y)
    margins = X @ w
    margins += b
    margins *= y
    return float(0.5 * w @ w + C * np.sum(np.maximum(0, 1 - margins)))


@mutant("svm_objective", hint="wrote into an input array")
def scales_x_by_the_labels_in_place(w, b, X, y, C=1.0):
    w, b, X_checked, y = _checked(w, b, X, y, C)
    if np.ndim(b) != 0:
        raise ValueError("b must be a number")
    X = np.asarray(X)
    if X.dtype.kind != "f":
        X = X_checked
    X *= y[:, None]
    return float(0.5 * w @ w + C * np.sum(np.maximum(0, 1 - (X @ w + y * b))))


@mutant("svm_objective")
def float_labels_refused(w, b, X, y, C=1.0):
    """Checks the labels' dtype is integer: -1.0 and +1.0 are labels too."""
    if np.asarray(y).dtype.kind == "f":
        raise ValueError("labels must be integers")
    if np.ndim(b) != 0:
        raise ValueError("b must be a number")
    w, b, X, y = _checked(w, b, X, y, C)
    return float(0.5 * w @ w + C * np.sum(np.maximum(0, 1 - y * (X @ w + b))))


@mutant("svm_objective")
def b_given_as_an_array_accepted(w, b, X, y, C=1.0):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or w.ndim != 1 or y.ndim != 1 or X.shape != (y.size, w.size) or y.size == 0:
        raise ValueError("bad input")
    if not np.all((y == -1) | (y == 1)) or C <= 0:
        raise ValueError("bad labels or C")
    b = np.asarray(b, dtype=float).reshape(-1)[0]
    return float(0.5 * w @ w + C * np.sum(np.maximum(0, 1 - y * (X @ w + b))))


def _objective(w, b, X, y, C):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    return float(0.5 * w @ w + C * np.sum(np.maximum(0, 1 - y * (X @ w + np.asarray(b, float)))))


@mutant("svm_objective")
def nan_c_accepted(w, b, X, y, C=1.0):
    """`if C <= 0` is False for nan: the objective comes back nan instead of a ValueError."""
    _checked(w, b, X, y, 1.0)
    if np.ndim(b) != 0 or C <= 0:
        raise ValueError("bad b or C")
    return _objective(w, b, X, y, C)


@mutant("svm_objective")
def one_label_broadcast(w, b, X, y, C=1.0):
    """No check that y has one label per row: a single label broadcasts over every row."""
    y = np.asarray(y)
    if y.size == 1 and len(np.asarray(X)) > 1:
        return _objective(w, b, X, y, C)
    _checked(w, b, X, y, C)
    if np.ndim(b) != 0:
        raise ValueError("b must be a number")
    return _objective(w, b, X, y, C)


@mutant("svm_objective")
def both_classes_required(w, b, X, y, C=1.0):
    """Refuses a y of one class: the objective of any (w, b) is defined on it all the same."""
    _checked(w, b, X, y, C)
    if np.ndim(b) != 0 or set(np.unique(y).tolist()) != {-1, 1}:
        raise ValueError("labels must be -1 and +1")
    return _objective(w, b, X, y, C)


@mutant("svm_objective", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(w, b, X, y, C=1.0):
    # integers widened to float64, float32 kept as given: w @ w overflows for w near 1e20
    if np.ndim(b) != 0 or not C > 0:
        raise ValueError("b must be a number, C > 0")
    _checked(w, b, X, y, C)
    w, X = (np.asarray(v) for v in (w, X))
    w, X = (v if v.dtype.kind == "f" else v.astype(float) for v in (w, X))
    y = np.asarray(y)
    with np.errstate(all="ignore"):
        return float(0.5 * (w @ w) + C * np.sum(np.maximum(0, 1 - y * (X @ w + b))))
