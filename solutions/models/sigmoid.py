"""The logistic sigmoid, computed without overflow."""

import numpy as np


def sigmoid(z):
    r"""The logistic function, elementwise, stable for inputs of any size.

    .. math:: \sigma(z) = \frac{1}{1 + e^{-z}} = \frac{e^{z}}{1 + e^{z}}

    The two forms are equal, but each overflows on one side: ``exp(-z)`` for very negative
    ``z`` and ``exp(z)`` for very positive ``z``. With :math:`e = e^{-|z|} \le 1`,
    :math:`\sigma(z) = 1 / (1 + e)` for :math:`z \ge 0` and :math:`e / (1 + e)` for
    :math:`z < 0`: no exponent is ever positive, so nothing overflows, every value lies
    in ``[0, 1]``, and tiny probabilities such as :math:`\sigma(-40) \approx 4.2 \cdot 10^{-18}`
    keep their relative precision.

    Parameters
    ----------
    z : float or array_like
        The input: a number, or an array of any shape.

    Returns
    -------
    float or numpy.ndarray
        A Python float for a scalar input, else a float64 array of the shape of ``z``
        (``scipy.special.expit`` returns an array for array input too). ``sigmoid(-1e4)``
        is exactly ``0.0`` and ``sigmoid(1e4)`` exactly ``1.0``, without a warning;
        ``inf`` maps to 1, ``-inf`` to 0 and ``nan`` to ``nan``.

    Raises
    ------
    ValueError
        If ``z`` is not numeric. (An empty input is no error: it gives an empty float
        array of its shape, as every elementwise map in numpy and SciPy does.)

    See Also
    --------
    scipy.special.expit : the reference.

    Examples
    --------
    >>> sigmoid(0.0)
    0.5
    >>> sigmoid([-1e4, 0.0, 2.0, 1e4])
    array([0.        , 0.5       , 0.88079708, 1.        ])
    """
    ### BEGIN SOLUTION
    z = np.asarray(z)
    if z.dtype.kind not in "biuf":
        raise ValueError(f"z must be numeric, got an array of dtype {z.dtype}")
    if z.size == 0:  # an elementwise map: an empty input gives an empty result, as expit does
        return np.zeros(z.shape)
    z = z.astype(np.float64, copy=False)
    # exp(min(z, 0)) is e = exp(-|z|) where z < 0 and 1 where z >= 0: the numerator of both
    # forms, so this is e / (1 + e) or 1 / (1 + e) with no choice per element. (np.where would
    # compute both forms in full, and its unpredictable choice costs more than a second exp.)
    out = np.exp(np.minimum(z, 0.0))
    out /= 1.0 + np.exp(-np.abs(z))
    return float(out) if out.ndim == 0 else out
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "What does np.exp(-z) give for z = -1e4? And np.exp(z) for z = 1e4? Which of the two "
    "forms 1 / (1 + exp(-z)) and exp(z) / (1 + exp(z)) is safe for negative z?",
    "Compute e = np.exp(-np.abs(z)), which is never above 1, and build both forms from it. "
    "np.where evaluates both of its branches, so neither branch may call exp on a large number.",
    "e = np.exp(-np.abs(z)); np.where(z >= 0, 1 / (1 + e), e / (1 + e)), and float(...) for a scalar.",
)
TALKING_POINTS = {
    "use": (
        "Maps a real score (log-odds) to a probability in (0, 1): the link of logistic regression, the gates "
        "of LSTMs, and softmax over two classes."
    ),
    "assumes": "Nothing about data: z is a log-odds, z = log(p / (1 - p)).",
    "pitfalls": (
        (
            "Overflow: 1 / (1 + exp(-z)) overflows in exp for z < -709 (a warning), and exp(z) / (1 + "
            "exp(z)) is inf / inf = nan for z > 709; build both from exp(-|z|)."
        ),
        "np.where evaluates both branches: each must be safe for every z, not just where it is chosen.",
        (
            "Precision: 1 - sigmoid(z) is 0.0 for large z; use sigmoid(-z), and -np.logaddexp(0, -z) for "
            "log(sigmoid(z))."
        ),
    ),
    "cost": "O(n) time (one exp per element), O(n) memory for the output.",
    "follow_ups": (
        (
            "Its derivative?",
            (
                "sigma(z) (1 - sigma(z)), at most 0.25 (at z = 0): one cause of vanishing gradients in deep "
                "sigmoid networks."
            ),
        ),
        (
            "Relation to softmax and tanh?",
            "softmax([z, 0])[0] = sigma(z), and tanh(z) = 2 sigma(2 z) - 1.",
        ),
        (
            "Its inverse?",
            "The logit, log(p / (1 - p)) (scipy.special.logit).",
        ),
    ),
}
QUIZ = (
    {
        "question": "sigmoid(ln 3)?",
        "answer": 0.75,
        "tolerance": 1e-09,
        "check": "sigmoid(np.log(3.0))",
        "why": "e^z / (1 + e^z) = 3 / 4.",
    },
    {
        "question": "Why is exp(z) / (1 + exp(z)) unsafe at z = 1000?",
        "choices": (
            "It returns a negative number",
            "exp overflows: inf / inf is nan",
            "It underflows to 0",
            "It is merely slower",
        ),
        "answer": 1,
        "why": "exp(1000) is inf in float64.",
    },
    {
        "question": "The largest value of the derivative sigmoid(z) (1 - sigmoid(z))?",
        "answer": 0.25,
        "tolerance": 1e-12,
        "check": "sigmoid(0.0) * (1 - sigmoid(0.0))",
        "why": "It peaks at z = 0, where sigmoid is 0.5.",
    },
)
### END META
