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
