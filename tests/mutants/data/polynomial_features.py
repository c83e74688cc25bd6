"""Wrong versions of data/polynomial_features."""

from itertools import combinations, combinations_with_replacement

import numpy as np

from mlkata.mutants import mutant


def _checked(X, degree):
    X = np.asarray(X)
    if X.ndim != 2 or 0 in X.shape or X.dtype.kind not in "biuf":
        raise ValueError("bad X")
    if isinstance(degree, bool) or not isinstance(degree, int | np.integer) or degree < 1:
        raise ValueError("bad degree")
    return X


def _columns(X, tuples):
    return np.column_stack([np.prod(X[:, list(t)], axis=1) if t else np.ones(len(X)) for t in tuples])


def _all(d, low, high, how=combinations_with_replacement):
    return [t for q in range(low, high + 1) for t in how(range(d), q)]


@mutant("polynomial_features", hint="include_bias=False leaves out")
def always_the_bias(X, degree=2, include_bias=True):
    X = _checked(X, degree).astype(float)
    return _columns(X, _all(X.shape[1], 0, degree))


@mutant("polynomial_features", hint="not combinations")
def interaction_terms_only(X, degree=2, include_bias=True):
    X = _checked(X, degree).astype(float)
    return _columns(X, _all(X.shape[1], 0 if include_bias else 1, degree, combinations))


@mutant("polynomial_features", hint="not degree alone")
def highest_degree_only(X, degree=2, include_bias=True):
    X = _checked(X, degree).astype(float)
    tuples = ([()] if include_bias else []) + list(combinations_with_replacement(range(X.shape[1]), degree))
    return _columns(X, tuples)


@mutant("polynomial_features", hint="up to and including degree")
def stops_one_degree_short(X, degree=2, include_bias=True):
    X = _checked(X, degree).astype(float)
    return _columns(X, _all(X.shape[1], 0 if include_bias else 1, max(degree - 1, 1)))


@mutant("polynomial_features", hint="not the powers first")
def powers_before_mixed_terms(X, degree=2, include_bias=True):
    X = _checked(X, degree).astype(float)
    tuples = []
    for q in range(0 if include_bias else 1, degree + 1):
        terms = list(combinations_with_replacement(range(X.shape[1]), q))
        tuples += [t for t in terms if len(set(t)) <= 1] + [t for t in terms if len(set(t)) > 1]
    return _columns(X, tuples)


@mutant("polynomial_features", hint="products wrap around")
def products_in_the_input_dtype(X, degree=2, include_bias=True):
    X = _checked(X, degree)
    columns = [np.ones(len(X))] if include_bias else []
    for t in _all(X.shape[1], 1, degree):
        column = X[:, t[0]].copy()
        for i in t[1:]:
            column *= X[:, i]  # stays uint8 / int8 and wraps
        columns.append(column)
    return np.column_stack(columns).astype(float)


@mutant("polynomial_features", hint="return a float64 array")
def integer_result_for_integer_x(X, degree=2, include_bias=True):
    X = _checked(X, degree)
    wide = X.astype(np.int64) if X.dtype.kind in "biu" else X.astype(float)
    columns = [np.ones(len(X), wide.dtype)] if include_bias else []
    columns += [np.prod(wide[:, list(t)], axis=1) for t in _all(X.shape[1], 1, degree)]
    return np.column_stack(columns)


@mutant("polynomial_features")
def one_dimensional_x_as_one_feature(X, degree=2, include_bias=True):
    X = np.asarray(X)
    if X.ndim == 1:
        X = X.reshape(-1, 1)
    X = _checked(X, degree).astype(float)
    return _columns(X, _all(X.shape[1], 0 if include_bias else 1, degree))


@mutant("polynomial_features")
def accepts_degree_zero(X, degree=2, include_bias=True):
    X = np.asarray(X)
    if X.ndim != 2 or 0 in X.shape or X.dtype.kind not in "biuf":
        raise ValueError("bad X")
    X = X.astype(float)
    tuples = _all(X.shape[1], 0 if include_bias else 1, int(degree))
    return _columns(X, tuples) if tuples else np.ones((len(X), 1))


@mutant("polynomial_features", hint="keeps a float32 input's dtype")
def keeps_a_float32_x(X, degree=2, include_bias=True):
    """Products in X's own float dtype: float32 in, float32 out (the docstring promises float64)."""
    X = _checked(X, degree)
    X = X if X.dtype.kind == "f" else X.astype(float)
    columns = [np.ones(len(X), X.dtype)] if include_bias else []
    columns += [np.prod(X[:, list(t)], axis=1) for t in _all(X.shape[1], 1, degree)]
    return np.column_stack(columns)
