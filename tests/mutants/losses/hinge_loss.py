"""Wrong versions of losses/hinge_loss."""

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, decision):
    y, d = np.asarray(y_true), np.asarray(decision, float)
    if y.shape != d.shape or y.size == 0 or y.ndim != 1:
        raise ValueError("bad input")
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")
    return y, d


@mutant("hinge_loss", hint="max(0, ...)")
def without_the_max(y_true, decision):
    y, d = _checked(y_true, decision)
    return float(np.mean(1 - y * d))


@mutant("hinge_loss", hint="divide by n")
def sum_not_mean(y_true, decision):
    y, d = _checked(y_true, decision)
    return float(np.sum(np.maximum(0, 1 - y * d)))


@mutant("hinge_loss")
def zero_one_labels_accepted(y_true, decision):
    y, d = np.asarray(y_true), np.asarray(decision, float)
    if y.shape != d.shape or y.size == 0:
        raise ValueError("bad input")
    return float(np.mean(np.maximum(0, 1 - y * d)))


@mutant("hinge_loss", hint="squared hinge")
def squared_hinge(y_true, decision):
    y, d = _checked(y_true, decision)
    return float(np.mean(np.maximum(0, 1 - y * d) ** 2))


@mutant("hinge_loss")
def python_max_not_elementwise(y_true, decision):
    y, d = _checked(y_true, decision)
    return float(max(0.0, float(np.mean(1 - y * d))))


@mutant("hinge_loss")
def losses_in_an_integer_array(y_true, decision):
    """np.zeros_like(y) is an integer array for integer labels: each float loss is truncated."""
    y, d = _checked(y_true, decision)
    losses = np.zeros_like(np.asarray(y_true))
    for i in range(len(y)):
        losses[i] = max(0.0, 1 - y[i] * d[i])
    return float(np.mean(losses))


@mutant("hinge_loss")
def margins_in_place(y_true, decision):
    """Multiplies the caller's decision array by y: a read-only input raises."""
    y, _ = _checked(y_true, decision)
    d = np.asarray(decision)
    if d.dtype.kind != "f":
        d = d.astype(float)
    d *= y
    return float(np.mean(np.maximum(0, 1 - d)))


@mutant("hinge_loss", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(y_true, decision):
    """Converts integer decisions only: float32 losses near 3e38 overflow in their float32 sum."""
    y, _ = _checked(y_true, decision)
    d = np.asarray(decision)
    d = d if d.dtype.kind == "f" else d.astype(float)
    return float(np.mean(np.maximum(0, 1 - y * d)))
