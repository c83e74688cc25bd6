"""Wrong versions of losses/cross_entropy_from_logits."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(y_true, logits):
    y, z = np.asarray(y_true), np.asarray(logits, float)
    if y.ndim != 1 or z.ndim != 2 or len(y) != len(z) or y.size == 0:
        raise ValueError("bad shapes")
    if np.any(y < 0) or np.any(y >= z.shape[1]) or np.any(y % 1):
        raise ValueError("bad labels")
    return y.astype(int), z


@mutant("cross_entropy_from_logits", hint="subtract each row's maximum")
def naive_softmax(y_true, logits):
    y, z = _checked(y_true, logits)
    e = np.exp(z)
    p = e / e.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(y)), y])))


@mutant("cross_entropy_from_logits", hint="axis=1")
def normalises_over_samples(y_true, logits):
    y, z = _checked(y_true, logits)
    shifted = z - z.max(axis=0, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    return float(-np.mean(log_p[np.arange(len(y)), y]))


@mutant("cross_entropy_from_logits", hint="did not add it back")
def forgets_the_max(y_true, logits):
    y, z = _checked(y_true, logits)
    m = z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(z - m).sum(axis=1))
    return float(np.mean(log_norm - z[np.arange(len(y)), y]))


@mutant("cross_entropy_from_logits")
def no_label_check(y_true, logits):
    y, z = np.asarray(y_true).astype(int), np.asarray(logits, float)
    if z.ndim != 2 or len(y) != len(z) or y.size == 0:
        raise ValueError("bad shapes")
    shifted = z - z.max(axis=1, keepdims=True)
    log_p = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return float(-np.mean(log_p[np.arange(len(y)), y % z.shape[1]]))


@mutant("cross_entropy_from_logits", hint="log of the (stabilised) softmax")
def log_of_stabilised_softmax(y_true, logits):
    y, z = _checked(y_true, logits)
    e = np.exp(z - z.max(axis=1, keepdims=True))
    p = e / e.sum(axis=1, keepdims=True)
    return float(-np.mean(np.log(p[np.arange(len(y)), y])))


@mutant("cross_entropy_from_logits")
def shifts_in_the_input_dtype(y_true, logits):
    """uint8 logits: z - z.max() wraps around before the float conversion."""
    _checked(y_true, logits)
    y, z = np.asarray(y_true).astype(int), np.asarray(logits)
    shifted = (z - z.max(axis=1, keepdims=True)).astype(float)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    return float(np.mean(log_norm - shifted[np.arange(len(y)), y]))


@mutant("cross_entropy_from_logits")
def shifts_in_place(y_true, logits):
    """Subtracts the row maximum from the caller's array: a read-only input raises."""
    _checked(y_true, logits)
    y, z = np.asarray(y_true).astype(int), np.asarray(logits)
    if z.dtype.kind != "f":
        z = z.astype(float)
    z -= z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(z).sum(axis=1))
    return float(np.mean(log_norm - z[np.arange(len(y)), y]))


@mutant("cross_entropy_from_logits", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(y_true, logits):
    """Converts integer logits only: float32 logits near +-3e38 overflow in z - max(z)."""
    y, _ = _checked(y_true, logits)
    z = np.asarray(logits)
    z = z if z.dtype.kind == "f" else z.astype(float)
    shifted = z - z.max(axis=1, keepdims=True)
    log_norm = np.log(np.exp(shifted).sum(axis=1))
    return float(np.mean(log_norm - shifted[np.arange(len(y)), y]))


@mutant("cross_entropy_from_logits", level=3)
def python_loop(y_true, logits):
    """Correct, one row at a time: far slower than numpy at n = 1e6 values."""
    y, z = _checked(y_true, logits)
    total = 0.0
    for label, row in zip(y.tolist(), z.tolist(), strict=True):
        m = max(row)
        total += m + math.log(sum(math.exp(v - m) for v in row)) - row[label]
    return total / len(y)
