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
    "1 / (1 + np.exp(-z)) is right but exp(-z) / (1 + exp(-z)) gives inf / inf = nan for very "
    "negative z. Check the shapes yourself: numpy would broadcast a bias of length 1.",
    "Check activation, ndim and shapes (raise ValueError), then return g(X @ W + b) with g from "
    "a dict {'identity': ..., 'relu': np.maximum(z, 0), 'logistic': 1 / (1 + exp(-z)), "
    "'tanh': np.tanh}.",
)
### END META
