"""L2-regularised logistic regression, fitted by gradient descent."""

import numpy as np


def logistic_regression_fit(X, y, l2=1e-2, lr=0.1, n_iter=5000):
    r"""Fit a logistic regression by full-batch gradient descent.

    Minimises the mean log loss plus an L2 penalty on ``w`` (the intercept is not penalised):

    .. math::

        L(w, b) = \frac{1}{n}\sum_{i=1}^{n}\left[\log(1 + e^{z_i}) - y_i z_i\right]
                  + \frac{\lambda}{2}\lVert w\rVert^2, \qquad z_i = x_i \cdot w + b

    starting from ``w = 0, b = 0`` and taking ``n_iter`` steps of

    .. math::

        w \leftarrow w - \eta\left(\tfrac{1}{n} X^\top (p - y) + \lambda w\right), \qquad
        b \leftarrow b - \eta\,\tfrac{1}{n}\textstyle\sum_i (p_i - y_i)

    with :math:`p = \sigma(X w + b)`, :math:`\lambda` = ``l2`` and :math:`\eta` = ``lr``.
    This is scikit-learn's ``LogisticRegression(C=1 / (n * l2))`` objective divided by
    ``C * n``, so both have the same minimiser. The objective is convex, with curvature at
    most ``0.25 * max(1, largest eigenvalue of X^T X / n) + l2`` for centred features, so on
    standardised features the defaults ``lr=0.1, n_iter=5000`` converge to about 1e-6 in
    ``w`` (for ``l2 >= 1e-2``); with a much smaller ``l2`` or badly scaled features, take
    more iterations (or standardise first).

    Parameters
    ----------
    X : array_like of shape (n, d)
        The features (best standardised).
    y : array_like of shape (n,)
        Labels, each 0 or 1; both classes must occur.
    l2 : float, default=1e-2
        The penalty strength :math:`\lambda \ge 0`.
    lr : float, default=0.1
        The step size :math:`\eta > 0`.
    n_iter : int, default=5000
        The number of gradient steps, ``>= 0``.

    Returns
    -------
    w : numpy.ndarray of shape (d,)
        The coefficients.
    b : float
        The intercept. ``sigmoid(X @ w + b)`` is ``predict_proba(X)[:, 1]``.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or ``y`` not 1-D, if they differ in length or are empty, if a
        label is not 0 or 1, if only one class occurs (the unpenalised intercept would then
        run off to infinity), or if ``l2 < 0``, ``lr <= 0`` or ``n_iter`` is not a
        non-negative integer.

    See Also
    --------
    sklearn.linear_model.LogisticRegression : the reference, with ``C = 1 / (n * l2)``.

    Examples
    --------
    >>> X = [[-2.0], [-1.0], [0.0], [1.0], [2.0], [0.5]]
    >>> w, b = logistic_regression_fit(X, [0, 0, 1, 0, 1, 1], l2=0.1)
    >>> print(np.round(w, 4), round(b, 4))
    [0.8112] -0.0839
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2 or y.ndim != 1:
        raise ValueError(f"expected X (n, d) and y (n,), got shapes {X.shape} and {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.shape[0]} labels")
    if y.size == 0 or X.shape[1] == 0:
        raise ValueError(f"empty input: X has shape {X.shape}")
    if not np.all((y == 0) | (y == 1)):
        raise ValueError(f"labels must be 0 or 1, got {np.unique(y)}")
    if np.all(y == y[0]):
        raise ValueError("y holds one class only: both 0 and 1 must occur")
    if not l2 >= 0:
        raise ValueError(f"l2 must be >= 0, got {l2}")
    if not lr > 0:
        raise ValueError(f"lr must be > 0, got {lr}")
    if int(n_iter) != n_iter or n_iter < 0:
        raise ValueError(f"n_iter must be a non-negative integer, got {n_iter}")
    n, d = X.shape
    # The intercept is one more weight, on a column of ones, that the L2 term leaves alone.
    # One step, w <- w - lr * (X.T @ (p - y) / n + l2 * w), is then two matrix products
    # with everything constant computed once, outside the loop.
    X1 = np.hstack([X, np.ones((n, 1))])
    shrink = 1.0 - lr * np.append(np.full(d, l2), 0.0)
    step = X1.T * (lr / n)
    half_X1 = 0.5 * X1
    half_minus_y = 0.5 - y
    theta = np.zeros(d + 1)
    for _ in range(int(n_iter)):
        # sigmoid(z) = (1 + tanh(z / 2)) / 2: one ufunc that cannot overflow, whatever z is
        residual = np.tanh(half_X1 @ theta)
        residual *= 0.5
        residual += half_minus_y  # p - y
        theta = shrink * theta - step @ residual
    return theta[:d], float(theta[d])
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "What is the gradient of the objective in w, and in b? (You derived it in "
    "logistic_loss_and_gradient.) Which of the two gets the l2 term?",
    "Start from zeros and repeat n_iter times: p = sigmoid(X @ w + b), then step w and b "
    "against their gradients, scaled by lr. Update both from the same p, and divide the data "
    "term by n.",
    "for _ in range(n_iter): r = sigmoid(X @ w + b) - y; w, b = w - lr * (X.T @ r / n + l2 * w), "
    "b - lr * r.mean()",
)
TALKING_POINTS = {
    "use": (
        "A fast, interpretable baseline for binary classification that outputs probabilities; each "
        "coefficient is the change in log-odds per unit of its feature."
    ),
    "assumes": (
        "Log-odds linear in the features; independent samples; both classes present; standardised features "
        "(for one step size to suit all)."
    ),
    "pitfalls": (
        (
            "Separable data: with l2 = 0 the loss falls as ||w|| grows, so w diverges; any l2 > 0 makes the "
            "optimum finite."
        ),
        (
            "Scaling: the stable step is below 2 / (largest curvature of the loss); unscaled features force "
            "a tiny lr."
        ),
        "Class imbalance: a 0.5 threshold may flag few positives; tune it or reweight the classes.",
    ),
    "cost": "O(n d) time per iteration, O(n_iter n d) in all; O(n + d) extra memory.",
    "follow_ups": (
        (
            "How does sklearn's C relate to l2?",
            "C multiplies the summed log loss: C = 1 / (n l2) has the same minimiser.",
        ),
        (
            "Why not the squared error of sigmoid outputs?",
            (
                "It is not convex in w and barely moves confident wrong predictions; the log loss is convex "
                "(the Bernoulli likelihood)."
            ),
        ),
        (
            "Faster than gradient descent?",
            "Newton's method (IRLS: a d x d solve per step) or L-BFGS, sklearn's default; SGD for huge n.",
        ),
    ),
}
QUIZ = (
    {
        "question": "Separable data, l2 = 0: what does gradient descent do to ||w||?",
        "choices": (
            "It converges to the max-margin w",
            "It grows without bound",
            "It shrinks to 0",
            "It stays at its first value",
        ),
        "answer": 1,
        "why": "The loss tends to 0 only as ||w|| -> infinity; there is no finite minimiser.",
    },
    {
        "question": "logistic_regression_fit([[-1], [1]], [0, 1], l2=0.1): the intercept b?",
        "answer": 0.0,
        "tolerance": 1e-09,
        "check": "logistic_regression_fit([[-1.0], [1.0]], [0, 1], l2=0.1)[1]",
        "why": "The data are symmetric about 0: mean(p - y) is 0 at b = 0 for every w.",
    },
    {
        "question": "Same data: w solves w = 10 sigmoid(-w) (gradient 0). Its value?",
        "answer": 1.6335,
        "tolerance": 0.001,
        "check": "logistic_regression_fit([[-1.0], [1.0]], [0, 1], l2=0.1)[0][0]",
        "why": "The gradient in w is -sigmoid(-w) + 0.1 w.",
    },
)
### END META
