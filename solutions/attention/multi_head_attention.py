"""Multi-head self-attention: several attentions side by side, on slices of the model width."""

import numpy as np


def multi_head_attention(X, W_q, W_k, W_v, W_o, n_heads, causal=False):
    r"""Multi-head self-attention of a sequence ``X``, as in "Attention Is All You Need".

    .. math::

        Q = X W_q, \quad K = X W_k, \quad V = X W_v, \qquad
        \text{head}_h = \mathrm{softmax}\!\left(\frac{Q_h K_h^\top}{\sqrt{d_h}}\right) V_h,

        \text{output} = [\text{head}_1, \dots, \text{head}_H]\, W_o

    with :math:`H` = ``n_heads`` and :math:`d_h` = ``d_model // n_heads``. Head ``h`` (counting
    from 0) works on the contiguous block of columns ``h * d_h`` to ``(h + 1) * d_h`` of ``Q``,
    ``K`` and ``V`` (``Q.reshape(n, H, d_h)``, not every ``H``-th column); the softmax runs
    along the keys (each row of weights sums to 1), scaled by :math:`\sqrt{d_h}`, the width of
    one head, not of the model. The heads' outputs are put back side by side in the same
    order (an ``(n, d_model)`` matrix) and projected by ``W_o``. Weights multiply from the
    right, ``X @ W_q``: row ``i`` of ``X`` is position ``i``. With ``causal=True``,
    position ``i`` attends to positions ``j <= i`` only (the weights of ``j > i`` are 0).
    There are no biases. The softmax must stay finite for scores of any size.

    Parameters
    ----------
    X : array_like of shape (n, d_model)
        The sequence, one position per row.
    W_q, W_k, W_v : array_like of shape (d_model, d_model)
        The query, key and value projections, all heads side by side.
    W_o : array_like of shape (d_model, d_model)
        The output projection.
    n_heads : int
        The number of heads, ``>= 1``, dividing ``d_model``.
    causal : bool, default=False
        Mask the future: position ``i`` sees positions ``0 .. i`` only.

    Returns
    -------
    numpy.ndarray of shape (n, d_model)
        The attention layer's output, float64.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or is empty, if a weight matrix is not of shape
        ``(d_model, d_model)``, or if ``n_heads`` is not an integer ``>= 1`` dividing
        ``d_model``.

    See Also
    --------
    scaled_dot_product_attention : one head's attention. The reference is a loop over the
        heads, each with ``scipy.special.softmax``.

    Examples
    --------
    Two heads of width 1 on a sequence of two positions; the identity projections keep
    ``Q = K = V = X``, so head 0 sees column 0 and head 1 column 1:

    >>> X = [[1.0, 0.0], [0.0, 2.0]]
    >>> I = np.eye(2)
    >>> multi_head_attention(X, I, I, I, I, n_heads=2).round(4)
    array([[0.7311, 1.    ],
           [0.5   , 1.964 ]])
    >>> multi_head_attention(X, I, I, I, I, n_heads=2, causal=True)  # row 0 sees itself only
    array([[1.        , 0.        ],
           [0.5       , 1.96402758]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.size == 0:
        raise ValueError(f"X must be a non-empty (n, d_model) matrix, got shape {X.shape}")
    n, d_model = X.shape
    weights = []
    for name, W in (("W_q", W_q), ("W_k", W_k), ("W_v", W_v), ("W_o", W_o)):
        W = np.asarray(W, dtype=np.float64)
        if W.shape != (d_model, d_model):
            raise ValueError(f"{name} must have shape ({d_model}, {d_model}), got {W.shape}")
        weights.append(W)
    W_q, W_k, W_v, W_o = weights
    if not isinstance(n_heads, int | np.integer) or n_heads < 1 or d_model % n_heads:
        raise ValueError(f"n_heads must be an integer >= 1 dividing d_model = {d_model}, got {n_heads!r}")
    d_head = d_model // n_heads

    def heads(M):  # (n, d_model) -> (n_heads, n, d_head): head h = columns h*d_head:(h+1)*d_head
        return M.reshape(n, n_heads, d_head).transpose(1, 0, 2)

    # Q, K and V in one product, the 1 / sqrt(d_head) folded into W_q's share.
    QKV = X @ np.hstack([W_q * (1.0 / np.sqrt(d_head)), W_k, W_v])
    Q, K, V = (heads(QKV[:, i * d_model : (i + 1) * d_model]) for i in range(3))
    scores = Q @ K.transpose(0, 2, 1)  # (n_heads, n, n)
    if causal:  # + 0 on and below the diagonal, -inf above it: exp(-inf) = 0 exactly
        scores += np.where(np.arange(n)[:, None] >= np.arange(n), 0.0, -np.inf)
    scores -= scores.max(axis=-1, keepdims=True)
    A = np.exp(scores, out=scores)
    A /= A.sum(axis=-1, keepdims=True)
    concatenated = (A @ V).transpose(1, 0, 2).reshape(n, d_model)
    return concatenated @ W_o
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "Project first (Q = X @ W_q, ...), then split: which columns of Q belong to head 0? Which "
    "width goes under the square root, d_model or one head's d_model // n_heads? And what "
    "happens to the heads' outputs before W_o?",
    "Q.reshape(n, n_heads, d_head).transpose(1, 0, 2) gives (n_heads, n, d_head) with head h "
    "on the contiguous columns h*d_head:(h+1)*d_head (a reshape to (n, d_head, n_heads) would "
    "interleave them). Attend per head as in scaled_dot_product_attention, with -inf above the "
    "diagonal when causal, then undo the transpose and reshape back to (n, d_model).",
    "heads = lambda M: M.reshape(n, h, d).transpose(1, 0, 2); S = heads(X @ W_q) @ "
    "heads(X @ W_k).transpose(0, 2, 1) / np.sqrt(d); stable softmax over axis=-1 -> A; "
    "return (A @ heads(X @ W_v)).transpose(1, 0, 2).reshape(n, h * d) @ W_o",
)
TALKING_POINTS = {
    "use": "Self-attention with several heads side by side, each on a d_model / H slice, so one "
    "layer can attend to different positions and subspaces at once.",
    "assumes": "H divides d_model; head h owns the contiguous columns h*d_h:(h+1)*d_h of Q, K, V; no "
    "biases; weights multiply from the right (X @ W_q).",
    "pitfalls": (
        "Scaling by sqrt(d_model) instead of sqrt(d_head) makes the scores sqrt(H) times too "
        "small and the softmax too flat.",
        "Splitting heads with reshape(n, d_h, H) interleaves the columns; reshape(n, H, "
        "d_h).transpose(1, 0, 2) keeps each head's block.",
        "PyTorch's nn.MultiheadAttention defaults to batch_first=False, (seq, batch, feature), "
        "and stacks W_q, W_k, W_v in one in_proj_weight applied as x W^T.",
    ),
    "cost": "O(n^2 d_model + n d_model^2) time (scores and projections), O(H n^2) memory for the "
    "attention matrices.",
    "follow_ups": (
        (
            "Are H heads dearer than one head of width d_model?",
            "About the same: the projections are identical and the score products total n^2 "
            "d_model either way; only the H attention matrices add memory.",
        ),
        (
            "How many parameters?",
            "4 d_model^2 for W_q, W_k, W_v and W_o (plus 4 d_model with biases), whatever H.",
        ),
        (
            "What are multi-query and grouped-query attention?",
            "All heads (or groups of heads) share one K and V projection, which shrinks the KV "
            "cache at inference.",
        ),
    ),
}
QUIZ = (
    {
        "question": "multi_head_attention([[1.0, 0.0], [0.0, 2.0]], np.eye(2), np.eye(2), np.eye(2), "
        "np.eye(2), n_heads=1)[0, 0] (to 4 decimals)?",
        "answer": 0.6698,
        "tolerance": 0.0001,
        "check": "multi_head_attention([[1.0, 0.0], [0.0, 2.0]], np.eye(2), np.eye(2), np.eye(2), "
        "np.eye(2), n_heads=1)[0, 0]",
        "why": "Row 0's scores (1, 0) / sqrt(2): weights (0.6698, 0.3302) over values (1, 0) and (0, 2).",
    },
    {
        "question": "d_model = 512 and 8 heads: the scores are divided by",
        "choices": ("sqrt(512)", "sqrt(64)", "64", "8"),
        "answer": 1,
        "why": "The width of one head, 512 / 8 = 64.",
    },
    {
        "question": "Parameters of the four projections (no biases)?",
        "choices": ("4 d_model^2", "3 d_model^2", "4 H d_model^2", "d_model^2 / H"),
        "answer": 0,
        "why": "W_q, W_k, W_v and W_o are each d_model x d_model, however many heads.",
    },
)
### END META
