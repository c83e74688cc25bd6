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
    # YOUR CODE HERE
    raise NotImplementedError()
