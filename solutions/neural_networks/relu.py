"""The rectified linear unit, the default hidden activation of neural networks."""

import numpy as np


def relu(z):
    r"""Rectified linear unit, applied elementwise.

    .. math:: \mathrm{relu}(z) = \max(0,\ z)

    Negative entries become 0; zero and positive entries pass through unchanged. The
    result has the shape of ``z`` (a number gives a number), and ``z`` itself is not
    modified.

    Parameters
    ----------
    z : array_like of any shape
        Pre-activations (real numbers).

    Returns
    -------
    numpy.ndarray or float
        ``max(0, z)`` entry by entry, with the shape of ``z``.

    Raises
    ------
    ValueError
        If ``z`` cannot be read as an array of real numbers (strings, ragged nested
        lists).

    See Also
    --------
    numpy.maximum : the reference (``np.maximum(z, 0)``), elementwise unlike ``np.max``.
    sklearn.neural_network._base.inplace_relu : the same function, in place.

    Examples
    --------
    >>> relu([-2.0, 0.0, 3.5])
    array([0. , 0. , 3.5])
    >>> relu([[1.0, -1.0], [-0.5, 2.0]])
    array([[1., 0.],
           [0., 2.]])
    """
    ### BEGIN SOLUTION
    try:
        z = np.asarray(z, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"z must be an array of real numbers: {error}") from None
    return np.maximum(z, 0.0)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "relu keeps the shape of its input: z of shape (3, 4) gives (3, 4). Does np.max(z, 0) do "
    "that, or does it reduce along axis 0?",
    "Use the elementwise np.maximum, after turning z into a float array with "
    "np.asarray(z, dtype=float) (which also raises ValueError on strings).",
    "return np.maximum(np.asarray(z, dtype=float), 0.0)",
)
TALKING_POINTS = {
    "use": "The default hidden activation of deep networks: cheap, and with gradient 1 for every z > "
    "0 it does not saturate.",
    "assumes": "Nothing about the data: elementwise; its derivative at z = 0 is taken as 0 by convention "
    "(scikit-learn and PyTorch do).",
    "pitfalls": (
        "np.max(z, 0) reduces along axis 0; the elementwise function is np.maximum(z, 0).",
        "Dying units: a unit whose pre-activation is negative for every input gets zero gradient "
        "and never recovers (too large a learning rate, a bad bias); leaky relu or GELU keep a "
        "gradient.",
        "NaN: np.maximum propagates it (good: the bug shows); np.fmax(z, 0) would silently turn it into 0.",
    ),
    "cost": "O(n) time, one output array; no exp, so cheaper than sigmoid or tanh.",
    "follow_ups": (
        (
            "Why relu rather than the sigmoid in hidden layers?",
            "The sigmoid's derivative is at most 0.25 and vanishes for large |z|, so gradients "
            "shrink layer after layer; relu passes them unchanged where z > 0.",
        ),
        (
            "Which initialisation goes with relu?",
            "He (Kaiming): weight variance 2 / fan_in, which keeps the activations' scale from "
            "layer to layer since relu zeroes about half of them.",
        ),
        (
            "Is a relu network linear?",
            "Piecewise linear: each region of the input space gets its own affine map, so depth "
            "still adds expressive power.",
        ),
    ),
}
QUIZ = (
    {
        "question": "relu([-2.0, 0.0, 3.0]).sum()?",
        "answer": 3.0,
        "tolerance": 1e-12,
        "check": "relu([-2.0, 0.0, 3.0]).sum()",
        "why": "-2 becomes 0, 0 and 3 pass: 0 + 0 + 3.",
    },
    {
        "question": "The gradient of relu at z = -3?",
        "choices": ("0", "1", "-3", "Undefined"),
        "answer": 0,
        "why": "relu is the constant 0 for z < 0.",
    },
)
### END META
