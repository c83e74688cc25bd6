"""Inverted dropout: drop units by a given mask and rescale the kept ones."""

import numpy as np


def dropout(X, p, mask):
    r"""Inverted dropout (training mode) with a given keep-mask.

    .. math:: \mathrm{out} = \frac{X \odot m}{1 - p}

    Each unit is dropped with probability ``p``; ``mask`` says which were kept (``True``)
    in this draw, so the result is exact: dropped units become 0 and kept ones are divided
    by the keep probability :math:`1 - p`, so that every unit's expected value is
    unchanged and nothing needs rescaling at test time. With ``p = 0`` nothing is dropped
    (the mask drawn is all ``True``) and the result equals ``X``, as a new float array (not
    ``X`` itself, nor the list it was given as). The formula is applied as given for any
    mask. The mask must have the shape of ``X`` exactly: it is not broadcast. The result is
    float (integer ``X`` is not truncated), a number for a number, and the inputs are not
    modified.

    Parameters
    ----------
    X : array_like of any shape
        Activations (finite real numbers).
    p : float
        The probability of dropping a unit, in ``[0, 1)``: a number, not a string.
    mask : array_like of bool, the shape of X
        ``True`` where the unit is kept. An array of 0s and 1s is read the same way.

    Returns
    -------
    numpy.ndarray or float
        ``X * mask / (1 - p)``, with the shape of ``X``.

    Raises
    ------
    ValueError
        If ``p`` is not a number in ``[0, 1)`` (``p = 1`` would divide by 0; nan and
        strings such as ``'0.5'`` are refused); if ``mask`` does not have the shape of
        ``X``; if ``mask`` holds anything but True/False (or 1/0); or if ``X`` is not numeric.

    See Also
    --------
    numpy.multiply : the reference, ``X * mask / (1 - p)``.

    Examples
    --------
    >>> dropout([1.0, 2.0, 3.0, 4.0], 0.5, [True, False, True, True])
    array([2., 0., 6., 8.])
    >>> dropout([[1, -2], [3, 4]], 0.2, [[1, 1], [0, 1]])
    array([[ 1.25, -2.5 ],
           [ 0.  ,  5.  ]])
    """
    ### BEGIN SOLUTION
    try:
        X = np.asarray(X, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"X must hold real numbers: {error}") from None
    given = np.asarray(p) if not isinstance(p, str | bytes) else None
    if given is None or given.ndim != 0 or given.dtype.kind not in "biuf" or not 0.0 <= given < 1.0:
        raise ValueError(f"p must be a number in [0, 1), got {p!r}")  # nan fails 0 <= p too
    p = float(given)
    mask = np.asarray(mask)
    if mask.shape != X.shape:
        raise ValueError(f"mask must have the shape of X, {X.shape}; got {mask.shape}")
    if mask.dtype != bool:
        if mask.dtype.kind not in "iuf" or not np.all((mask == 0) | (mask == 1)):
            raise ValueError("mask must hold only True/False (or 1/0)")
        mask = mask != 0
    out = np.divide(X, 1.0 - p)
    if out.ndim == 0:
        return float(out) if mask else 0.0
    out *= mask
    return out
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What should dropout([1.0, 2.0], 0.5, [True, False]) give? Dropped units become 0; why are "
    "the kept ones made bigger, and by what factor?",
    "Divide by the keep probability 1 - p (not p), and check what you are given: p in [0, 1), a "
    "mask of the same shape as X holding only True/False (or 1/0).",
    "X = np.asarray(X, dtype=float); validate p and mask; return X * mask / (1 - p)",
)
TALKING_POINTS = {
    "use": "Regularising a network in training: each unit is zeroed with probability p, so units "
    "cannot co-adapt; a cheap ensemble of thinned networks.",
    "assumes": "Inverted dropout: kept units are scaled by 1 / (1 - p) in training, so inference is the "
    "identity (torch.nn.Dropout, where p is the drop probability).",
    "pitfalls": (
        "p means drop in PyTorch (Keras: rate) but keep in TensorFlow 1's keep_prob: dividing by "
        "p instead of 1 - p is the classic bug.",
        "It must be off at inference (model.eval() in PyTorch); left on, predictions are random.",
        "p = 1 divides by zero; backward reuses the same mask: dX = dout * mask / (1 - p).",
    ),
    "cost": "O(n) time; the mask, n booleans, is kept for the backward pass.",
    "follow_ups": (
        (
            "Why scale by 1 / (1 - p)?",
            "So each unit's expected value is unchanged, E[x m / (1 - p)] = x, and nothing needs "
            "rescaling at test time.",
        ),
        (
            "Is the variance preserved too?",
            "No: for a fixed x it becomes x^2 p / (1 - p); only the mean is kept.",
        ),
        (
            "Dropout on convolutional feature maps?",
            "nn.Dropout2d zeroes whole channels: neighbouring pixels are correlated, so zeroing "
            "single ones barely regularises.",
        ),
    ),
}
QUIZ = (
    {
        "question": "dropout([2.0], 0.75, [True])[0]?",
        "answer": 8.0,
        "tolerance": 1e-12,
        "check": "dropout([2.0], 0.75, [True])[0]",
        "why": "A kept unit is divided by 1 - 0.75.",
    },
    {
        "question": "In torch.nn.Dropout(p=0.2), p is",
        "choices": (
            "The probability of zeroing an element",
            "The probability of keeping it",
            "The scale of the kept elements",
            "The fraction of layers dropped",
        ),
        "answer": 0,
        "why": "PyTorch's p is the drop probability; kept ones are scaled by 1 / (1 - p).",
    },
)
### END META
