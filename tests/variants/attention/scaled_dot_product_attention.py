"""Correct, differently written versions of attention/scaled_dot_product_attention."""

import math

import numpy as np


def _checked(Q, K, V, mask):
    Q, K, V = (np.asarray(a, dtype=np.float64) for a in (Q, K, V))
    for name, a in (("Q", Q), ("K", K), ("V", V)):
        if a.ndim < 2 or a.size == 0:
            raise ValueError(f"{name} must have at least 2 non-empty axes, got shape {a.shape}")
    if Q.shape[-1] != K.shape[-1]:
        raise ValueError("Q and K differ in d_k")
    if K.shape[-2] != V.shape[-2]:
        raise ValueError("K and V differ in n_k")
    try:
        np.broadcast_shapes(Q.shape[:-2], K.shape[:-2], V.shape[:-2])
        lead = np.broadcast_shapes(Q.shape[:-2], K.shape[:-2])
    except ValueError:
        raise ValueError("leading axes do not broadcast") from None
    wshape = (*lead, Q.shape[-2], K.shape[-2])
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != np.bool_:
            raise ValueError("mask must be boolean")
        try:
            ok = mask.ndim <= len(wshape) and np.broadcast_shapes(mask.shape, wshape) == wshape
        except ValueError:
            ok = False
        if not ok:
            raise ValueError("mask does not broadcast to the weights' shape")
        mask = np.broadcast_to(mask, wshape)
        if not mask.any(axis=-1).all():
            raise ValueError("a query has every key masked out")
    return Q, K, V, mask, wshape


def variant_einsum_logsumexp(Q, K, V, mask=None):
    """Scores by einsum, weights as exp(S - logsumexp(S)) with -inf for masked keys."""
    Q, K, V, mask, wshape = _checked(Q, K, V, mask)
    lead = wshape[:-2]
    Qb = np.broadcast_to(Q, (*lead, *Q.shape[-2:]))
    Kb = np.broadcast_to(K, (*lead, *K.shape[-2:]))
    S = np.einsum("...id,...jd->...ij", Qb, Kb) / math.sqrt(Q.shape[-1])
    if mask is not None:
        S = np.where(mask, S, -np.inf)
    top = S.max(axis=-1, keepdims=True)
    lse = top + np.log(np.exp(S - top).sum(axis=-1, keepdims=True))
    A = np.exp(S - lse)
    return np.matmul(A, V), A


def variant_row_loops(Q, K, V, mask=None):
    """Scores from matmul, then a Python softmax per row with math.exp and math.fsum."""
    Q, K, V, mask, wshape = _checked(Q, K, V, mask)
    S = np.matmul(Q, np.swapaxes(K, -1, -2)) / math.sqrt(Q.shape[-1])
    S = np.broadcast_to(S, wshape)
    M = np.ones(wshape, dtype=bool) if mask is None else mask
    A = np.zeros(wshape)
    flatS = S.reshape(-1, wshape[-1])
    flatM = M.reshape(-1, wshape[-1])
    rows = []
    for s_row, m_row in zip(flatS.tolist(), flatM.tolist(), strict=False):
        kept = [s for s, m in zip(s_row, m_row, strict=False) if m]
        top = max(kept)
        e = [math.exp(s - top) if m else 0.0 for s, m in zip(s_row, m_row, strict=False)]
        z = math.fsum(e)
        rows.append([x / z for x in e])
    A = np.array(rows, dtype=np.float64).reshape(wshape)
    return np.matmul(A, V), A


def variant_masked_zeroing(Q, K, V, mask=None):
    """Softmax over the kept keys only: exp of (S - kept max), zeroed where masked, normalised."""
    Q, K, V, mask, wshape = _checked(Q, K, V, mask)
    S = Q @ np.swapaxes(K, -1, -2) * (1.0 / np.sqrt(float(Q.shape[-1])))
    S = np.broadcast_to(S, wshape)
    keep = np.ones(wshape, dtype=bool) if mask is None else mask
    top = np.max(np.where(keep, S, -np.inf), axis=-1, keepdims=True)
    E = np.where(keep, np.exp(np.where(keep, S - top, 0.0)), 0.0)
    A = E / np.sum(E, axis=-1, keepdims=True)
    out = A @ V
    return out, A
