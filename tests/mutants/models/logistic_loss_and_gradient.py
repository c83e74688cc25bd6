"""Wrong versions of models/logistic_loss_and_gradient."""

import numpy as np

from mlkata.mutants import mutant


def _checked(w, b, X, y, l2):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y)
    if X.ndim != 2 or w.ndim != 1 or y.ndim != 1 or X.shape != (y.size, w.size) or y.size == 0:
        raise ValueError("bad input")
    if not np.all((y == 0) | (y == 1)) or l2 < 0:
        raise ValueError("bad labels or l2")
    return w, float(b), X, y.astype(float)


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def _loss(z, y):
    return np.logaddexp(0.0, z) - y * z


@mutant("logistic_loss_and_gradient")
def gradient_without_one_over_n(w, b, X, y, l2=0.0):
    w, b, X, y = _checked(w, b, X, y, l2)
    z = X @ w + b
    r = _sigmoid(z) - y
    return float(np.mean(_loss(z, y)) + 0.5 * l2 * w @ w), X.T @ r + l2 * w, float(np.sum(r))


@mutant("logistic_loss_and_gradient", hint="not y - p")
def gradient_sign_error(w, b, X, y, l2=0.0):
    w, b, X, y = _checked(w, b, X, y, l2)
    z = X @ w + b
    r = y - _sigmoid(z)
    return float(np.mean(_loss(z, y)) + 0.5 * l2 * w @ w), X.T @ r / len(y) + l2 * w, float(np.mean(r))


@mutant("logistic_loss_and_gradient", hint="the intercept b is not penalised")
def intercept_penalised(w, b, X, y, l2=0.0):
    w, b, X, y = _checked(w, b, X, y, l2)
    z = X @ w + b
    r = _sigmoid(z) - y
    loss = np.mean(_loss(z, y)) + 0.5 * l2 * (w @ w + b * b)
    return float(loss), X.T @ r / len(y) + l2 * w, float(np.mean(r) + l2 * b)


@mutant("logistic_loss_and_gradient", hint="with the factor one half")
def penalty_without_the_half(w, b, X, y, l2=0.0):
    w, b, X, y = _checked(w, b, X, y, l2)
    z = X @ w + b
    r = _sigmoid(z) - y
    return float(np.mean(_loss(z, y)) + l2 * w @ w), X.T @ r / len(y) + 2 * l2 * w, float(np.mean(r))


@mutant("logistic_loss_and_gradient", hint="caps each loss at -log(eps)")
def clipped_probabilities(w, b, X, y, l2=0.0):
    w, b, X, y = _checked(w, b, X, y, l2)
    p = np.clip(_sigmoid(X @ w + b), 1e-15, 1 - 1e-15)
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) + 0.5 * l2 * w @ w
    return float(loss), X.T @ (p - y) / len(y) + l2 * w, float(np.mean(p - y))


@mutant("logistic_loss_and_gradient", hint="np.logaddexp(0, z)")
def log_of_naive_sigmoid(w, b, X, y, l2=0.0):
    w, b, X, y = _checked(w, b, X, y, l2)
    p = 1 / (1 + np.exp(-(X @ w + b)))
    loss = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) + 0.5 * l2 * w @ w
    return float(loss), X.T @ (p - y) / len(y) + l2 * w, float(np.mean(p - y))


@mutant("logistic_loss_and_gradient")
def plus_minus_one_labels_accepted(w, b, X, y, l2=0.0):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    if X.ndim != 2 or X.shape != (y.size, w.size) or y.size == 0 or l2 < 0:
        raise ValueError("bad input")
    y = (y > 0).astype(float)
    z = X @ w + b
    r = _sigmoid(z) - y
    return float(np.mean(_loss(z, y)) + 0.5 * l2 * w @ w), X.T @ r / len(y) + l2 * w, float(np.mean(r))


@mutant("logistic_loss_and_gradient")
def gradient_accumulated_into_zeros_like_w(w, b, X, y, l2=0.0):
    """A loop over the samples adds into np.zeros_like(w): an integer w makes that array integer."""
    _checked(w, b, X, y, l2)
    if np.ndim(b) != 0:
        raise ValueError("b must be a number")
    w, X, y = np.asarray(w), np.asarray(X), np.asarray(y, dtype=float)
    n = len(y)
    grad_w, grad_b, total = np.zeros_like(w), 0.0, 0.0
    for x_i, y_i in zip(X, y, strict=True):
        z = float(x_i @ w + b)
        total += np.logaddexp(0.0, z) - y_i * z
        r = _sigmoid(np.array(z)) - y_i
        grad_w += r * x_i / n
        grad_b += float(r) / n
    grad_w += l2 * w
    return float(total / n + 0.5 * l2 * w @ w), grad_w, grad_b


@mutant("logistic_loss_and_gradient", hint="wrote into an input array")
def gradient_aliases_w(w, b, X, y, l2=0.0):
    """grad_w = w; grad_w *= l2: the penalty's gradient written into the caller's w."""
    w_checked, b, X, y = _checked(w, b, X, y, l2)
    if np.ndim(b) != 0:
        raise ValueError("b must be a number")
    w = np.asarray(w)
    if w.dtype.kind != "f":
        w = w_checked
    z = X @ w + b
    loss = float(np.mean(_loss(z, y)) + 0.5 * l2 * w @ w)
    r = _sigmoid(z) - y
    grad_w = w
    grad_w *= l2
    grad_w += X.T @ r / len(y)
    return loss, grad_w, float(np.mean(r))


@mutant("logistic_loss_and_gradient")
def b_given_as_an_array_accepted(w, b, X, y, l2=0.0):
    w, _, X, y = _checked(w, 0.0, X, y, l2)
    b = float(np.asarray(b, dtype=float).reshape(-1)[0])
    z = X @ w + b
    r = _sigmoid(z) - y
    return float(np.mean(_loss(z, y)) + 0.5 * l2 * w @ w), X.T @ r / len(y) + l2 * w, float(np.mean(r))


def _unchecked_result(w, b, X, y, l2):
    w, X, y = np.asarray(w, dtype=float), np.asarray(X, dtype=float), np.asarray(y, dtype=float)
    z = X @ w + float(b)
    r = _sigmoid(z) - y
    return float(np.mean(_loss(z, y)) + 0.5 * l2 * w @ w), X.T @ r / len(X) + l2 * w, float(np.mean(r))


@mutant("logistic_loss_and_gradient")
def nan_l2_accepted(w, b, X, y, l2=0.0):
    """`if l2 < 0` is False for nan: the loss comes back nan instead of a ValueError."""
    _checked(w, b, X, y, 0.0)
    if np.ndim(b) != 0 or l2 < 0:
        raise ValueError("bad b or l2")
    return _unchecked_result(w, b, X, y, l2)


@mutant("logistic_loss_and_gradient")
def one_label_broadcast(w, b, X, y, l2=0.0):
    """No check that y has one label per row: a single label broadcasts over every row."""
    y = np.asarray(y)
    if y.size == 1:
        return _unchecked_result(w, b, X, np.full(len(np.asarray(X)), y.item()), l2)
    _checked(w, b, X, y, l2)
    if np.ndim(b) != 0:
        raise ValueError("b must be a number")
    return _unchecked_result(w, b, X, y, l2)


@mutant("logistic_loss_and_gradient")
def soft_labels_accepted(w, b, X, y, l2=0.0):
    """Checks 0 <= y <= 1 instead of y in {0, 1}: y = 0.5 is not a label."""
    y = np.asarray(y, dtype=float)
    _checked(w, b, X, np.round(y), l2)
    if np.ndim(b) != 0 or np.any((y < 0) | (y > 1)):
        raise ValueError("bad b or labels")
    return _unchecked_result(w, b, X, y, l2)
