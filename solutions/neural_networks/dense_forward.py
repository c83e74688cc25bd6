"""The forward pass of one fully connected (dense) layer."""

import numpy as np


def dense_forward(X, W, b, activation="relu"):
    r"""Output of a dense layer: an affine map followed by an elementwise activation.

    .. math:: A = g(X W + b)

    with ``b`` added to every row and ``g`` one of

    ============  ==============================================
    ``identity``  :math:`g(z) = z`
    ``relu``      :math:`g(z) = \max(0, z)`
    ``logistic``  :math:`g(z) = 1 / (1 + e^{-z})` (the sigmoid)
    ``tanh``      :math:`g(z) = \tanh z`
    ============  ==============================================

    the activations of scikit-learn's multi-layer perceptron. The logistic function must
    stay finite and correct for large ``|z|`` (``g(-1000) = 0``, ``g(1000) = 1``).

    Parameters
    ----------
    X : array_like of shape (n, d_in)
        Inputs, one sample per row.
    W : array_like of shape (d_in, d_out)
        Weights: column ``j`` holds the weights of output unit ``j``.
    b : array_like of shape (d_out,)
        Biases, one per output unit.
    activation : {"relu", "identity", "logistic", "tanh"}, default="relu"
        The activation ``g``.

    Returns
    -------
    numpy.ndarray of shape (n, d_out)
        The layer's activations.

    Raises
    ------
    ValueError
        If ``activation`` is not one of the four names, if ``X`` or ``W`` is not 2-D or
        ``b`` not 1-D, if ``X`` has no rows, or if the shapes do not fit together
        (``X.shape[1] != W.shape[0]`` or ``len(b) != W.shape[1]``).

    See Also
    --------
    sklearn.neural_network._base.ACTIVATIONS : the reference activations (in place).

    Examples
    --------
    >>> X = [[1.0, 2.0], [-1.0, 0.5]]
    >>> W = [[1.0, -1.0, 0.0], [0.5, 1.0, 2.0]]
    >>> dense_forward(X, W, [0.0, -1.0, 1.0])
    array([[2. , 0. , 5. ],
           [0. , 0.5, 2. ]])
    >>> dense_forward(X, W, [0.0, -1.0, 1.0], activation="identity")
    array([[ 2.  ,  0.  ,  5.  ],
           [-0.75,  0.5 ,  2.  ]])
    """

    ### BEGIN SOLUTION
    # Each activation overwrites its argument, the fresh array X @ W + b: no temporaries.
    def logistic(z):
        # 1 / (1 + exp(-z)). For z < -709 exp(-z) overflows to inf, and 1 / (1 + inf) is
        # exactly 0, the right limit: that overflow is harmless, so it is silenced.
        with np.errstate(over="ignore"):
            np.exp(np.negative(z, out=z), out=z)
        z += 1.0
        return np.reciprocal(z, out=z)

    activations = {
        "identity": lambda z: z,
        "relu": lambda z: np.maximum(z, 0.0, out=z),
        "logistic": logistic,
        "tanh": lambda z: np.tanh(z, out=z),
    }
    if activation not in activations:
        raise ValueError(f"unknown activation {activation!r}; use one of {sorted(activations)}")
    X = np.asarray(X, dtype=np.float64)
    W = np.asarray(W, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    if X.ndim != 2 or W.ndim != 2 or b.ndim != 1:
        raise ValueError(
            f"expected X (n, d_in), W (d_in, d_out), b (d_out,); got {X.shape}, {W.shape}, {b.shape}"
        )
    if X.shape[0] == 0:
        raise ValueError("X has no rows: there is no sample to transform")
    if X.shape[1] != W.shape[0]:
        raise ValueError(f"X has {X.shape[1]} features but W expects {W.shape[0]} (W.shape = {W.shape})")
    if b.shape[0] != W.shape[1]:
        raise ValueError(f"b has {b.shape[0]} entries but W has {W.shape[1]} output units")
    Z = X @ W
    Z += b  # Z = X @ W + b, in place
    return activations[activation](Z)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "With X of shape (n, d_in) and W of shape (d_in, d_out), which product gives one row of "
    "d_out outputs per sample, and when is the bias added: before or after the activation?",
    "Compute Z = X @ W + b first, then apply the activation elementwise. For the logistic, "
    "1 / (1 + np.exp(-z)) is right but exp(z) / (1 + exp(z)) gives inf / inf = nan for very "
    "positive z. Check the shapes yourself: numpy would broadcast a bias of length 1.",
    "Check activation, ndim and shapes (raise ValueError), then return g(X @ W + b) with g from "
    "a dict {'identity': ..., 'relu': np.maximum(z, 0), 'logistic': 1 / (1 + exp(-z)), "
    "'tanh': np.tanh}.",
)
TALKING_POINTS = {
    "use": "The building block of an MLP: an affine map of every sample, then an elementwise "
    "nonlinearity (here scikit-learn's four activations).",
    "assumes": "Rows are samples: X is (n, d_in), W is (d_in, d_out) as scikit-learn's coefs_; PyTorch's "
    "nn.Linear stores (d_out, d_in) and computes x W^T + b.",
    "pitfalls": (
        "Logistic overflow: exp(z) / (1 + exp(z)) is inf / inf = nan for z > 709; 1 / (1 + "
        "exp(-z)) is safe (its overflow gives 1 / inf = 0), or use scipy.special.expit.",
        "Shapes: numpy silently broadcasts a length-1 bias, and a square W works transposed; "
        "check X.shape[1] == W.shape[0] and len(b) == W.shape[1].",
        "The bias goes in before the activation: g(XW + b), not g(XW) + b.",
    ),
    "cost": "O(n d_in d_out) time (one matrix product), O(n d_out) memory.",
    "follow_ups": (
        (
            "Why a nonlinearity at all?",
            "Without it, stacked layers compose into one affine map: depth adds nothing.",
        ),
        (
            "How many parameters?",
            "d_in * d_out weights plus d_out biases.",
        ),
        (
            "Why not initialise W to zeros?",
            "Every unit would compute the same output and get the same gradient, so they stay "
            "identical; random (Glorot or He) initialisation breaks the symmetry.",
        ),
    ),
}
QUIZ = (
    {
        "question": "dense_forward([[1.0, 2.0]], [[1.0], [1.0]], [-1.0], activation='logistic')[0, 0] (to "
        "4 decimals)?",
        "answer": 0.8808,
        "tolerance": 0.0001,
        "check": "dense_forward([[1.0, 2.0]], [[1.0], [1.0]], [-1.0], activation='logistic')[0, 0]",
        "why": "z = 1 + 2 - 1 = 2, and 1 / (1 + e^-2) = 0.8808.",
    },
    {
        "question": "dense_forward([[1.0, 2.0]], [[1.0], [1.0]], [-4.0])[0, 0], with the default relu?",
        "answer": 0.0,
        "tolerance": 1e-12,
        "check": "dense_forward([[1.0, 2.0]], [[1.0], [1.0]], [-4.0])[0, 0]",
        "why": "relu(1 + 2 - 4) = relu(-1) = 0: the bias comes before the activation.",
    },
    {
        "question": "Parameters of a dense layer from 100 inputs to 10 units?",
        "choices": ("1000", "1010", "1100", "110"),
        "answer": 1,
        "why": "100 * 10 weights plus 10 biases.",
    },
)
### END META
