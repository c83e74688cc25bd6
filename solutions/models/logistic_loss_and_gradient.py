"""The L2-regularised logistic regression objective and its gradient."""

import numpy as np


def logistic_loss_and_gradient(w, b, X, y, l2=0.0):
    r"""Mean log loss of a logistic model plus an L2 penalty on ``w``, with its gradient.

    With :math:`z_i = x_i \cdot w + b` and :math:`p_i = \sigma(z_i)`,

    .. math::

        L(w, b) = -\frac{1}{n}\sum_{i=1}^{n}\left[y_i \log p_i + (1 - y_i)\log(1 - p_i)\right]
                  + \frac{\lambda}{2}\lVert w\rVert^2

        \nabla_w L = \frac{1}{n} X^\top (p - y) + \lambda w, \qquad
        \frac{\partial L}{\partial b} = \frac{1}{n}\sum_{i=1}^{n} (p_i - y_i)

    where :math:`\lambda` is ``l2``. The intercept ``b`` is not penalised. Each term of the
    loss equals :math:`\log(1 + e^{z_i}) - y_i z_i`, which ``np.logaddexp(0, z)`` computes
    exactly even for ``|z|`` in the thousands, where ``log(sigmoid(z))`` would hit ``log(0)``.
    This is scikit-learn's ``LogisticRegression`` objective divided by ``C * n``, with
    ``C = 1 / (n * l2)``.

    Parameters
    ----------
    w : array_like of shape (d,)
        The coefficients.
    b : float
        The intercept.
    X : array_like of shape (n, d)
        The features.
    y : array_like of shape (n,)
        Labels, each 0 or 1.
    l2 : float, default=0.0
        The penalty strength :math:`\lambda \ge 0`.

    Returns
    -------
    loss : float
        :math:`L(w, b)`.
    grad_w : numpy.ndarray of shape (d,)
        :math:`\nabla_w L`.
    grad_b : float
        :math:`\partial L / \partial b`.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``w`` and ``y`` not 1-D, ``b`` not a single number, if the
        lengths do not match (``len(w)`` columns, ``len(y)`` rows), if the input is empty,
        if a label is not 0 or 1, or if ``l2`` is negative.

    See Also
    --------
    sklearn.metrics.log_loss : the reference for the loss (the grader also checks the
        gradient against central finite differences of it).

    Examples
    --------
    >>> X = [[1.0, 2.0], [0.0, 1.0], [2.0, 0.0]]
    >>> loss, grad_w, grad_b = logistic_loss_and_gradient([1.0, -1.0], 0.5, X, [1, 0, 1], l2=0.1)
    >>> print(round(loss, 6), np.round(grad_w, 6), round(grad_b, 6))
    0.609015 [-0.158059 -0.389126] -0.106926
    """
    ### BEGIN SOLUTION
    w = np.asarray(w, dtype=np.float64)
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if np.ndim(b) != 0:
        raise ValueError(f"b must be a single number, got shape {np.shape(b)}")
    b = float(b)
    if X.ndim != 2 or w.ndim != 1 or y.ndim != 1:
        raise ValueError(f"expected w (d,), X (n, d) and y (n,), got {w.shape}, {X.shape} and {y.shape}")
    if X.shape[1] != w.shape[0]:
        raise ValueError(f"length mismatch: w has {w.shape[0]} values, X has {X.shape[1]} columns")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.shape[0]} labels")
    if y.size == 0:
        raise ValueError("empty input: the mean of no losses is undefined")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError(f"labels must be 0 or 1, got {np.unique(y)}")
    if not l2 >= 0:
        raise ValueError(f"l2 must be >= 0, got {l2}")
    y = y.astype(np.float64)
    n = y.size
    z = X @ w + b
    e = np.exp(-np.abs(z))  # never above 1, so it never overflows: the loss and p both use it
    # log(1 + e^z) - y z = log1p(e^-|z|) + (max(z, 0) - y z), as np.logaddexp(0, z) computes it.
    # The bracket is exactly 0 when the label agrees with the sign of z, so the tiny losses of
    # confident, correct predictions keep their digits.
    losses = np.log1p(e) + (np.maximum(z, 0.0) - y * z)
    loss = np.mean(losses) + 0.5 * l2 * (w @ w)
    p = np.exp(np.minimum(z, 0.0)) / (1.0 + e)  # sigmoid(z): e / (1 + e) for z < 0, 1 / (1 + e) else
    residual = p - y
    grad_w = X.T @ residual / n + l2 * w
    grad_b = np.mean(residual)
    return float(loss), grad_w, float(grad_b)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "For one sample with z = x . w + b, what is d/dz of -[y log sigmoid(z) + (1 - y) log(1 - "
    "sigmoid(z))]? (Use sigmoid'(z) = sigmoid(z) (1 - sigmoid(z)).) Then apply the chain rule "
    "for w and for b.",
    "The derivative in z is simply p - y. Average over the samples (divide by n), add l2 * w "
    "to the gradient in w only, and compute the loss as np.logaddexp(0, z) - y * z so that it "
    "stays finite for large |z|.",
    "z = X @ w + b; p = sigmoid(z); loss = mean(logaddexp(0, z) - y*z) + l2/2 * w @ w; "
    "grad_w = X.T @ (p - y) / n + l2 * w; grad_b = mean(p - y).",
)
TALKING_POINTS = {
    "use": (
        "The objective a logistic regression solver (gradient descent, L-BFGS) minimises: binary "
        "classification with probabilities, and the template for any cross-entropy loss."
    ),
    "assumes": (
        "Labels 0 or 1; the log-odds log(p / (1 - p)) are linear in the features, x . w + b; samples "
        "independent."
    ),
    "pitfalls": (
        (
            "Overflow: log(sigmoid(z)) is log(0) = -inf once exp(-z) overflows (z < -709); compute each term "
            "as np.logaddexp(0, z) - y * z."
        ),
        (
            "Penalty conventions: the intercept is not penalised, and sklearn's C multiplies the summed "
            "loss, so l2 = 1 / (C n) gives the same minimiser."
        ),
        (
            "Class imbalance: the mean loss is dominated by the majority class; reweight the samples "
            "(class_weight='balanced' in sklearn) and judge with more than accuracy."
        ),
    ),
    "cost": "O(n d) time per evaluation (two matrix-vector products), O(n) extra memory.",
    "follow_ups": (
        (
            "Why is the gradient in z just p - y?",
            "sigmoid'(z) = p (1 - p) cancels the 1 / p and 1 / (1 - p) of the two log terms.",
        ),
        (
            "Is the objective convex?",
            (
                "Yes: its Hessian in w, X^T diag(p (1 - p)) X / n + l2 I, is positive semi-definite, so "
                "every local minimum is global."
            ),
        ),
        (
            "How do you test a hand-written gradient?",
            (
                "Compare with central differences (L(w + h e_i) - L(w - h e_i)) / 2h, h about 1e-6: error "
                "O(h^2) plus rounding of order eps / h."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "The loss at w = 0, b = 0, whatever X and y are (one sample, y = 1, say)?",
        "answer": 0.6931,
        "tolerance": 0.0001,
        "check": "logistic_loss_and_gradient([0.0], 0.0, [[1.0]], [1])[0]",
        "why": "Every p is 0.5, so every term is -ln 0.5 = ln 2.",
    },
    {
        "question": "grad_b at w = 0, b = 0 for labels y = [1, 1, 0, 1]?",
        "answer": -0.25,
        "tolerance": 1e-09,
        "check": "logistic_loss_and_gradient([0.0], 0.0, [[1.0], [2.0], [3.0], [4.0]], [1, 1, 0, 1])[2]",
        "why": "mean(p - y) = 0.5 - 0.75.",
    },
    {
        "question": "Which gradient does the penalty (l2 / 2) ||w||^2 change?",
        "choices": (
            "grad_w only, by l2 * w",
            "grad_b only",
            "both grad_w and grad_b",
            "neither",
        ),
        "answer": 0,
        "why": "The intercept is not penalised.",
    },
)
### END META
