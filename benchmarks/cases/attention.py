"""Benchmark cases of the attention exercises."""

from __future__ import annotations

import math

import numpy as np

from . import Trial, case, shape, side

# --- attention -------------------------------------------------------------------------

D_HEAD = 64
"""The width of the queries and keys (and values) of one head, as in most transformers."""


def _sequences(n: int) -> tuple[int, int]:
    """(batch, length) with batch * length**2 = n scores: sequences of 256 tokens at n = 1e6."""
    length = min(256, math.isqrt(n))
    return max(n // length**2, 1), length


def _sdpa_reference(Q, K, V, mask=None):
    from scipy.special import softmax

    S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1])
    if mask is not None:
        S = np.where(mask, S, -np.inf)
    A = softmax(S, axis=-1)
    return A @ V, A


def _sdpa(causal: bool):
    def prepare(m, n, rng):
        batch, length = _sequences(n)
        Q, K, V = (rng.normal(size=(batch, length, D_HEAD)) for _ in range(3))
        mask = np.tril(np.ones((length, length), dtype=bool)) if causal else None
        return Trial(
            f"{shape(batch, length, length)} scores, d={D_HEAD}",
            lambda: m.scaled_dot_product_attention(Q, K, V, mask=mask),
            lambda: _sdpa_reference(Q, K, V, mask),
        )

    return prepare


case(
    "attention/scaled_dot_product_attention",
    "scipy.special.softmax(Q @ K^T / sqrt(d_k), axis=-1), then @ V",
    variant="no mask",
)(_sdpa(False))
case(
    "attention/scaled_dot_product_attention",
    "scipy.special.softmax(np.where(mask, Q @ K^T / sqrt(d_k), -inf), axis=-1), then @ V",
    variant="causal mask",
)(_sdpa(True))


@case("attention/causal_mask", "numpy.tril(np.ones((n, n), dtype=bool))")
def _causal_mask(m, n, rng):
    length = side(n)
    return Trial(
        shape(length, length), lambda: m.causal_mask(length), lambda: np.tril(np.ones((length, length), bool))
    )


HEADS = 8


@case(
    "attention/multi_head_attention",
    "a loop over the heads, each with scipy.special.softmax, then @ W_o (the grader's reference)",
)
def _multi_head_attention(m, n, rng):
    from scipy.special import softmax

    length = max(math.isqrt(n // HEADS), 2)
    d_model = HEADS * D_HEAD // 4  # 8 heads of width 16
    X = rng.normal(size=(length, d_model))
    W_q, W_k, W_v, W_o = (rng.normal(scale=d_model**-0.5, size=(d_model, d_model)) for _ in range(4))
    d_head = d_model // HEADS
    keep = np.tril(np.ones((length, length), dtype=bool))

    def reference():
        Q, K, V = X @ W_q, X @ W_k, X @ W_v
        heads = []
        for h in range(HEADS):
            columns = slice(h * d_head, (h + 1) * d_head)
            S = Q[:, columns] @ K[:, columns].T / np.sqrt(d_head)
            heads.append(softmax(np.where(keep, S, -np.inf), axis=-1) @ V[:, columns])
        return np.hstack(heads) @ W_o

    return Trial(
        f"{HEADS}×{shape(length, length)} scores, d_model={d_model}",
        lambda: m.multi_head_attention(X, W_q, W_k, W_v, W_o, HEADS, causal=True),
        reference,
    )


@case(
    "attention/positional_encoding",
    "sin / cos of np.arange(n)[:, None] / 10000 ** (np.arange(0, d, 2) / d) in numpy",
    unreferenced=True,
    note="no library reference (the grader's is the paper's formula, entry by entry): timed "
    "against the same formula in numpy",
)
def _positional_encoding(m, n, rng):
    d_model = D_HEAD
    n_positions = max(n // d_model, 1)

    def reference():
        angles = np.arange(n_positions)[:, None] / 10000.0 ** (np.arange(0, d_model, 2) / d_model)
        encoding = np.empty((n_positions, d_model))
        encoding[:, 0::2] = np.sin(angles)
        encoding[:, 1::2] = np.cos(angles)
        return encoding

    return Trial(shape(n_positions, d_model), lambda: m.positional_encoding(n_positions, d_model), reference)


@case(
    "attention/layer_norm",
    "gamma * (X - X.mean(-1)) / sqrt(X.var(-1) + eps) + beta in numpy",
    unreferenced=True,
    note="no library reference (torch.nn.LayerNorm is not installed; the grader's is exact sums "
    "row by row): timed against the bare formula in numpy",
)
def _layer_norm(m, n, rng):
    d = 100
    X = rng.normal(size=(max(n // d, 1), d))
    gamma, beta = 1.0 + 0.1 * rng.normal(size=d), 0.1 * rng.normal(size=d)

    def reference():
        mean = X.mean(axis=-1, keepdims=True)
        return gamma * (X - mean) / np.sqrt(X.var(axis=-1, keepdims=True) + 1e-5) + beta

    return Trial(shape(*X.shape), lambda: m.layer_norm(X, gamma, beta), reference)
