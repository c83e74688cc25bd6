"""The sinusoidal positional encoding of "Attention Is All You Need"."""

import numpy as np


def positional_encoding(n_positions, d_model):
    r"""Sinusoidal positional encodings of the positions ``0 .. n_positions - 1``.

    .. math::

        PE_{p,\,2i} = \sin\!\left(\frac{p}{10000^{2i / d}}\right), \qquad
        PE_{p,\,2i+1} = \cos\!\left(\frac{p}{10000^{2i / d}}\right)

    for position :math:`p` (counting from 0) and :math:`i = 0 .. d/2 - 1`, with :math:`d` =
    ``d_model``. Columns come in pairs: the even column ``2i`` holds the sine and the odd
    column ``2i + 1`` the cosine *of the same frequency*, interleaved (not all the sines
    first). The wavelengths grow geometrically from :math:`2\pi` (columns 0 and 1) towards
    :math:`10000 \cdot 2\pi`, so row 0 is ``[0, 1, 0, 1, ...]``. Positions in the thousands
    must come out as accurately as small ones (compute in float64).

    Parameters
    ----------
    n_positions : int
        The number of positions, ``>= 1``.
    d_model : int
        The width of the encoding: even and ``>= 2`` (sines and cosines in pairs).

    Returns
    -------
    numpy.ndarray of shape (n_positions, d_model)
        The encodings, float64, one position per row.

    Raises
    ------
    ValueError
        If ``n_positions`` or ``d_model`` is not an integer (a float such as ``2.5``, even
        ``4.0``), if ``n_positions < 1``, or if ``d_model`` is odd or ``< 2``.

    See Also
    --------
    multi_head_attention : the layer these encodings are added to the input of. The
        reference is the paper's formula, evaluated entry by entry with ``math.sin`` and
        ``math.cos`` (section 3.5 of Vaswani et al., 2017).

    Examples
    --------
    >>> positional_encoding(3, 4).round(4)
    array([[ 0.    ,  1.    ,  0.    ,  1.    ],
           [ 0.8415,  0.5403,  0.01  ,  1.    ],
           [ 0.9093, -0.4161,  0.02  ,  0.9998]])
    """
    ### BEGIN SOLUTION
    for name, value in (("n_positions", n_positions), ("d_model", d_model)):
        if not isinstance(value, int | np.integer):
            raise ValueError(f"{name} must be an integer, got {value!r}")
    if n_positions < 1:
        raise ValueError(f"n_positions must be at least 1, got {n_positions}")
    if d_model < 2 or d_model % 2:
        raise ValueError(f"d_model must be even and at least 2 (sin and cos in pairs), got {d_model}")
    # 1 / 10000^(2i/d) for i = 0 .. d/2 - 1, then one angle per (position, pair)
    frequencies = np.power(10000.0, -np.arange(0, d_model, 2) / d_model)
    angles = np.arange(n_positions, dtype=np.float64)[:, None] * frequencies
    encoding = np.empty((n_positions, d_model))
    np.sin(angles, out=encoding[:, 0::2])
    np.cos(angles, out=encoding[:, 1::2])
    return encoding
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Columns 2i and 2i + 1 share one frequency: what is it for i = 0, and for the last pair? "
    "What does row 0 (position 0) look like?",
    "Build the frequencies per pair, 10000 ** (-np.arange(0, d_model, 2) / d_model), not per "
    "column; multiply a column of positions by this row to get every angle at once, then write "
    "sin into the even columns (encoding[:, 0::2]) and cos into the odd ones (encoding[:, 1::2]).",
    "angles = np.arange(n_positions)[:, None] / 10000 ** (np.arange(0, d_model, 2) / d_model); "
    "pe = np.zeros((n_positions, d_model)); pe[:, 0::2] = np.sin(angles); "
    "pe[:, 1::2] = np.cos(angles) (after the ValueError checks)",
)
TALKING_POINTS = {
    "use": "Telling attention, which ignores order, where each token is: added to the embeddings; "
    "fixed, no parameters, defined for any length.",
    "assumes": "An even d_model; the sine in even columns and the cosine in odd ones, one frequency 1 / "
    "10000^(2i/d) per pair; positions from 0.",
    "pitfalls": (
        "A frequency per column, 10000^(j/d), instead of per pair, 10000^(2i/d): the sine and "
        "cosine of a pair then differ in frequency.",
        "Interleaved vs concatenated (all sines, then all cosines, as some code does): both "
        "encode position, but a trained model expects its own.",
        "float32 at large positions: an angle near 1e4 has a float32 spacing of about 1e-3; "
        "compute in float64.",
    ),
    "cost": "O(n d) time and memory, computed once and reused.",
    "follow_ups": (
        (
            "Why sine and cosine pairs?",
            "For a fixed offset k, PE(p + k) is a rotation of PE(p) in each pair, a linear map "
            "independent of p: the paper hoped this eases relative attention.",
        ),
        (
            "PE(p) . PE(q)?",
            "sum_i cos(omega_i (p - q)): it depends only on the offset p - q, and PE(p) . PE(p) = d / 2.",
        ),
        (
            "Learned or fixed?",
            "BERT and GPT-2 learn them (up to a maximum length); the paper found both nearly the "
            "same. RoPE rotates q and k instead.",
        ),
    ),
}
QUIZ = (
    {
        "question": "positional_encoding(1, 8)[0].sum()?",
        "answer": 4.0,
        "tolerance": 1e-12,
        "check": "positional_encoding(1, 8)[0].sum()",
        "why": "Row 0 is (0, 1, 0, 1, ...): sin 0 = 0 and cos 0 = 1, over 4 pairs.",
    },
    {
        "question": "PE(37) . PE(37) for d_model = 16?",
        "answer": 8.0,
        "tolerance": 1e-09,
        "check": "positional_encoding(50, 16)[37] @ positional_encoding(50, 16)[37]",
        "why": "sin^2 + cos^2 = 1 in each of the 8 pairs: every position has norm sqrt(d / 2).",
    },
    {
        "question": "The wavelengths of the pairs run",
        "choices": (
            "From 2 pi up towards 10000 * 2 pi",
            "From 1 to 10000",
            "All equal to 2 pi",
            "From 2 pi / 10000 up to 2 pi",
        ),
        "answer": 0,
        "why": "Pair i has frequency 1 / 10000^(2i/d): 1 for i = 0, ever smaller after.",
    },
)
### END META
