"""Ridge regression: least squares with an L2 penalty on the weights (not on the intercept)."""

import numpy as np


def ridge_fit(X, y, alpha=1.0):
    r"""Fit ridge regression in closed form.

    Minimises, over the weights ``w`` and the intercept ``b``,

    .. math:: \lVert y - Xw - b \rVert_2^2 + \alpha \lVert w \rVert_2^2

    (the sum of squared residuals, no ``1/n``; scikit-learn's convention). The intercept is
    not penalised, so it drops out after centring: with ``Xc = X - mean(X)`` and
    ``yc = y - mean(y)``,

    .. math::

        w = (X_c^\top X_c + \alpha I)^{-1} X_c^\top y_c, \qquad
        b = \bar y - \bar x^\top w

    Parameters
    ----------
    X : array_like of shape (n, d)
        Features.
    y : array_like of shape (n,)
        Targets.
    alpha : float, default=1.0
        The penalty strength, ``>= 0`` (``0`` is ordinary least squares).

    Returns
    -------
    w : numpy.ndarray of shape (d,)
        The weights.
    b : float
        The intercept.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``y`` is not 1-D, their lengths differ, the input is empty or
        not finite, ``alpha < 0``, or ``alpha = 0`` with linearly dependent (centred)
        columns, where the solution is not unique.

    See Also
    --------
    sklearn.linear_model.Ridge : the reference.

    Examples
    --------
    >>> w, b = ridge_fit([[0.0], [1.0], [2.0], [3.0]], [1.0, 3.0, 5.0, 7.0], alpha=1.0)
    >>> w.round(6), round(b, 6)
    (array([1.666667]), 1.5)
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.shape[0]} targets")
    if X.size == 0:
        raise ValueError(f"empty input: X has shape {X.shape}")
    if not (np.all(np.isfinite(X)) and np.all(np.isfinite(y))):
        raise ValueError("X and y must be finite")
    if np.ndim(alpha) != 0 or not np.isfinite(alpha) or alpha < 0:
        raise ValueError(f"alpha must be a single number >= 0, got {alpha!r}")
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    gram = Xc.T @ Xc + alpha * np.eye(X.shape[1])
    try:
        w = np.linalg.solve(gram, Xc.T @ (y - y_mean))
    except np.linalg.LinAlgError:
        raise ValueError("X^T X + alpha I is singular: use alpha > 0") from None
    return w, float(y_mean - x_mean @ w)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "If you add a column of ones to X for the intercept and solve (X^T X + alpha I) w = X^T y, "
    "what happens to the intercept's weight? Should shifting every y by 100 change w?",
    "Centre first: Xc = X - X.mean(axis=0), yc = y - y.mean(). Solve the penalised normal "
    "equations for w on the centred data (np.linalg.solve, not an explicit inverse), then "
    "recover b from the means.",
    "w = np.linalg.solve(Xc.T @ Xc + alpha * np.eye(d), Xc.T @ yc); b = y.mean() - X.mean(axis=0) @ w.",
)
TALKING_POINTS = {
    "use": "Linear regression with many or collinear features, in closed form: alpha trades a little "
    "bias for much less variance.",
    "assumes": "A linear model, standardised features (the penalty is not scale-invariant), and an "
    "unpenalised intercept, handled by centring.",
    "pitfalls": (
        "Penalising the intercept (a column of ones in X): shifting every y by c then no longer "
        "shifts the predictions by c.",
        "alpha scales differ: Ridge has no 1 / n on the squared error, Lasso and ElasticNet have "
        "1 / (2n); the same alpha means different strengths.",
        "Solve, don't invert: np.linalg.solve or Cholesky on X^T X + alpha I; when d >> n, the "
        "dual X^T (X X^T + alpha I)^-1 y is cheaper.",
    ),
    "cost": "O(n d^2 + d^3) time and O(d^2) memory for the Gram matrix (the dual: O(n^2 d + n^3)).",
    "follow_ups": (
        (
            "Why does ridge help with collinearity?",
            "X^T X + alpha I has every eigenvalue >= alpha: always invertible and better "
            "conditioned; unstable directions shrink most.",
        ),
        (
            "How do you choose alpha?",
            "Cross-validation; RidgeCV does efficient leave-one-out by default. Larger alpha: "
            "more bias, less variance.",
        ),
        (
            "The Bayesian view?",
            "The posterior mode (and mean) under a Gaussian prior w ~ N(0, (sigma^2 / alpha) I), "
            "with noise variance sigma^2.",
        ),
    ),
}
QUIZ = (
    {
        "question": "ridge_fit([[-1.0], [1.0]], [-1.0, 1.0], alpha=2.0)[0][0]?",
        "answer": 0.5,
        "tolerance": 1e-09,
        "check": "ridge_fit([[-1.0], [1.0]], [-1.0, 1.0], alpha=2.0)[0][0]",
        "why": "Xc^T Xc = 2 and Xc^T yc = 2: w = 2 / (2 + 2), half the least-squares slope 1.",
    },
    {
        "question": "ridge_fit([[-1.0], [1.0]], [99.0, 101.0], alpha=2.0)[1], the intercept?",
        "answer": 100.0,
        "tolerance": 1e-09,
        "check": "ridge_fit([[-1.0], [1.0]], [99.0, 101.0], alpha=2.0)[1]",
        "why": "The intercept is not penalised: b = mean(y) - mean(x) w = 100.",
    },
    {
        "question": "As alpha grows without bound",
        "choices": (
            "w -> 0 and b -> mean(y)",
            "w -> the least-squares solution",
            "b -> 0",
            "w grows without bound",
        ),
        "answer": 0,
        "why": "The penalty wins, and the unpenalised intercept fits the mean.",
    },
)
### END META
