"""Correct, differently written versions of attention/multi_head_attention."""

import math
import numbers

import numpy as np


def _checked(X, W_q, W_k, W_v, W_o, n_heads):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.size == 0:
        raise ValueError(f"X must be a non-empty 2-D array, got shape {X.shape}")
    d = X.shape[1]
    Ws = []
    for name, W in (("W_q", W_q), ("W_k", W_k), ("W_v", W_v), ("W_o", W_o)):
        W = np.asarray(W, dtype=np.float64)
        if W.shape != (d, d):
            raise ValueError(f"{name} must have shape {(d, d)}, got {W.shape}")
        Ws.append(W)
    if isinstance(n_heads, bool) or not isinstance(n_heads, numbers.Integral) or n_heads < 1 or d % n_heads:
        raise ValueError(f"n_heads must be an integer >= 1 dividing {d}, got {n_heads!r}")
    return X, *Ws, int(n_heads)


def variant_head_loop_python_softmax(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    """One head at a time by column slices; each row's softmax written with math.exp/fsum."""
    X, W_q, W_k, W_v, W_o, H = _checked(X, W_q, W_k, W_v, W_o, n_heads)
    n, d = X.shape
    dh = d // H
    Q, K, V = X @ W_q, X @ W_k, X @ W_v
    heads = []
    for h in range(H):
        cols = slice(h * dh, (h + 1) * dh)
        S = (Q[:, cols] @ K[:, cols].T / math.sqrt(dh)).tolist()
        A = []
        for i, row in enumerate(S):
            allowed = row[: i + 1] if causal else row
            top = max(allowed)
            e = [math.exp(s - top) for s in allowed]
            z = math.fsum(e)
            A.append([x / z for x in e] + [0.0] * (n - len(allowed)))
        heads.append(np.array(A) @ V[:, cols])
    return np.concatenate(heads, axis=1) @ W_o


def variant_reshape_einsum(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    """All heads at once: (n, H, d_h) reshape and einsum over the head axis."""
    X, W_q, W_k, W_v, W_o, H = _checked(X, W_q, W_k, W_v, W_o, n_heads)
    n, d = X.shape
    dh = d // H
    Q = np.einsum("nd,de->ne", X, W_q).reshape(n, H, dh)
    K = np.einsum("nd,de->ne", X, W_k).reshape(n, H, dh)
    V = np.einsum("nd,de->ne", X, W_v).reshape(n, H, dh)
    S = np.einsum("ihc,jhc->hij", Q, K) / np.sqrt(dh)
    if causal:
        S = np.where(np.tri(n, dtype=bool), S, -np.inf)
    S = S - S.max(axis=-1, keepdims=True)
    A = np.exp(S)
    A /= A.sum(axis=-1, keepdims=True)
    out = np.einsum("hij,jhc->ihc", A, V).reshape(n, d)
    return out @ W_o


def variant_sum_of_projected_heads(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    """concat(heads) @ W_o written as the sum over heads of head_h @ (its rows of W_o)."""
    X, W_q, W_k, W_v, W_o, H = _checked(X, W_q, W_k, W_v, W_o, n_heads)
    n, d = X.shape
    dh = d // H
    out = np.zeros((n, d))
    for h in range(H):
        b = slice(h * dh, (h + 1) * dh)
        q, k, v = X @ W_q[:, b], X @ W_k[:, b], X @ W_v[:, b]
        S = q @ k.T * (dh**-0.5)
        if causal:
            S[np.triu_indices(n, 1)] = -np.inf
        E = np.exp(S - S.max(axis=1, keepdims=True))
        out += ((E / E.sum(axis=1, keepdims=True)) @ v) @ W_o[b, :]
    return out
