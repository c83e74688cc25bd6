"""The causal (look-ahead) mask of a decoder's self-attention."""

import numpy as np


def causal_mask(n):
    r"""Boolean mask that lets each position attend to itself and the positions before it.

    .. math::

        M_{ij} = \begin{cases} \text{True} & j \le i \\ \text{False} & j > i \end{cases}
        \qquad 0 \le i, j < n

    Row ``i`` is query position ``i``, column ``j`` key position ``j``: ``True`` means *may
    attend*, the convention of :func:`scaled_dot_product_attention` (and of
    ``torch.nn.functional.scaled_dot_product_attention``), so the mask is lower triangular
    with its diagonal, and no row is fully masked. (``torch.nn.Transformer``'s
    ``generate_square_subsequent_mask`` uses the opposite convention: there ``True``, or
    ``-inf``, marks what is *hidden*.)

    Parameters
    ----------
    n : int
        The sequence length, ``n >= 1``: a Python or numpy integer.

    Returns
    -------
    numpy.ndarray of shape (n, n), dtype bool
        The mask: ``True`` on and below the diagonal.

    Raises
    ------
    ValueError
        If ``n`` is not an integer (a float such as ``2.5``, even ``4.0``; a string) or
        ``n < 1`` (a sequence of no positions has no attention to mask).

    See Also
    --------
    numpy.tril : the reference, ``np.tril(np.ones((n, n), dtype=bool))``.

    Examples
    --------
    >>> causal_mask(3)
    array([[ True, False, False],
           [ True,  True, False],
           [ True,  True,  True]])
    >>> causal_mask(1)
    array([[ True]])
    """
    ### BEGIN SOLUTION
    if not isinstance(n, int | np.integer):
        raise ValueError(f"n must be an integer, got {n!r}")
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    # positions j <= i: one comparison of a column of query positions with a row of key positions
    return np.arange(n)[:, None] >= np.arange(n)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Which keys may query position i look at when the model must not see the future: j < i, "
    "j <= i, or j >= i? And which dtype does a mask have?",
    "np.tril keeps the lower triangle, diagonal included (k=0); np.ones((n, n), dtype=bool) gives "
    "booleans to start from. Check n yourself: np.ones((0, 0)) or np.ones((2.5, 2.5)) is not a mask.",
    "Raise ValueError unless n is an integer >= 1; then return np.tril(np.ones((n, n), dtype=bool)).",
)
TALKING_POINTS = {
    "use": "Decoder (GPT-style) self-attention: position i may attend to positions j <= i, so a "
    "whole sequence trains in parallel without seeing the future.",
    "assumes": "True = may attend (F.scaled_dot_product_attention's convention); rows are query "
    "positions, columns key positions, both in order.",
    "pitfalls": (
        "Convention flip: nn.Transformer.generate_square_subsequent_mask returns a float mask, "
        "-inf above the diagonal and 0 elsewhere, added to the scores.",
        "Excluding the diagonal (j < i) leaves row 0 no key at all: 0 / 0 = nan in the softmax.",
        "np.tril(ones) is what may be seen, np.triu(ones, k=1) what must be hidden: mixing them "
        "up inverts the mask.",
    ),
    "cost": "O(n^2) time and memory (n^2 booleans); often left implicit instead (is_causal=True).",
    "follow_ups": (
        (
            "Is the mask needed when generating?",
            "Not with a KV cache: the one new query only sees cached past keys. In training every "
            "position is processed at once, so it is.",
        ),
        (
            "Does BERT use one?",
            "No: an encoder attends both ways and masks only padding; BERT learns by masking "
            "input tokens instead.",
        ),
        (
            "How many True entries?",
            "n (n + 1) / 2: the diagonal and everything below it.",
        ),
    ),
}
QUIZ = (
    {
        "question": "causal_mask(5).sum()?",
        "answer": 15,
        "tolerance": 0,
        "check": "causal_mask(5).sum()",
        "why": "1 + 2 + 3 + 4 + 5 = 5 * 6 / 2.",
    },
    {
        "question": "Which gives the positions a causal decoder must hide?",
        "choices": (
            "np.tril(np.ones((n, n)))",
            "np.triu(np.ones((n, n)), k=1)",
            "np.eye(n)",
            "np.tril(np.ones((n, n)), k=-1)",
        ),
        "answer": 1,
        "why": "Strictly above the diagonal: the keys j > i, the future.",
    },
)
### END META
