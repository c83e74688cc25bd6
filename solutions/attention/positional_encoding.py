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
### END META
