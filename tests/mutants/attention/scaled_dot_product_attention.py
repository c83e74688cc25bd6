"""Wrong versions of attention/scaled_dot_product_attention."""

import numpy as np

from mlkata.mutants import mutant


def _checked(Q, K, V, mask):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    if min(Q.ndim, K.ndim, V.ndim) < 2 or 0 in (Q.size, K.size, V.size):
        raise ValueError("bad shapes")
    if Q.shape[-1] != K.shape[-1] or K.shape[-2] != V.shape[-2]:
        raise ValueError("bad shapes")
    np.broadcast_shapes(Q.shape[:-2], K.shape[:-2], V.shape[:-2])
    shape = (*np.broadcast_shapes(Q.shape[:-2], K.shape[:-2]), Q.shape[-2], K.shape[-2])
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != bool:
            raise ValueError("mask must be boolean")
        mask = np.broadcast_to(mask, shape)
        if not mask.any(axis=-1).all():
            raise ValueError("a fully masked row")
    return Q, K, V, mask


def _softmax(S, axis=-1):
    E = np.exp(S - S.max(axis=axis, keepdims=True))
    return E / E.sum(axis=axis, keepdims=True)


def _attend(Q, K, V, mask, root, fill=-np.inf, axis=-1):
    S = Q @ np.swapaxes(K, -1, -2) / root
    if mask is not None:
        S = np.where(mask, S, fill)
    A = _softmax(S, axis)
    return A @ V, A


@mutant("scaled_dot_product_attention", hint="sqrt(d_v)")
def scaled_by_the_value_width(Q, K, V, mask=None):
    Q, K, V, mask = _checked(Q, K, V, mask)
    return _attend(Q, K, V, mask, np.sqrt(V.shape[-1]))


@mutant("scaled_dot_product_attention", hint="unscaled")
def no_scaling(Q, K, V, mask=None):
    Q, K, V, mask = _checked(Q, K, V, mask)
    return _attend(Q, K, V, mask, 1.0)


@mutant("scaled_dot_product_attention", hint="axis=-2")
def softmax_over_the_queries(Q, K, V, mask=None):
    Q, K, V, mask = _checked(Q, K, V, mask)
    return _attend(Q, K, V, mask, np.sqrt(Q.shape[-1]), axis=-2)


@mutant("scaled_dot_product_attention", hint="the mask is inverted")
def true_means_masked(Q, K, V, mask=None):
    Q, K, V, mask = _checked(Q, K, V, mask)
    keep = None if mask is None else ~mask
    with np.errstate(invalid="ignore"):
        return _attend(Q, K, V, keep, np.sqrt(Q.shape[-1]))


@mutant("scaled_dot_product_attention", hint="set the masked scores to -np.inf", level=2)
def masked_fill_minus_1e9(Q, K, V, mask=None):
    Q, K, V, mask = _checked(Q, K, V, mask)
    return _attend(Q, K, V, mask, np.sqrt(Q.shape[-1]), fill=-1e9)


@mutant("scaled_dot_product_attention", hint="a masked score set to 0")
def masked_scores_zeroed(Q, K, V, mask=None):
    Q, K, V, mask = _checked(Q, K, V, mask)
    return _attend(Q, K, V, mask, np.sqrt(Q.shape[-1]), fill=0.0)


@mutant("scaled_dot_product_attention", hint="after the softmax")
def mask_applied_to_the_weights(Q, K, V, mask=None):
    Q, K, V, mask = _checked(Q, K, V, mask)
    A = _softmax(Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1]))
    if mask is not None:
        A = A * mask
    return A @ V, A


@mutant("scaled_dot_product_attention", hint="np.exp overflowed")
def softmax_without_the_max(Q, K, V, mask=None):
    Q, K, V, mask = _checked(Q, K, V, mask)
    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        S = np.where(mask, S, -np.inf)
    with np.errstate(over="ignore", invalid="ignore"):
        E = np.exp(S)
        A = E / E.sum(axis=-1, keepdims=True)
    return A @ V, A


@mutant("scaled_dot_product_attention")
def queries_scaled_in_place(Q, K, V, mask=None):
    """Q /= sqrt(d_k) on the caller's array: a read-only Q raises."""
    _checked(Q, K, V, mask)
    Q = np.asarray(Q)
    if Q.dtype != np.float64:
        Q = Q.astype(np.float64)
    Q /= np.sqrt(Q.shape[-1])
    _, K, V, mask = _checked(Q, K, V, mask)
    return _attend(Q, K, V, mask, 1.0)


@mutant("scaled_dot_product_attention")
def fully_masked_rows_allowed(Q, K, V, mask=None):
    Q, K, V = (np.asarray(a, dtype=float) for a in (Q, K, V))
    if Q.shape[-1] != K.shape[-1] or K.shape[-2] != V.shape[-2] or 0 in (Q.size, K.size, V.size):
        raise ValueError("bad shapes")
    if mask is not None and np.asarray(mask).dtype != bool:
        raise ValueError("mask must be boolean")
    with np.errstate(invalid="ignore"):
        return _attend(Q, K, V, mask, np.sqrt(Q.shape[-1]))


@mutant("scaled_dot_product_attention")
def integer_mask_accepted(Q, K, V, mask=None):
    if mask is not None:
        mask = np.asarray(mask).astype(bool)
    Q, K, V, mask = _checked(Q, K, V, mask)
    return _attend(Q, K, V, mask, np.sqrt(Q.shape[-1]))


@mutant("scaled_dot_product_attention")
def k_transposed_with_dot_t(Q, K, V, mask=None):
    """K.T reverses every axis: right for 2-D K only."""
    Q, K, V, mask = _checked(Q, K, V, mask)
    S = Q @ K.T / np.sqrt(Q.shape[-1]) if K.ndim == 2 else np.einsum("...qd,...dk->...qk", Q, K.T)
    if mask is not None:
        S = np.where(mask, S, -np.inf)
    A = _softmax(S)
    return A @ V, A


@mutant("scaled_dot_product_attention", hint="wraps around at 256")
def scores_in_the_input_dtype(Q, K, V, mask=None):
    """Q @ K^T before converting: uint8 products wrap around."""
    _, _, _, mask = _checked(Q, K, V, mask)
    Q, K, V = np.asarray(Q), np.asarray(K), np.asarray(V, dtype=float)
    S = (Q @ np.swapaxes(K, -1, -2)).astype(float) / np.sqrt(Q.shape[-1])
    if mask is not None:
        S = np.where(mask, S, -np.inf)
    A = _softmax(S)
    return A @ V, A


@mutant("scaled_dot_product_attention", hint="keeps a float32 input's dtype")
def results_in_the_input_dtype(Q, K, V, mask=None):
    """Computed in float64, both parts returned in Q's float dtype: float32 in, float32 out."""
    given = np.asarray(Q)
    Q, K, V, mask = _checked(Q, K, V, mask)
    output, weights = _attend(Q, K, V, mask, np.sqrt(Q.shape[-1]))
    if given.dtype.kind != "f":
        return output, weights
    return output.astype(given.dtype), weights.astype(given.dtype)


@mutant("scaled_dot_product_attention", level=3)
def loop_over_queries(Q, K, V, mask=None):
    """Correct, one query of one batch at a time, its softmax summed in Python."""
    Q, K, V, mask = _checked(Q, K, V, mask)
    batch = np.broadcast_shapes(Q.shape[:-2], K.shape[:-2], V.shape[:-2])
    Q = np.broadcast_to(Q, (*batch, *Q.shape[-2:]))
    K = np.broadcast_to(K, (*batch, *K.shape[-2:]))
    V = np.broadcast_to(V, (*batch, *V.shape[-2:]))
    n_q, n_k = Q.shape[-2], K.shape[-2]
    keep = (
        np.ones((*batch, n_q, n_k), dtype=bool) if mask is None else np.broadcast_to(mask, (*batch, n_q, n_k))
    )
    weights = np.zeros((*batch, n_q, n_k))
    root = np.sqrt(Q.shape[-1])
    for index in np.ndindex(*batch, n_q):
        *b, i = index
        scores = [float(Q[(*b, i)] @ K[(*b, j)]) / root for j in range(n_k)]
        top = max(s for s, k in zip(scores, keep[index], strict=True) if k)
        e = [np.exp(s - top) if k else 0.0 for s, k in zip(scores, keep[index], strict=True)]
        total = sum(e)
        weights[index] = [v / total for v in e]
    return weights @ V, weights
