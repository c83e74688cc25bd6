"""Wrong versions of trees/information_gain."""

import numpy as np

from mlkata.mutants import mutant


def _impurity(y, criterion, log=np.log2):
    p = np.unique(y, return_counts=True)[1] / np.size(y)
    return 1 - np.sum(p**2) if criterion == "gini" else -np.sum(p * log(p))


def _checked(y, left_mask, criterion):
    y, mask = np.asarray(y), np.asarray(left_mask)
    if y.ndim != 1 or mask.ndim != 1 or y.shape != mask.shape or y.size == 0:
        raise ValueError("bad shapes")
    if criterion not in ("entropy", "gini"):
        raise ValueError("bad criterion")
    if mask.dtype != bool and not np.isin(mask, (0, 1)).all():
        raise ValueError("bad mask")
    mask = mask != 0
    if mask.all() or not mask.any():
        raise ValueError("empty side")
    return y, mask


@mutant("information_gain", hint="averaged the two sides")
def children_not_weighted(y, left_mask, criterion="entropy"):
    y, mask = _checked(y, left_mask, criterion)
    children = (_impurity(y[mask], criterion) + _impurity(y[~mask], criterion)) / 2
    return float(_impurity(y, criterion) - children)


@mutant("information_gain", hint="yours are swapped")
def weights_swapped(y, left_mask, criterion="entropy"):
    y, mask = _checked(y, left_mask, criterion)
    share = mask.mean()
    children = (1 - share) * _impurity(y[mask], criterion) + share * _impurity(y[~mask], criterion)
    return float(_impurity(y, criterion) - children)


@mutant("information_gain", hint="not the natural log")
def entropy_in_nats(y, left_mask, criterion="entropy"):
    y, mask = _checked(y, left_mask, criterion)
    share = mask.mean()
    left, right = _impurity(y[mask], criterion, np.log), _impurity(y[~mask], criterion, np.log)
    return float(_impurity(y, criterion, np.log) - share * left - (1 - share) * right)


@mutant("information_gain", hint="other impurity")
def criterion_ignored(y, left_mask, criterion="entropy"):
    y, mask = _checked(y, left_mask, criterion)
    share = mask.mean()
    left, right = _impurity(y[mask], "entropy"), _impurity(y[~mask], "entropy")
    return float(_impurity(y, "entropy") - share * left - (1 - share) * right)


@mutant("information_gain", hint="used as an index")
def int_mask_as_index(y, left_mask, criterion="entropy"):
    """``y[mask]`` and ``y[~mask]`` on the mask as given: a 0/1 int mask indexes by position."""
    _checked(y, left_mask, criterion)
    y, mask = np.asarray(y), np.asarray(left_mask)
    left, right = y[mask], y[~mask]
    children = left.size * _impurity(left, criterion) + right.size * _impurity(right, criterion)
    return float(_impurity(y, criterion) - children / (left.size + right.size))


@mutant("information_gain", hint="left out the parent")
def parent_left_out(y, left_mask, criterion="entropy"):
    y, mask = _checked(y, left_mask, criterion)
    share = mask.mean()
    return float(-(share * _impurity(y[mask], criterion) + (1 - share) * _impurity(y[~mask], criterion)))


@mutant("information_gain")
def empty_side_scores_zero(y, left_mask, criterion="entropy"):
    """A side with no samples counted as impurity 0 instead of refused."""
    y, mask = np.asarray(y), np.asarray(left_mask) != 0
    if y.size == 0 or y.shape != mask.shape or criterion not in ("entropy", "gini"):
        raise ValueError("bad input")
    parts = [(side.size / y.size) * _impurity(side, criterion) for side in (y[mask], y[~mask]) if side.size]
    return float(_impurity(y, criterion) - sum(parts))


@mutant("information_gain")
def unknown_criterion_means_gini(y, left_mask, criterion="entropy"):
    y, mask = _checked(y, left_mask, "entropy" if criterion == "entropy" else "gini")
    share = mask.mean()
    c = "entropy" if criterion == "entropy" else "gini"
    return float(_impurity(y, c) - share * _impurity(y[mask], c) - (1 - share) * _impurity(y[~mask], c))


@mutant("information_gain")
def any_nonzero_mask_accepted(y, left_mask, criterion="entropy"):
    """np.asarray(left_mask, dtype=bool): a mask holding 2 (or strings) is taken as it comes."""
    y, mask = np.asarray(y), np.asarray(left_mask).astype(bool)
    if y.size == 0 or y.shape != mask.shape or criterion not in ("entropy", "gini"):
        raise ValueError("bad input")
    if mask.all() or not mask.any():
        raise ValueError("empty side")
    share = mask.mean()
    c = criterion
    return float(_impurity(y, c) - share * _impurity(y[mask], c) - (1 - share) * _impurity(y[~mask], c))


def _gain(y, mask, criterion):
    share = mask.mean()
    children = share * _impurity(y[mask], criterion) + (1 - share) * _impurity(y[~mask], criterion)
    return float(_impurity(y, criterion) - children)


@mutant("information_gain", hint="a bare string is one label")
def bare_string_read_by_character(y, left_mask, criterion="entropy"):
    """list(y) of a str: "abc" taken as three labels a, b, c (0-d input accepted)."""
    y = list(y) if isinstance(y, str) else y
    return _gain(*_checked(y, left_mask, criterion), criterion)


@mutant("information_gain", hint="compare it as given")
def criterion_lowered(y, left_mask, criterion="entropy"):
    """criterion.lower() first: "Gini" and "ENTROPY" are accepted, which the docstring refuses."""
    criterion = criterion.lower() if isinstance(criterion, str) else criterion
    return _gain(*_checked(y, left_mask, criterion), criterion)


@mutant("information_gain", hint="labels are any values", level=2)
def counts_integer_labels_by_value(y, left_mask, criterion="entropy"):
    # np.bincount for integer labels (fine up to ★'s labels), np.unique otherwise
    y, mask = _checked(y, left_mask, criterion)
    if y.dtype.kind in "biu":
        codes = y.astype(np.int64)
        codes = codes - codes.min()
        k = int(codes.max()) + 1

        def impurity(part):
            counts = np.bincount(part, minlength=k)
            p = counts[counts > 0] / part.size
            return 1 - np.sum(p**2) if criterion == "gini" else -np.sum(p * np.log2(p))

        left, right = codes[mask], codes[~mask]
        children = left.size * impurity(left) + right.size * impurity(right)
        return float(impurity(codes) - children / codes.size)
    children = mask.sum() * _impurity(y[mask], criterion) + (~mask).sum() * _impurity(y[~mask], criterion)
    return float(_impurity(y, criterion) - children / y.size)
