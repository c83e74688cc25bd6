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

    ### BEGIN SOLUTION
    # Every function below overwrites its argument, a fresh array A @ W + b: no temporaries.
    def logistic(z):
        # 1 / (1 + exp(-z)). For z < -709 exp(-z) overflows to inf, and 1 / (1 + inf) is
        # exactly 0, the right limit: that overflow is harmless, so it is silenced.
        with np.errstate(over="ignore"):
            np.exp(np.negative(z, out=z), out=z)
        z += 1.0
        return np.reciprocal(z, out=z)

    def softmax(z):
        z -= z.max(axis=1, keepdims=True)  # every exp is then at most 1
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        return z

    def affine(A, W, b):
        Z = A @ W
        Z += b  # A @ W + b, in place
        return Z

    hidden = {
        "identity": lambda z: z,
        "relu": lambda z: np.maximum(z, 0.0, out=z),
        "logistic": logistic,
        "tanh": lambda z: np.tanh(z, out=z),
    }
    outputs = {"softmax": softmax, "logistic": logistic, "identity": lambda z: z}
    if activation not in hidden:
        raise ValueError(f"unknown activation {activation!r}; use one of {sorted(hidden)}")
    if output not in outputs:
        raise ValueError(f"unknown output {output!r}; use one of {sorted(outputs)}")
    if len(weights) == 0 or len(weights) != len(biases):
        raise ValueError(
            f"need as many weight matrices as bias vectors (at least 1), got {len(weights)} and {len(biases)}"
        )
    A = np.asarray(X, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] == 0:
        raise ValueError(f"X must be 2-D with at least one row, got shape {A.shape}")
    Ws = [np.asarray(W, dtype=np.float64) for W in weights]
    bs = [np.asarray(b, dtype=np.float64) for b in biases]
    width = A.shape[1]
    for layer, (W, b) in enumerate(zip(Ws, bs, strict=True)):
        if W.ndim != 2 or b.ndim != 1:
            raise ValueError(f"layer {layer}: W must be 2-D and b 1-D, got {W.shape} and {b.shape}")
        if W.shape[0] != width:
            raise ValueError(f"layer {layer}: W has {W.shape[0]} rows but its input has {width} columns")
        if b.shape[0] != W.shape[1]:
            raise ValueError(f"layer {layer}: b has {b.shape[0]} entries but W has {W.shape[1]} columns")
        width = W.shape[1]
    for W, b in zip(Ws[:-1], bs[:-1], strict=True):
        A = hidden[activation](affine(A, W, b))
    return outputs[output](affine(A, Ws[-1], bs[-1]))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "Which layers get the hidden activation, and which function turns the last layer's "
    "outputs into class probabilities? Does the last layer get the hidden activation too?",
    "Loop over the layers except the last: A = g(A @ W + b). Then apply the output function "
    "once to A @ W_last + b_last; softmax normalises each row (axis=1) after subtracting the "
    "row max. Check the shapes chain before computing anything.",
    "for W, b in zip(weights[:-1], biases[:-1]): A = g(A @ W + b); return h(A @ weights[-1] + biases[-1])",
)
TALKING_POINTS = {
    "use": "Inference with a feed-forward network: class probabilities with a softmax output, "
    "regression with identity, independent binary labels with logistic.",
    "assumes": "Layer shapes chain (weights[l] is (d_l, d_{l+1}), scikit-learn's coefs_); the hidden "
    "activation follows every layer but the last.",
    "pitfalls": (
        "The hidden activation on the output layer too: a relu before the softmax clips every "
        "negative logit to 0.",
        "Softmax: subtract the row max before exp, and normalise each row (axis=1), not each column.",
        "Shapes that merely broadcast: a wrong-length bias of length 1 adds without error; check "
        "every link of the chain first.",
    ),
    "cost": "O(n sum_l d_l d_{l+1}) time; inference keeps only the current (n, d_l) activations.",
    "follow_ups": (
        (
            "Softmax or logistic outputs?",
            "Softmax for mutually exclusive classes (rows sum to 1); one logistic per output for "
            "binary or multi-label (MLPClassifier's out_activation_ chooses the same way).",
        ),
        (
            "What does a second hidden layer buy?",
            "One wide hidden layer can already approximate any continuous function on a compact "
            "set; depth can do it with far fewer units.",
        ),
        (
            "Memory when training rather than predicting?",
            "Backprop needs every layer's activations, O(n sum_l d_l): activations, not weights, "
            "often fill the memory.",
        ),
    ),
}
QUIZ = (
    {
        "question": "mlp_forward([[1.0]], [[[-1.0]], [[1.0, 0.0]]], [[0.0], [0.0, 0.0]])[0, 0]?",
        "answer": 0.5,
        "tolerance": 1e-09,
        "check": "mlp_forward([[1.0]], [[[-1.0]], [[1.0, 0.0]]], [[0.0], [0.0, 0.0]])[0, 0]",
        "why": "The hidden relu turns -1 into 0, so both logits are 0; without it they would be (-1, "
        "0), giving 0.269.",
    },
    {
        "question": "Which output function does a regression MLP use?",
        "choices": ("softmax", "logistic", "identity", "relu"),
        "answer": 2,
        "why": "MLPRegressor's out_activation_ is 'identity' for the squared error.",
    },
)
### END META
