"""The forward pass of a multi-layer perceptron."""

import numpy as np


def mlp_forward(X, weights, biases, activation="relu", output="softmax"):
    r"""Output of a multi-layer perceptron: dense layers chained, the last one special.

    .. math::

        A_0 = X, \qquad A_l = g(A_{l-1} W_l + b_l) \quad (l = 1, \dots, L - 1),
        \qquad \text{out} = h(A_{L-1} W_L + b_L)

    The hidden activation ``g`` (``"relu"``, ``"identity"``, ``"logistic"`` or
    ``"tanh"``, as in scikit-learn) follows every layer but the last; the output
    function ``h`` follows the last layer only:

    ============  ======================================================================
    ``softmax``   each row becomes a probability vector (multi-class classification,
                  like ``MLPClassifier.predict_proba``); computed stably, with the row
                  maximum subtracted, so large logits stay finite
    ``logistic``  :math:`1 / (1 + e^{-z})` elementwise (binary / multi-label outputs)
    ``identity``  the logits themselves (regression, like ``MLPRegressor.predict``)
    ============  ======================================================================

    With a single layer (``len(weights) == 1``) there is no hidden activation at all.

    Parameters
    ----------
    X : array_like of shape (n, d_0)
        Inputs, one sample per row.
    weights : list of L array_like
        ``weights[l]`` has shape ``(d_l, d_{l+1})``, as scikit-learn's ``coefs_``.
    biases : list of L array_like
        ``biases[l]`` has shape ``(d_{l+1},)``, as scikit-learn's ``intercepts_``.
    activation : {"relu", "identity", "logistic", "tanh"}, default="relu"
        The hidden activation ``g``.
    output : {"softmax", "logistic", "identity"}, default="softmax"
        The output function ``h``.

    Returns
    -------
    numpy.ndarray of shape (n, d_L)
        The network's output (always 2-D, even when ``d_L == 1``).

    Raises
    ------
    ValueError
        If ``activation`` or ``output`` is unknown; if ``weights`` is empty or does not
        have as many arrays as ``biases``; if ``X`` has no rows or is not 2-D, if a
        weight matrix is not 2-D or a bias not 1-D; or if consecutive shapes do not
        chain (``X.shape[1] != weights[0].shape[0]``,
        ``weights[l].shape[1] != weights[l+1].shape[0]``,
        ``len(biases[l]) != weights[l].shape[1]``).

    See Also
    --------
    sklearn.neural_network.MLPClassifier : the reference (``predict_proba`` with
        ``coefs_``/``intercepts_`` set to ``weights``/``biases``).
    sklearn.neural_network.MLPRegressor : the reference for ``output="identity"``.

    Examples
    --------
    >>> weights = [[[1.0, -1.0], [0.5, -2.0]], [[1.0, 0.0, -1.0], [0.0, 1.0, 1.0]]]
    >>> biases = [[0.0, 0.0], [0.0, 0.0, 0.0]]
    >>> mlp_forward([[1.0, 1.0]], weights, biases, output="identity")
    array([[ 1.5,  0. , -1.5]])
    >>> mlp_forward([[1.0, 1.0]], weights, biases).round(4)
    array([[0.7856, 0.1753, 0.0391]])
    """

    # YOUR CODE HERE
    raise NotImplementedError()
