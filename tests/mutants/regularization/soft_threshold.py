"""Wrong versions of regularization/soft_threshold."""

import numpy as np

from mlkata.mutants import mutant


def _checked(x, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    return np.asarray(x, float)


@mutant("soft_threshold", hint="put the sign back")
def sign_lost(x, lam):
    return np.maximum(np.abs(_checked(x, lam)) - lam, 0.0)


@mutant("soft_threshold", hint="must not cross zero")
def no_clipping_at_zero(x, lam):
    x = _checked(x, lam)
    return x - lam * np.sign(x)


@mutant("soft_threshold", hint="HARD thresholding")
def hard_threshold(x, lam):
    x = _checked(x, lam)
    return np.where(np.abs(x) > lam, x, 0.0)


@mutant("soft_threshold", hint="one-sided")
def relu_shift(x, lam):
    return np.maximum(_checked(x, lam) - lam, 0.0)


@mutant("soft_threshold", hint="raise ValueError for lam < 0")
def negative_lam_accepted(x, lam):
    x = np.asarray(x, float)
    return np.sign(x) * np.maximum(np.abs(x) - lam, 0.0)


@mutant("soft_threshold")
def loops_over_a_vector(x, lam):
    if lam < 0:
        raise ValueError("lam must be >= 0")
    if np.ndim(x) == 0:
        return float(np.sign(x) * max(abs(x) - lam, 0.0))
    return np.array([np.sign(v) * max(abs(v) - lam, 0.0) for v in np.ravel(x)])
