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


@mutant("hinge_loss", hint="labels in {0, 1} must be rejected")
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
