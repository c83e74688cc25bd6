"""Wrong versions of statistics/pearson_correlation."""

import numpy as np

from mlkata.mutants import mutant


def _checked(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.ndim != 1 or x.shape != y.shape or x.size < 2:
        raise ValueError("bad shape")
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise ValueError("not finite")
    if np.ptp(x) == 0 or np.ptp(y) == 0:
        raise ValueError("constant")
    return x, y


def _r(dx, dy):
    return float(np.clip(np.dot(dx, dy) / np.sqrt(np.dot(dx, dx) * np.dot(dy, dy)), -1, 1))


@mutant("pearson_correlation", hint="cosine")
def not_centred(x, y):
    return _r(*_checked(x, y))


@mutant("pearson_correlation", hint="off by n / (n - 1)")
def mixed_ddof(x, y):
    x, y = _checked(x, y)
    cov = np.cov(x, y)[0, 1]  # ddof=1
    return float(cov / (np.std(x) * np.std(y)))  # ddof=0


@mutant("pearson_correlation", hint="slope")
def divides_by_var_x(x, y):
    x, y = _checked(x, y)
    return float(np.cov(x, y)[0, 1] / np.var(x, ddof=1))


@mutant("pearson_correlation", hint="cancels catastrophically")
def one_pass_formula(x, y):
    x, y = _checked(x, y)
    n = x.size
    numerator = n * np.sum(x * y) - np.sum(x) * np.sum(y)
    denominator = np.sqrt((n * np.sum(x * x) - np.sum(x) ** 2) * (n * np.sum(y * y) - np.sum(y) ** 2))
    return float(numerator / denominator)


@mutant("pearson_correlation", hint="wrapped around")
def products_in_the_input_dtype(x, y):
    _checked(x, y)
    x, y = np.asarray(x), np.asarray(y)
    n = x.size
    numerator = n * np.sum(x * y) - np.sum(x) * np.sum(y)
    denominator = np.sqrt((n * np.sum(x * x) - np.sum(x) ** 2) * (n * np.sum(y * y) - np.sum(y) ** 2))
    return float(numerator / denominator)


@mutant("pearson_correlation", hint="'for safety'")
def epsilon_for_safety(x, y):
    x, y = _checked(x, y)
    dx, dy = x - x.mean(), y - y.mean()
    return float(np.dot(dx, dy) / (np.sqrt(np.dot(dx, dx) * np.dot(dy, dy)) + 1e-10))


@mutant("pearson_correlation", hint="clip r")
def not_clipped(x, y):
    x, y = _checked(x, y)
    dx, dy = x - x.mean(), y - y.mean()
    return float(np.dot(dx, dy) / np.sqrt(np.dot(dx, dx) * np.dot(dy, dy)))


@mutant("pearson_correlation", hint="instead of returning nan")
def constant_gives_nan(x, y):
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.ndim != 1 or x.shape != y.shape or x.size < 2 or not np.all(np.isfinite(np.r_[x, y])):
        raise ValueError("bad input")
    dx, dy = x - x.mean(), y - y.mean()
    if not (np.any(dx) and np.any(dy)):
        return float("nan")
    return _r(dx, dy)


@mutant("pearson_correlation")
def constant_check_misses_rounding(x, y):
    """Checks var == 0 after x - mean(x): a constant 0.1 leaves rounding noise, and r is garbage."""
    x, y = np.asarray(x, float), np.asarray(y, float)
    if x.ndim != 1 or x.shape != y.shape or x.size < 2 or not np.all(np.isfinite(np.r_[x, y])):
        raise ValueError("bad input")
    dx, dy = x - x.mean(), y - y.mean()
    if np.dot(dx, dx) == 0 or np.dot(dy, dy) == 0:
        raise ValueError("constant")
    return _r(dx, dy)


@mutant("pearson_correlation", hint="read-only")
def centres_in_place(x, y):
    _checked(x, y)
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    x -= x.mean()
    y -= y.mean()
    return _r(x, y)


@mutant("pearson_correlation", hint="float32 arithmetic overflowed", level=2)
def keeps_float32(x, y):
    # integers widened to float64, float32 kept as given: its squares overflow near 3.4e38
    x, y = (np.asarray(v) for v in (x, y))
    x, y = (v if v.dtype.kind == "f" else v.astype(float) for v in (x, y))
    _checked(x, y)
    dx, dy = x - x.mean(), y - y.mean()
    return _r(dx, dy)


@mutant("pearson_correlation", level=3)
def python_loops(x, y):
    x, y = _checked(x, y)
    xs, ys = x.tolist(), y.tolist()
    x0, y0 = xs[0], ys[0]  # shifted by the first values: far from 0 they keep their digits
    mx = sum(v - x0 for v in xs) / len(xs)
    my = sum(v - y0 for v in ys) / len(ys)
    sxy = sxx = syy = 0.0
    for a, b in zip(xs, ys, strict=True):
        da, db = a - x0 - mx, b - y0 - my
        sxy += da * db
        sxx += da * da
        syy += db * db
    return float(min(max(sxy / (sxx * syy) ** 0.5, -1.0), 1.0))
