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

    # YOUR CODE HERE
    raise NotImplementedError()
