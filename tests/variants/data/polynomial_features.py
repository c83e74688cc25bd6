"""Correct, differently written versions of data/polynomial_features."""

import itertools
import numbers

import numpy as np


def _checked(X, degree):
    A = np.asarray(X)
    if A.ndim != 2:
        raise ValueError(f"X must be 2-D, got shape {A.shape}")
    if A.shape[0] == 0 or A.shape[1] == 0:
        raise ValueError("X is empty")
    if A.dtype.kind not in "biuf":
        raise ValueError(f"X must be numeric, got dtype {A.dtype}")
    if isinstance(degree, (bool, np.bool_)) or not isinstance(degree, numbers.Integral) or degree < 1:
        raise ValueError("degree must be an integer >= 1")
    return A.astype(np.float64), int(degree)


def variant_combinations_prod(X, degree=2, include_bias=True):
    """itertools.combinations_with_replacement, each column a np.prod over the chosen columns."""
    A, deg = _checked(X, degree)
    n, d = A.shape
    cols = []
    for q in range(0 if include_bias else 1, deg + 1):
        for combo in itertools.combinations_with_replacement(range(d), q):
            cols.append(np.prod(A[:, list(combo)], axis=1) if combo else np.ones(n))
    return np.column_stack(cols)


def variant_exponent_rows(X, degree=2, include_bias=True):
    """Exponent vectors per output column (counts of each feature), column = prod_j x_j ** p_j."""
    A, deg = _checked(X, degree)
    n, d = A.shape
    powers = []
    for q in range(0 if include_bias else 1, deg + 1):
        for combo in itertools.combinations_with_replacement(range(d), q):
            powers.append(np.bincount(np.array(combo, dtype=np.intp), minlength=d))
    out = np.empty((n, len(powers)))
    for c, p in enumerate(powers):
        col = np.ones(n)
        for j in np.flatnonzero(p):
            col = col * A[:, j] ** int(p[j])
        out[:, c] = col
    return out


def variant_memo_dict(X, degree=2, include_bias=True):
    """Each monomial (a sorted index tuple) = its prefix monomial times its last feature,
    memoised in a dict."""
    A, deg = _checked(X, degree)
    n, d = A.shape
    cache = {(): np.ones(n)}
    order = []
    for q in range(1, deg + 1):
        for combo in itertools.combinations_with_replacement(range(d), q):
            cache[combo] = cache[combo[:-1]] * A[:, combo[-1]]
            order.append(combo)
    if include_bias:
        order.insert(0, ())
    return np.stack([cache[c] for c in order], axis=1)
