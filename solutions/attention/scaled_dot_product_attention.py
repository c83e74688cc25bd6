"""Scaled dot-product attention, the core of every transformer layer."""

import numpy as np


def scaled_dot_product_attention(Q, K, V, mask=None):
    r"""Attention of queries ``Q`` over keys ``K`` and values ``V``, with an optional mask.

    .. math::

        S = \frac{Q K^\top}{\sqrt{d_k}}, \qquad
        A_{ij} = \frac{M_{ij}\, e^{S_{ij}}}{\sum_l M_{il}\, e^{S_{il}}}, \qquad
        \text{output} = A V

    Each query ``i`` gets a probability vector ``A[i]`` over the keys (a softmax of its
    scores along the last axis, the keys), and its output is the matching average of the
    values. ``d_k`` is the length of the query and key vectors (``Q.shape[-1]``), not that
    of the values. The mask ``M`` is boolean with ``True`` = *may attend* (the convention of
    ``torch.nn.functional.scaled_dot_product_attention``): a masked-out key (``False``) gets
    weight exactly 0, as if its score were :math:`-\infty`, however large the other scores
    are. The softmax must stay finite for scores of any size (``1e4``, or ``-1e10``).

    Parameters
    ----------
    Q : array_like of shape (..., n_q, d_k)
        Queries, one per row.
    K : array_like of shape (..., n_k, d_k)
        Keys, one per row; ``n_k`` may differ from ``n_q`` (cross-attention).
    V : array_like of shape (..., n_k, d_v)
        Values, one per key; ``d_v`` may differ from ``d_k``.
        The leading (batch) axes ``...`` of ``Q``, ``K`` and ``V`` broadcast against each other
        as in ``numpy.matmul`` (e.g. a batch of queries ``(b, n_q, d_k)`` over one shared
        ``K`` and ``V`` of shape ``(n_k, d_k)``, ``(n_k, d_v)``).
    mask : array_like of bool, optional
        Broadcastable to the weights' shape ``(..., n_q, n_k)``: a causal mask ``(n_q, n_k)``,
        a padding mask ``(n_k,)`` or ``(b, 1, n_k)``... ``True`` = attend. ``None`` (the
        default) attends everywhere.

    Returns
    -------
    output : numpy.ndarray of shape (..., n_q, d_v)
        The attended values, float64; ``...`` is the broadcast of the three inputs' leading axes.
    weights : numpy.ndarray of shape (..., n_q, n_k)
        The attention weights ``A``, float64: each row sums to 1, masked entries are 0; here
        ``...`` is the broadcast of ``Q``'s and ``K``'s leading axes.

    Raises
    ------
    ValueError
        If ``Q``, ``K`` or ``V`` has fewer than 2 axes or is empty (any axis of length 0), if
        ``Q`` and ``K`` differ in ``d_k``, if ``K`` and ``V`` differ in ``n_k``, or if their
        leading axes do not broadcast; if ``mask`` is not boolean (a 0/1 integer or a float
        mask is refused: ``torch`` *adds* a float mask to the scores), does not broadcast to
        ``(..., n_q, n_k)`` (also when it would add axes), or masks out every key of some
        query (that row of weights would be 0 / 0).

    See Also
    --------
    scipy.special.softmax : the reference is
        ``softmax(np.where(mask, Q @ K^T / sqrt(d_k), -np.inf), axis=-1)``, then ``@ V``.

    Examples
    --------
    >>> Q = [[1.0, 0.0], [0.0, 0.0]]
    >>> K = [[2.0, 0.0], [0.0, 0.0]]
    >>> V = [[1.0, 2.0, 3.0], [5.0, 6.0, 7.0]]
    >>> output, weights = scaled_dot_product_attention(Q, K, V)
    >>> weights.round(4)  # row 0: softmax of [2, 0] / sqrt(2); row 1: uniform
    array([[0.8044, 0.1956],
           [0.5   , 0.5   ]])
    >>> output.round(4)
    array([[1.7823, 2.7823, 3.7823],
           [3.    , 4.    , 5.    ]])
    >>> output, weights = scaled_dot_product_attention(Q, K, V, mask=[[True, False], [True, True]])
    >>> weights
    array([[1. , 0. ],
           [0.5, 0.5]])
    """
    ### BEGIN SOLUTION
    arrays = []
    for name, array in (("Q", Q), ("K", K), ("V", V)):
        array = np.asarray(array, dtype=np.float64)
        if array.ndim < 2:
            raise ValueError(f"{name} must have shape (..., n, d), got shape {array.shape}")
        if array.size == 0:
            raise ValueError(f"{name} is empty (shape {array.shape})")
        arrays.append(array)
    Q, K, V = arrays
    if Q.shape[-1] != K.shape[-1]:
        raise ValueError(f"Q has d_k = {Q.shape[-1]} but K has {K.shape[-1]}")
    if K.shape[-2] != V.shape[-2]:
        raise ValueError(f"K has n_k = {K.shape[-2]} keys but V has {V.shape[-2]} values")
    try:
        np.broadcast_shapes(Q.shape[:-2], K.shape[:-2], V.shape[:-2])
    except ValueError:
        raise ValueError(
            f"the leading axes of Q {Q.shape}, K {K.shape} and V {V.shape} do not broadcast"
        ) from None
    # Scale Q (n_q * d_k entries) rather than the scores (n_q * n_k): the same S.
    scores = (Q * (1.0 / np.sqrt(Q.shape[-1]))) @ np.swapaxes(K, -1, -2)
    if mask is not None:
        mask = np.asarray(mask)
        if mask.dtype != np.bool_:
            raise ValueError(f"mask must be boolean (True = attend), got dtype {mask.dtype}")
        try:
            spread = np.broadcast_to(mask, scores.shape)
        except ValueError:
            raise ValueError(
                f"mask of shape {mask.shape} does not broadcast to the weights' shape {scores.shape}"
            ) from None
        if not spread.any(axis=-1).all():
            raise ValueError("mask leaves some query no key to attend to (a row of False)")
        # + 0 where attended, -inf where masked: exp(-inf) = 0 exactly, whatever the other scores
        scores += np.where(mask, 0.0, -np.inf)
    # The softmax along the keys, in place; the row maximum is finite (each row keeps a key).
    scores -= scores.max(axis=-1, keepdims=True)
    weights = np.exp(scores, out=scores)
    weights /= weights.sum(axis=-1, keepdims=True)
    return weights @ V, weights
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Which axis of Q @ K^T runs over the keys, and which d goes under the square root: the "
    "queries' and keys' length, or the values'? What does exp give for a score of 1e4?",
    "With batch axes, transpose K's last two axes only (np.swapaxes(K, -1, -2)), not K.T. Set "
    "the masked scores to -np.inf (np.where(mask, S, -np.inf)) rather than to a large finite "
    "number, subtract each row's max, and normalise along axis=-1.",
    "S = Q @ np.swapaxes(K, -1, -2) / np.sqrt(Q.shape[-1]); S = np.where(mask, S, -np.inf); "
    "E = np.exp(S - S.max(axis=-1, keepdims=True)); A = E / E.sum(axis=-1, keepdims=True); "
    "return A @ V, A (after the ValueError checks)",
)
TALKING_POINTS = {
    "use": "The core of transformers: each query takes an average of the values, weighted by a "
    "softmax of its scaled dot products with the keys.",
    "assumes": "Q and K share d_k, K and V share n_k; a boolean mask with True = may attend, the "
    "convention of torch.nn.functional.scaled_dot_product_attention.",
    "pitfalls": (
        "Scale by sqrt(d_k), the width of queries and keys: unscaled scores grow like sqrt(d_k) "
        "and saturate the softmax, whose gradients then vanish.",
        "Mask conventions differ: True means attend for F.scaled_dot_product_attention, but "
        "ignore for nn.MultiheadAttention's key_padding_mask.",
        "Mask with -inf, not -1e9 (huge scores leak through a finite mask); a row with every key "
        "masked is 0 / 0 = nan.",
    ),
    "cost": "O(n_q n_k (d_k + d_v)) time, O(n_q n_k) memory for the weights: quadratic in sequence "
    "length (FlashAttention avoids storing them).",
    "follow_ups": (
        (
            "Why divide by sqrt(d_k)?",
            "If q and k have independent entries of mean 0 and variance 1, q . k has variance "
            "d_k; dividing by sqrt(d_k) brings it back to 1.",
        ),
        (
            "Self- vs cross-attention?",
            "Self: Q, K and V come from one sequence. Cross (encoder-decoder): Q from the "
            "decoder, K and V from the encoder, so n_q != n_k.",
        ),
        (
            "Why is long context expensive?",
            "The n x n score matrix: doubling the length quadruples the time and, unless fused, the memory.",
        ),
    ),
}
QUIZ = (
    {
        "question": "scaled_dot_product_attention([[1.0, 0.0]], [[1.0, 0.0], [1.0, 0.0]], [[0.0], "
        "[4.0]])[0][0, 0], two identical keys?",
        "answer": 2.0,
        "tolerance": 1e-09,
        "check": "scaled_dot_product_attention([[1.0, 0.0]], [[1.0, 0.0], [1.0, 0.0]], [[0.0], "
        "[4.0]])[0][0, 0]",
        "why": "Equal scores give equal weights 0.5 and 0.5: the mean of the values 0 and 4.",
    },
    {
        "question": "scaled_dot_product_attention([[2.0, 0.0]], [[2.0, 0.0], [0.0, 0.0]], [[1.0], "
        "[0.0]])[1][0, 0], the first weight (to 4 decimals)?",
        "answer": 0.9442,
        "tolerance": 0.0001,
        "check": "scaled_dot_product_attention([[2.0, 0.0]], [[2.0, 0.0], [0.0, 0.0]], [[1.0], "
        "[0.0]])[1][0, 0]",
        "why": "Scores (4, 0) / sqrt(2) = (2.83, 0); softmax gives 1 / (1 + e^-2.83) = 0.9442.",
    },
    {
        "question": "q and k have 64 independent entries of mean 0 and variance 1: the variance of q . k?",
        "choices": ("1", "8", "64", "4096"),
        "answer": 2,
        "why": "A sum of 64 independent products, each of variance 1: hence the division by sqrt(64).",
    },
)
### END META
