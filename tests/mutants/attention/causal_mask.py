"""Wrong versions of attention/causal_mask."""

import numpy as np

from mlkata.mutants import mutant


def _n(n):
    if not isinstance(n, int | np.integer) or n < 1:
        raise ValueError("n must be an integer >= 1")
    return n


@mutant("causal_mask", hint="upper triangle")
def future_instead_of_past(n):
    return np.triu(np.ones((_n(n), _n(n)), dtype=bool))


@mutant("causal_mask", hint="keep the diagonal")
def diagonal_left_out(n):
    return np.tril(np.ones((_n(n), _n(n)), dtype=bool), k=-1)


@mutant("causal_mask", hint="inverted")
def true_marks_the_hidden_future(n):
    """torch.nn.Transformer's convention: True where attention is forbidden."""
    return np.triu(np.ones((_n(n), _n(n)), dtype=bool), k=1)


@mutant("causal_mask", hint="k=1")
def one_step_of_look_ahead(n):
    return np.tril(np.ones((_n(n), _n(n)), dtype=bool), k=1)


@mutant("causal_mask", hint="a mask is boolean")
def float_mask(n):
    return np.tril(np.ones((_n(n), _n(n))))


@mutant("causal_mask", hint="a mask is boolean")
def integer_mask(n):
    return np.tri(_n(n), dtype=int)


@mutant("causal_mask")
def zero_length_allowed(n):
    if not isinstance(n, int | np.integer) or n < 0:
        raise ValueError("bad n")
    return np.tril(np.ones((n, n), dtype=bool))


@mutant("causal_mask")
def fractional_n_truncated(n):
    if n < 1:
        raise ValueError("n must be >= 1")
    n = int(n)
    return np.tril(np.ones((n, n), dtype=bool))


@mutant("causal_mask", level=2)
def from_flat_indices(n):
    """Row and column from one flat index over n * n: n * n wraps around for n = np.uint8(200)."""
    n = _n(n)
    index = np.arange(n * n)
    return (index // n >= index % n).reshape(n, n)


@mutant("causal_mask", level=3)
def nested_loops(n):
    """Correct, one entry at a time in Python."""
    n = int(_n(n))
    mask = np.zeros((n, n), dtype=bool)
    for i in range(n):
        for j in range(i + 1):
            mask[i, j] = True
    return mask
