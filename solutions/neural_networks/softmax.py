"""Softmax: turn scores into probabilities, without overflowing."""

import numpy as np


def softmax(z, axis=-1):
    r"""Softmax of ``z`` along ``axis``, computed stably.

    .. math::

        \mathrm{softmax}(z)_j = \frac{e^{z_j - m}}{\sum_c e^{z_c - m}},
        \qquad m = \max_c z_c

    Every slice along ``axis`` becomes a probability vector: entries in ``[0, 1]`` that
    sum to 1. Subtracting the slice's maximum ``m`` changes nothing mathematically but
    keeps every ``exp`` at most 1, so scores of size 1e4 give finite probabilities (no
    overflow, no ``0 / 0``).

    Parameters
    ----------
    z : array_like of any shape with at least one axis
        Scores (logits).
    axis : int, default=-1
        The axis to normalise over (the classes); the last axis by default, so a
        matrix of shape (n, k) gives one distribution per row.

    Returns
    -------
    numpy.ndarray
        Probabilities with the shape of ``z``.

    Raises
    ------
    ValueError
        If ``z`` is not numeric, or if ``axis`` is not an axis of ``z``. (An empty ``z`` is
        no error: it gives an empty float array of its shape, as ``scipy.special.softmax``
        does.)

    See Also
    --------
    scipy.special.softmax : the reference.

    Examples
    --------
    >>> softmax([1.0, 2.0, 3.0]).round(4)
    array([0.09  , 0.2447, 0.6652])
    >>> softmax([[10000.0, 10000.0], [0.0, 0.0]], axis=0)
    array([[1., 1.],
           [0., 0.]])
    """
    ### BEGIN SOLUTION
    try:
        z = np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"z must be an array of real numbers: {error}") from None
    if not -z.ndim <= axis < z.ndim:
        raise ValueError(f"axis {axis} is out of range for z of shape {z.shape}")
    if z.size == 0:  # nothing to normalise: an empty result of the same shape, as scipy gives
        return z.copy()
    shifted = z - z.max(axis=axis, keepdims=True)
    e = np.exp(shifted, out=shifted)  # in place: shifted is not needed again
    e /= e.sum(axis=axis, keepdims=True)
    return e
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "What does np.exp(1000.0) give? softmax(z) equals softmax(z - c) for any constant c in "
    "the slice: which c makes every exp at most 1?",
    "Subtract the maximum along the axis (z.max(axis=axis, keepdims=True): per slice, not the "
    "overall max), exponentiate, and divide by the sum along the same axis with keepdims=True "
    "so it broadcasts back.",
    "e = np.exp(z - z.max(axis=axis, keepdims=True)); return e / e.sum(axis=axis, keepdims=True)",
)
TALKING_POINTS = {
    "use": "Turning logits into a probability distribution: the output of a multi-class classifier, "
    "the attention weights of a transformer.",
    "assumes": "The classes are mutually exclusive (one label per sample); for multi-label outputs use "
    "one sigmoid per class instead.",
    "pitfalls": (
        "Overflow: exp(1000) is inf and inf / inf is nan; subtract each slice's max first "
        "(softmax(z) = softmax(z - c) for any constant c).",
        "Axis: take the max and the sum per slice (axis=-1 for (n, k)) with keepdims=True; a "
        "global max can underflow a whole row to 0 / 0.",
        "log(softmax(z)) is -inf once a probability underflows; use log_softmax, z - m - "
        "log(sum(exp(z - m))).",
    ),
    "cost": "O(n k) time for n rows of k classes; one output array (shift and exp can run in place).",
    "follow_ups": (
        (
            "Why subtract the max?",
            "A shift changes nothing; with c = max every exp is at most 1 (no overflow) and one "
            "is exactly 1, so the sum is >= 1 (no 0 / 0).",
        ),
        (
            "Its Jacobian, and with cross-entropy?",
            "d s_i / d z_j = s_i (delta_ij - s_j); composed with the cross-entropy loss, the "
            "gradient at the logits is s - onehot(y).",
        ),
        (
            "What does a temperature T do?",
            "softmax(z / T): T > 1 flattens it towards uniform, T -> 0 sharpens it towards a "
            "one-hot argmax; the ranking never changes.",
        ),
    ),
}
QUIZ = (
    {
        "question": "softmax([0.0, np.log(3.0)])[1]?",
        "answer": 0.75,
        "tolerance": 1e-09,
        "check": "softmax([0.0, np.log(3.0)])[1]",
        "why": "e^0 = 1 and e^(ln 3) = 3: 3 / (1 + 3).",
    },
    {
        "question": "softmax([1000.0, 1001.0])[1] (to 4 decimals)?",
        "answer": 0.7311,
        "tolerance": 0.0001,
        "check": "softmax([1000.0, 1001.0])[1]",
        "why": "The same as softmax([0, 1]): e / (1 + e); the max shift keeps it finite.",
    },
    {
        "question": "softmax(z + 5) compared with softmax(z)?",
        "choices": ("Identical", "Each entry times e^5", "Each entry plus 5", "nan for large z"),
        "answer": 0,
        "why": "The factor e^5 cancels between numerator and denominator.",
    },
)
### END META
