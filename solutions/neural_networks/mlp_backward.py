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

    ### BEGIN SOLUTION
    def sigmoid(z):
        # 1 / (1 + exp(-z)). For z < -709 exp(-z) overflows to inf, and 1 / (1 + inf) is
        # exactly 0, the right limit: that overflow is harmless, so it is silenced.
        with np.errstate(over="ignore"):
            e = np.exp(-z)
        e += 1.0
        return np.reciprocal(e, out=e)

    def sigmoid_prime(z):
        s = sigmoid(z)
        return s * (1.0 - s)

    functions = {  # g and its derivative g', both taken at the pre-activation z
        "identity": (lambda z: z, lambda z: np.ones_like(z)),
        "relu": (lambda z: np.maximum(z, 0.0), lambda z: z > 0),  # g' as a 0/1 mask
        "logistic": (sigmoid, sigmoid_prime),
        "tanh": (np.tanh, lambda z: 1.0 - np.tanh(z) ** 2),
    }
    if activation not in functions:
        raise ValueError(f"unknown activation {activation!r}; use one of {sorted(functions)}")
    g, g_prime = functions[activation]
    if len(weights) == 0 or len(weights) != len(biases):
        raise ValueError(
            f"need as many weight matrices as bias vectors (at least 1), got {len(weights)} and {len(biases)}"
        )
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be 2-D with at least one row, got shape {X.shape}")
    Ws = [np.asarray(W, dtype=np.float64) for W in weights]
    bs = [np.asarray(b, dtype=np.float64) for b in biases]
    width = X.shape[1]
    for layer, (W, b) in enumerate(zip(Ws, bs, strict=True)):
        if W.ndim != 2 or b.ndim != 1:
            raise ValueError(f"layer {layer}: W must be 2-D and b 1-D, got {W.shape} and {b.shape}")
        if W.shape[0] != width:
            raise ValueError(f"layer {layer}: W has {W.shape[0]} rows but its input has {width} columns")
        if b.shape[0] != W.shape[1]:
            raise ValueError(f"layer {layer}: b has {b.shape[0]} entries but W has {W.shape[1]} columns")
        width = W.shape[1]
    y = np.asarray(y)
    n, k = X.shape[0], width
    if y.ndim != 1 or y.shape[0] != n:
        raise ValueError(f"y must hold one label per row of X ({n}), got shape {y.shape}")
    if y.dtype.kind not in "iuf" or np.any(np.mod(y, 1) != 0) or np.any(y < 0) or np.any(y >= k):
        raise ValueError(f"labels must be integers in 0..{k - 1}, got {np.unique(y)}")

    # forward pass, keeping every layer's input A and pre-activation Z
    inputs, pre = [X], []
    for layer, (W, b) in enumerate(zip(Ws, bs, strict=True)):
        Z = inputs[-1] @ W
        Z += b  # Z = A @ W + b, in place
        pre.append(Z)
        if layer < len(Ws) - 1:  # the last layer's Z are the logits: they go to the softmax
            inputs.append(g(Z))
    P = pre.pop()  # the logits become the probabilities in place: backprop needs no other Z
    P -= P.max(axis=1, keepdims=True)
    np.exp(P, out=P)
    P /= P.sum(axis=1, keepdims=True)

    # backward pass
    delta = P
    delta[np.arange(n), y.astype(np.intp)] -= 1.0
    delta /= n
    grad_weights, grad_biases = [], []
    for layer in range(len(Ws) - 1, -1, -1):
        grad_weights.append(inputs[layer].T @ delta)
        grad_biases.append(delta.sum(axis=0))
        if layer > 0:
            delta = delta @ Ws[layer].T
            delta *= g_prime(pre[layer - 1])
    return grad_weights[::-1], grad_biases[::-1]
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 4
HINTS = (
    "For softmax followed by cross-entropy, what is the derivative of the loss of one sample "
    "with respect to its logits? And what does the 1/n of the mean do to it?",
    "Keep every layer's input A_{l-1} and pre-activation Z_l from a forward pass. Start from "
    "delta = (P - onehot(y)) / n; each layer's gradients are A_{l-1}.T @ delta (shape of W) and "
    "delta.sum(axis=0) (shape of b); then delta = (delta @ W.T) * g'(Z_{l-1}), with g' taken at "
    "the pre-activation Z, not at the activation A = g(Z).",
    "Going backwards over the layers: gW[l] = A[l].T @ delta; gb[l] = delta.sum(axis=0); "
    "delta = (delta @ W[l].T) * g_prime(Z[l - 1]). Reverse the lists at the end.",
)
TALKING_POINTS = {
    "use": "The gradients of a softmax MLP's mean cross-entropy for a gradient-descent step: "
    "backpropagation, the core of every deep-learning framework.",
    "assumes": "Integer labels 0..k-1, a softmax output, the mean over the batch; relu'(0) = 0, as in "
    "scikit-learn.",
    "pitfalls": (
        "Take g' at the pre-activation Z, or write it with A = g(Z) (1 - A^2 for tanh, A (1 - A) "
        "for logistic); 1 - tanh(A)^2 is wrong.",
        "The 1/n of the mean: without it every gradient is n times too large, and the learning "
        "rate silently depends on the batch size.",
        "Check with finite differences (numerical_gradient) on a tiny float64 net, with inputs "
        "away from relu's kink at 0.",
    ),
    "cost": "About twice the forward pass: O(n sum_l d_l d_{l+1}) time, O(n sum_l d_l) memory for the "
    "kept activations.",
    "follow_ups": (
        (
            "Why is the gradient at the logits (P - Y) / n?",
            "d/dz of -log softmax(z)_y is softmax(z) - onehot(y): the softmax Jacobian and the "
            "log cancel; the mean adds 1/n.",
        ),
        (
            "Why do gradients vanish in deep sigmoid nets?",
            "Each layer multiplies by g'(Z) <= 0.25 and by W^T, so the product shrinks "
            "geometrically; relu, careful init, normalisation and residuals help.",
        ),
        (
            "Why is backward about twice the forward cost?",
            "Each layer needs two matrix products, A^T Delta for dW and Delta W^T for the layer "
            "below, against one going forward.",
        ),
    ),
}
QUIZ = (
    {
        "question": "mlp_backward([[1.0]], [0], [[[0.0, 0.0]]], [[0.0, 0.0]])[1][0][0], the bias gradient "
        "of class 0?",
        "answer": -0.5,
        "tolerance": 1e-09,
        "check": "mlp_backward([[1.0]], [0], [[[0.0, 0.0]]], [[0.0, 0.0]])[1][0][0]",
        "why": "Zero weights give P = (0.5, 0.5); P - Y = (-0.5, 0.5), and n = 1.",
    },
    {
        "question": "The largest value of the logistic function's derivative?",
        "choices": ("0.25", "0.5", "1", "It is unbounded"),
        "answer": 0,
        "why": "sigma (1 - sigma) peaks at z = 0: 0.5 * 0.5.",
    },
)
### END META
