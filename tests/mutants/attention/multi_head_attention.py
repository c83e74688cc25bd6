"""Wrong versions of attention/multi_head_attention."""

import numpy as np

from mlkata.mutants import mutant


def _checked(X, weights, n_heads):
    X = np.asarray(X, dtype=float)
    if X.ndim != 2 or X.size == 0:
        raise ValueError("X must be (n, d_model)")
    d = X.shape[1]
    weights = [np.asarray(W, dtype=float) for W in weights]
    if any(W.shape != (d, d) for W in weights):
        raise ValueError("weights must be (d_model, d_model)")
    if not isinstance(n_heads, int | np.integer) or n_heads < 1 or d % n_heads:
        raise ValueError("bad n_heads")
    return X, weights


def _softmax(S):
    E = np.exp(S - S.max(axis=-1, keepdims=True))
    return E / E.sum(axis=-1, keepdims=True)


def _attend(Q, K, V, n, d_head, causal, root=None, keep_diagonal=True, fill=-np.inf):
    S = Q @ K.transpose(0, 2, 1) / np.sqrt(d_head if root is None else root)
    if causal:
        S = np.where(np.tril(np.ones((n, n), dtype=bool), k=0 if keep_diagonal else -1), S, fill)
    with np.errstate(invalid="ignore"):
        return _softmax(S) @ V


def _mha(
    X, W_q, W_k, W_v, W_o, n_heads, causal, *, root=None, project=True, keep_diagonal=True, fill=-np.inf
):
    X, (W_q, W_k, W_v, W_o) = _checked(X, (W_q, W_k, W_v, W_o), n_heads)
    n, d = X.shape
    d_head = d // n_heads

    def split(M):
        return M.reshape(n, n_heads, d_head).transpose(1, 0, 2)

    out = _attend(
        split(X @ W_q), split(X @ W_k), split(X @ W_v), n, d_head, causal, root, keep_diagonal, fill
    )
    out = out.transpose(1, 0, 2).reshape(n, d)
    return out @ W_o if project else out


@mutant("multi_head_attention", hint="every n_heads-th column")
def interleaved_heads(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    X, (W_q, W_k, W_v, W_o) = _checked(X, (W_q, W_k, W_v, W_o), n_heads)
    n, d = X.shape
    d_head = d // n_heads

    def split(M):
        return M.reshape(n, d_head, n_heads).transpose(2, 0, 1)

    out = _attend(split(X @ W_q), split(X @ W_k), split(X @ W_v), n, d_head, causal)
    return out.transpose(1, 2, 0).reshape(n, d) @ W_o


@mutant("multi_head_attention", hint="mixing positions")
def reshaped_without_transpose(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    X, (W_q, W_k, W_v, W_o) = _checked(X, (W_q, W_k, W_v, W_o), n_heads)
    n, d = X.shape
    d_head = d // n_heads
    Q, K, V = ((X @ W).reshape(n_heads, n, d_head) for W in (W_q, W_k, W_v))
    return _attend(Q, K, V, n, d_head, causal).reshape(n, d) @ W_o


@mutant("multi_head_attention", hint="sqrt(d_model)")
def scaled_by_the_model_width(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    return _mha(X, W_q, W_k, W_v, W_o, n_heads, causal, root=np.shape(X)[-1])


@mutant("multi_head_attention", hint="without it")
def output_projection_forgotten(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    return _mha(X, W_q, W_k, W_v, W_o, n_heads, causal, project=False)


@mutant("multi_head_attention", hint="X @ W_q.T")
def weights_transposed(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    _checked(X, (W_q, W_k, W_v, W_o), n_heads)
    W_q, W_k, W_v, W_o = (np.asarray(W, dtype=float).T for W in (W_q, W_k, W_v, W_o))
    return _mha(X, W_q, W_k, W_v, W_o, n_heads, causal)


@mutant("multi_head_attention", hint="did not mask the future")
def causal_ignored(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    return _mha(X, W_q, W_k, W_v, W_o, n_heads, False)


@mutant("multi_head_attention", hint="keeps the diagonal")
def causal_mask_without_the_diagonal(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    return _mha(X, W_q, W_k, W_v, W_o, n_heads, causal, keep_diagonal=False)


@mutant("multi_head_attention", hint="np.exp overflowed")
def softmax_without_the_max(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    X, (W_q, W_k, W_v, W_o) = _checked(X, (W_q, W_k, W_v, W_o), n_heads)
    n, d = X.shape
    d_head = d // n_heads

    def split(M):
        return M.reshape(n, n_heads, d_head).transpose(1, 0, 2)

    S = split(X @ W_q) @ split(X @ W_k).transpose(0, 2, 1) / np.sqrt(d_head)
    with np.errstate(over="ignore", invalid="ignore"):
        E = np.exp(S)
        if causal:
            E = E * np.tril(np.ones((n, n)))
        A = E / E.sum(axis=-1, keepdims=True)
    return (A @ split(X @ W_v)).transpose(1, 0, 2).reshape(n, d) @ W_o


@mutant("multi_head_attention")
def scale_folded_into_w_q_in_place(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    """W_q *= 1 / sqrt(d_head) on the caller's array: a read-only W_q raises."""
    _checked(X, (W_q, W_k, W_v, W_o), n_heads)
    W = np.asarray(W_q)
    if W.dtype != np.float64:
        W = W.astype(np.float64)
    W *= 1.0 / np.sqrt(np.shape(X)[1] // n_heads)
    return _mha(X, W, W_k, W_v, W_o, n_heads, causal, root=1.0)


@mutant("multi_head_attention")
def n_heads_unchecked(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    """d_model // n_heads with no check: 0 heads divide by zero, 4 heads of 6 columns fail to reshape."""
    X = np.asarray(X, dtype=float)
    n, d = X.shape
    d_head = d // n_heads
    W_q, W_k, W_v, W_o = (np.asarray(W, dtype=float) for W in (W_q, W_k, W_v, W_o))

    def split(M):
        return M.reshape(n, n_heads, d_head).transpose(1, 0, 2)

    out = _attend(split(X @ W_q), split(X @ W_k), split(X @ W_v), n, d_head, causal)
    return out.transpose(1, 0, 2).reshape(n, d) @ W_o


@mutant("multi_head_attention", hint="large finite filler", level=2)
def future_filled_with_minus_1e9(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    return _mha(X, W_q, W_k, W_v, W_o, n_heads, causal, fill=-1e9)


@mutant("multi_head_attention", hint="a future score set to 0")
def future_scores_zeroed(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    return _mha(X, W_q, W_k, W_v, W_o, n_heads, causal, fill=0.0)


@mutant("multi_head_attention", hint="keeps a float32 input's dtype")
def output_in_the_input_dtype(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    """Computed in float64, returned in X's float dtype: float32 in, float32 out (float64 documented)."""
    given = np.asarray(X)
    out = _mha(X, W_q, W_k, W_v, W_o, n_heads, causal)
    return out.astype(given.dtype) if given.dtype.kind == "f" else out
