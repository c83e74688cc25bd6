"""L2-regularised softmax (multinomial logistic) regression, fitted by gradient descent."""

import numpy as np


def softmax_regression_fit(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    r"""Fit a softmax regression by full-batch gradient descent.

    The classes are the distinct labels of ``y``, sorted (``np.unique(y)``): class ``c`` is
    the ``c``-th of them, whatever the labels are (``0 .. k-1``, ``{1, 2, 3}``, strings), and
    ``Y`` is the one-hot ``(n, k)`` matrix of ``y`` in that order. The fit minimises the mean
    cross-entropy plus an L2 penalty on ``W`` (the intercepts are not penalised):

    .. math::

        L(W, b) = \frac{1}{n}\sum_{i=1}^{n}\left[\log\sum_{c=1}^{k} e^{z_{ic}} - z_{i y_i}\right]
                  + \frac{\lambda}{2}\lVert W\rVert_F^2, \qquad Z = X W + b

    starting from ``W = 0, b = 0`` and taking ``n_iter`` steps of

    .. math::

        W \leftarrow W - \eta\left(\tfrac{1}{n} X^\top (P - Y) + \lambda W\right), \qquad
        b \leftarrow b - \eta\,\tfrac{1}{n}\textstyle\sum_i (P_i - Y_i)

    with :math:`P = \mathrm{softmax}(X W + b)` row by row (computed stably: logits in the
    thousands must not overflow), :math:`\lambda` = ``l2`` and :math:`\eta` = ``lr``. This is
    scikit-learn's multinomial ``LogisticRegression(C=1 / (n * l2))`` objective divided by
    ``C * n``, so both have the same minimiser. Adding a constant to every intercept changes
    no probability; gradient descent from ``b = 0`` keeps ``sum(b) = 0``, as scikit-learn's
    intercepts do (and for ``l2 > 0`` each row of ``W`` sums to 0 at the optimum). For two
    classes ``W`` still has two columns; they are opposite at the optimum. The objective is
    convex, with curvature at most ``0.5 * max(1, largest eigenvalue of X^T X / n) + l2`` for
    centred features, so on standardised features the defaults ``lr=0.1, n_iter=5000``
    converge to about 1e-6 in ``W`` (for ``l2 >= 1e-2``); with a much smaller ``l2`` or badly
    scaled features, take more iterations (or standardise first).

    Parameters
    ----------
    X : array_like of shape (n, d)
        The features (best standardised).
    y : array_like of shape (n,)
        The labels: any values ``np.unique`` can sort (ints, floats, strings); at least two
        distinct ones.
    l2 : float, default=1e-2
        The penalty strength :math:`\lambda \ge 0`.
    lr : float, default=0.1
        The step size :math:`\eta > 0`.
    n_iter : int, default=5000
        The number of gradient steps, ``>= 0``.

    Returns
    -------
    W : numpy.ndarray of shape (d, k)
        The coefficients, one column per class in sorted label order.
    b : numpy.ndarray of shape (k,)
        The intercepts. ``softmax(X @ W + b)`` is ``predict_proba(X)`` (its columns in the
        order of ``classes_ = np.unique(y)``); scikit-learn's ``coef_`` is ``W.T``.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or ``y`` not 1-D (one-hot labels are refused), if they differ in
        length or are empty, if ``y`` holds one distinct label only (the unpenalised intercepts
        would then run off to infinity), or if ``l2 < 0``, ``lr <= 0`` or ``n_iter`` is not a
        non-negative integer (NaN refused for ``l2`` and ``lr``).

    See Also
    --------
    sklearn.linear_model.LogisticRegression : the reference (multinomial for three or more
        classes), with ``C = 1 / (n * l2)``.

    Examples
    --------
    >>> X = [[-2.0], [-1.0], [0.0], [1.0], [2.0], [0.5]]
    >>> W, b = softmax_regression_fit(X, ["a", "b", "c", "a", "c", "b"], l2=0.1)
    >>> print(W.round(4), b.round(4))
    [[-0.3356 -0.2011  0.5368]] [ 0.0607  0.1003 -0.161 ]
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected X (n, d) and labels y (n,), got shapes {X.shape} and {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.shape[0]} labels")
    if y.size == 0 or X.shape[1] == 0:
        raise ValueError(f"empty input: X has shape {X.shape}")
    classes, index = np.unique(y, return_inverse=True)
    if classes.size < 2:
        raise ValueError(f"y holds one class only ({classes[0]!r}): at least two must occur")
    if not l2 >= 0:
        raise ValueError(f"l2 must be >= 0, got {l2}")
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr}")
    if int(n_iter) != n_iter or n_iter < 0:
        raise ValueError(f"n_iter must be a non-negative integer, got {n_iter}")
    n, d = X.shape
    k = classes.size
    # The intercepts are one more column of weights, on a row of ones, that the L2 term leaves
    # alone. Everything is laid out class by class, (k, n): with few classes, the softmax's
    # max and sum over the classes are then elementwise operations on k long rows.
    X1 = np.vstack([X.T, np.ones((1, n))])  # (d + 1, n)
    step = X1.T * (lr / n)  # (n, d + 1)
    shrink = np.append(np.full(d, 1.0 - lr * l2), 1.0)
    Y = np.zeros((k, n))
    Y[index, np.arange(n)] = 1.0
    theta = np.zeros((k, d + 1))  # [W.T | b]
    for _ in range(int(n_iter)):
        P = theta @ X1  # the logits, (k, n)
        P -= P.max(axis=0)  # every exp at most 1: no overflow
        np.exp(P, out=P)
        P /= P.sum(axis=0)
        P -= Y
        theta = shrink * theta - P @ step
    return theta[:, :d].T.copy(), theta[:, d].copy()
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "Which column belongs to which class when the labels are 'cat', 'dog' or {1, 2, 3}? What "
    "is the gradient of the mean cross-entropy in the logits Z, and which parameters get the "
    "l2 term?",
    "classes, index = np.unique(y, return_inverse=True) numbers the classes; Y = one-hot of "
    "index. Then n_iter times: P = softmax(X @ W + b) row by row (subtract each row's max "
    "first), G = P - Y, and step W and b together from the same P, the data term divided by n.",
    "for _ in range(n_iter): G = softmax(X @ W + b) - Y; W, b = W - lr * (X.T @ G / n + l2 * W), "
    "b - lr * G.mean(axis=0)",
)
TALKING_POINTS = {
    "use": (
        "Multiclass classification with probabilities (multinomial logistic regression): one linear score "
        "per class, normalised by softmax."
    ),
    "assumes": (
        "Mutually exclusive classes (one label per sample); the log-odds between any two classes linear in "
        "the features; independent samples."
    ),
    "pitfalls": (
        (
            "Overflow: exp of logits in the thousands is inf; subtract each row's max first (softmax is "
            "shift-invariant)."
        ),
        (
            "Identifiability: adding one vector to every class's weights changes no probability; only the "
            "penalty (or a reference class) pins W down."
        ),
        (
            "Label order: columns follow np.unique(y), as sklearn's classes_; numbering classes by first "
            "appearance misaligns them with predict_proba."
        ),
    ),
    "cost": "O(n d k) time per iteration, O(n k) extra memory for the probabilities.",
    "follow_ups": (
        (
            "Softmax or one-vs-rest?",
            (
                "Softmax fits one joint model whose probabilities sum to 1; one-vs-rest fits k binary "
                "models, and sigmoids per label suit labels that are not exclusive."
            ),
        ),
        (
            "The gradient in the logits?",
            "P - Y (probabilities minus one-hot), so the gradient in W is X^T (P - Y) / n + l2 W.",
        ),
        (
            "What is it with k = 2?",
            "Logistic regression on w_1 - w_0; at the L2 optimum W[:, 0] = -W[:, 1].",
        ),
    ),
}
QUIZ = (
    {
        "question": "Subtracting each row's max logit before exp changes the probabilities how?",
        "choices": (
            "Not at all: softmax is shift-invariant",
            "They sum to less than 1",
            "They get sharper",
            "Their order changes",
        ),
        "answer": 0,
        "why": "exp(z - c) / sum exp(z - c) = exp(z) / sum exp(z).",
    },
    {
        "question": "The sum of the fitted intercepts b (gradient descent from b = 0)?",
        "answer": 0.0,
        "tolerance": 1e-09,
        "check": (
            "float(softmax_regression_fit([[-2.0], [-1.0], [0.0], [1.0], [2.0], [0.5]], ['a', 'b', 'c', 'a', "
            "'c', 'b'], l2=0.1)[1].sum())"
        ),
        "why": "Each step moves b by the mean of P - Y, whose entries sum to 0 over the classes.",
    },
)
### END META
