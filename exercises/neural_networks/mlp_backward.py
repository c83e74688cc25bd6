"""Backpropagation: the gradient of a softmax classifier network's loss."""

import numpy as np


def mlp_backward(X, y, weights, biases, activation="relu"):
    r"""Gradients of the mean softmax cross-entropy of an MLP, by backpropagation.

    The network is the one of ``mlp_forward`` with ``output="softmax"``:

    .. math::

        A_0 = X, \quad Z_l = A_{l-1} W_l + b_l, \quad A_l = g(Z_l) \ (l < L), \quad
        P = \mathrm{softmax}(Z_L) \text{ row by row}

    and the loss is the mean over the ``n`` samples of the cross-entropy of each row of
    ``P`` against the integer label ``y_i``:

    .. math:: \mathcal{L} = -\frac{1}{n}\sum_{i=1}^{n} \log P_{i, y_i}

    Backpropagation gives, with :math:`Y` the one-hot matrix of ``y``,

    .. math::

        \Delta_L = \frac{1}{n}(P - Y), \qquad
        \frac{\partial \mathcal{L}}{\partial W_l} = A_{l-1}^\top \Delta_l, \qquad
        \frac{\partial \mathcal{L}}{\partial b_l} = \sum_i (\Delta_l)_{i,:}, \qquad
        \Delta_{l-1} = (\Delta_l W_l^\top) \odot g'(Z_{l-1})

    where :math:`g'` is the derivative of the hidden activation at the
    *pre*-activation: :math:`\mathbb{1}[z > 0]` for relu, :math:`1` for identity,
    :math:`\sigma(z)(1 - \sigma(z))` for logistic, :math:`1 - \tanh^2 z` for tanh.

    Parameters
    ----------
    X : array_like of shape (n, d_0)
        Inputs, one sample per row.
    y : array_like of int, shape (n,)
        Class labels in ``0 .. k-1``, where ``k = weights[-1].shape[1]``.
    weights : list of L array_like
        ``weights[l]`` has shape ``(d_l, d_{l+1})``.
    biases : list of L array_like
        ``biases[l]`` has shape ``(d_{l+1},)``.
    activation : {"relu", "identity", "logistic", "tanh"}, default="relu"
        The hidden activation ``g``.

    Returns
    -------
    grad_weights : list of L numpy.ndarray
        ``grad_weights[l]`` is :math:`\partial \mathcal{L} / \partial W_{l+1}`, with the
        shape of ``weights[l]``.
    grad_biases : list of L numpy.ndarray
        ``grad_biases[l]`` is :math:`\partial \mathcal{L} / \partial b_{l+1}`, with the
        shape of ``biases[l]``.

    Raises
    ------
    ValueError
        If ``activation`` is unknown; if the network's shapes are invalid (as in
        ``mlp_forward``); if ``y`` is not 1-D with one label per row of ``X``; or if a
        label is not an integer in ``0 .. k-1``.

    See Also
    --------
    mlp_forward : the forward pass.
    sklearn.neural_network.MLPClassifier : trains this network (its ``_backprop``, with
        ``alpha=0``, computes the same gradients).

    Examples
    --------
    >>> X = [[1.0, 2.0], [0.5, -1.0]]
    >>> gw, gb = mlp_backward(X, [0, 1], [[[1.0, -1.0], [0.0, 1.0]]], [[0.0, 0.0]])
    >>> gw[0].round(4)
    array([[-0.0298,  0.0298],
           [-0.9404,  0.9404]])
    >>> gb[0].round(4)
    array([ 0.1904, -0.1904])
    """

    # YOUR CODE HERE
    raise NotImplementedError()
