"""Wrong versions of trees/best_split: a plain loop over features and thresholds, one slip each."""

import itertools

import numpy as np

from mlkata.mutants import mutant


def _impurity(y, criterion, log=np.log2):
    p = np.unique(y, return_counts=True)[1] / np.size(y)
    return 1 - np.sum(p**2) if criterion == "gini" else -np.sum(p * log(p))


def _gain(y, left, criterion, log=np.log2, weighted=True):
    il, ir = _impurity(y[left], criterion, log), _impurity(y[~left], criterion, log)
    share = left.mean()
    children = share * il + (1 - share) * ir if weighted else (il + ir) / 2
    return _impurity(y, criterion, log) - children


def _checked(X, y, criterion, dtype=float):
    X, y = np.asarray(X, dtype=dtype), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.size or X.size == 0:
        raise ValueError("bad shapes")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    if criterion not in ("gini", "entropy"):
        raise ValueError("bad criterion")
    return X, y


def _best(
    X,
    y,
    criterion="gini",
    *,
    dtype=float,
    use=None,
    ties="first",
    place="mid",
    between="distinct",
    log=np.log2,
    weighted=True,
    report="gain",
    gap=0.0,
    zero_gain="split",
):
    raw = np.asarray(X)
    X, y = _checked(X, y, criterion, dtype)
    criterion = use or criterion
    best = None
    for j in range(X.shape[1]):
        column = X[:, j]
        if between == "distinct":
            values = np.unique(column)
            keep = np.diff(values) > gap
            pairs = list(zip(values[:-1][keep], values[1:][keep], strict=True))
        elif between == "positions":
            xs = np.sort(column)
            pairs = list(itertools.pairwise(xs))
        else:  # "with the maximum": a threshold at the largest value too, everything on the left
            values = np.unique(column)
            pairs = [(values[0], values[0])] if values.size == 1 else []
            pairs += list(itertools.pairwise(values))
        for i, (low, high) in enumerate(pairs):
            if between == "positions":
                left = np.zeros(y.size, dtype=bool)
                left[np.argsort(column, kind="stable")[: i + 1]] = True
            elif place == "sum":  # split at the threshold itself: inf sends every sample left
                with np.errstate(over="ignore"):
                    left = column <= (low + high) / 2
            else:
                left = column <= low
            if left.all():
                g = 0.0
            else:
                g = _gain(y, left, criterion, log, weighted)
            better = best is None or g > best[3] + 1e-12 or (ties == "last" and g >= best[3] - 1e-12)
            if better:
                best = (j, low, high, g)
    if best is None:
        raise ValueError("no split")
    j, low, high, g = best
    if zero_gain == "refuse" and g <= 1e-12:
        raise ValueError("no split improves the impurity")
    with np.errstate(all="ignore"):
        threshold = {
            "mid": low / 2 + high / 2,
            "low": low,
            "high": high,
            "floor": (low + high) // 2,
            "sum": (low + high) / 2,
            "dtype": (np.asarray(raw)[:, j].dtype.type(low) + np.asarray(raw)[:, j].dtype.type(high)) / 2,
        }[place]
    if report == "children":
        g = _impurity(y, criterion, log) - g
    return int(j), float(threshold), float(g)


@mutant("best_split", hint="strictly larger gain")
def ties_to_the_last(X, y, criterion="gini"):
    return _best(X, y, criterion, ties="last")


@mutant("best_split", hint="not the lower one")
def threshold_at_the_lower_value(X, y, criterion="gini"):
    return _best(X, y, criterion, place="low")


@mutant("best_split", hint="not the upper one")
def threshold_at_the_upper_value(X, y, criterion="gini"):
    return _best(X, y, criterion, place="high")


@mutant("best_split", hint="floor division")
def integer_midpoint(X, y, criterion="gini"):
    """Halves with //: the midpoint of 3 and 4 becomes 3 (and of 1.2 and 3.9, 2.0)."""
    X = np.asarray(X)
    return _best(X, y, criterion, dtype=X.dtype if X.dtype.kind in "iu" else float, place="floor")


@mutant("best_split", hint="wrapped around")
def midpoint_in_the_input_dtype(X, y, criterion="gini"):
    return _best(X, y, criterion, place="dtype")


@mutant("best_split", hint="DISTINCT values")
def splits_between_equal_values(X, y, criterion="gini"):
    return _best(X, y, criterion, between="positions")


@mutant("best_split", hint="criterion you are given")
def criterion_ignored(X, y, criterion="gini"):
    return _best(X, y, criterion, use="gini")


@mutant("best_split", hint="not one half each")
def children_not_weighted(X, y, criterion="gini"):
    return _best(X, y, criterion, weighted=False)


@mutant("best_split", hint="not ln")
def entropy_in_nats(X, y, criterion="gini"):
    return _best(X, y, criterion, log=np.log)


@mutant("best_split", hint="not the children's impurity")
def children_impurity_returned(X, y, criterion="gini"):
    return _best(X, y, criterion, report="children")


@mutant("best_split", hint="not an error")
def refuses_when_no_split_improves(X, y, criterion="gini"):
    return _best(X, y, criterion, zero_gain="refuse")


@mutant("best_split")
def constant_features_split_at_their_value(X, y, criterion="gini"):
    """A constant feature 'splits' with everything on the left (gain 0): a pure y picks it."""
    return _best(X, y, criterion, between="with the maximum")


@mutant("best_split")
def float32_features(X, y, criterion="gini"):
    """X in float32 (as scikit-learn stores it): 1e9 + x loses every digit after the decimal point."""
    return _best(np.asarray(X, dtype=np.float32), y, criterion, dtype=np.float32)


@mutant("best_split")
def values_within_1e7_are_equal(X, y, criterion="gini"):
    """scikit-learn's FEATURE_THRESHOLD copied: a feature of scale 1e-9 looks constant."""
    return _best(X, y, criterion, gap=1e-7)


@mutant("best_split")
def nan_not_refused(X, y, criterion="gini"):
    X = np.asarray(X, dtype=float)
    if np.isnan(X).any():
        return 0, 0.0, 0.0
    return _best(X, y, criterion)


@mutant("best_split", hint="overflows to inf")
def midpoint_as_half_the_sum(X, y, criterion="gini"):
    """(low + high) / 2, and X <= it: inf past half the float64 maximum sends every sample left."""
    return _best(X, y, criterion, place="sum")


@mutant("best_split", hint="compare it as given")
def criterion_lowered(X, y, criterion="gini"):
    """criterion.lower() first: "Gini" and "ENTROPY" are accepted, which the docstring refuses."""
    return _best(X, y, criterion.lower() if isinstance(criterion, str) else criterion)


@mutant("best_split", hint="can round up to high itself", level=2)
def midpoint_of_adjacent_floats_not_clamped(X, y, criterion="gini"):
    # low / 2 + high / 2, never overflowing: right unless low and high are adjacent floats
    return _best(X, y, criterion)
