"""Ordinary least squares with an intercept."""

import numpy as np


def linear_regression_fit(X, y):
    r"""Fit ``y ≈ X @ w + b`` by least squares, with an unpenalised intercept.

    .. math:: (w, b) = \arg\min_{w, b} \sum_{i=1}^{n} (y_i - x_i \cdot w - b)^2

    Setting the derivative in ``b`` to zero gives :math:`b = \bar y - \bar x \cdot w`, so
    the intercept drops out once the data are centred: ``w`` is the least-squares solution
    of :math:`(X - \bar x)\, w \approx y - \bar y` (the normal equations
    :math:`X_c^\top X_c\, w = X_c^\top y_c`), and then :math:`b = \bar y - \bar x \cdot w`.
    Solving with ``np.linalg.lstsq`` rather than inverting :math:`X_c^\top X_c` is more
    accurate, and for collinear columns it returns the minimum-norm ``w``, as scikit-learn does.

    Parameters
    ----------
    X : array_like of shape (n, d)
        The features, one row per sample (2-D even when ``d = 1``).
    y : array_like of shape (n,)
        The targets.

    Returns
    -------
    w : numpy.ndarray of shape (d,)
        The coefficients.
    b : float
        The intercept.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D or ``y`` not 1-D, if they differ in length, or if either is empty.

    See Also
    --------
    sklearn.linear_model.LinearRegression : the reference (``coef_`` and ``intercept_``).

    Examples
    --------
    >>> w, b = linear_regression_fit([[0.0], [1.0], [2.0], [3.0]], [1.0, 3.0, 5.0, 7.0])
    >>> print(np.round(w, 10), round(b, 10))
    [2.] 1.0
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n, d), got shape {X.shape}; use X.reshape(-1, 1) for one feature")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D (n,), got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.shape[0]} values")
    if X.shape[0] == 0 or X.shape[1] == 0:
        raise ValueError(f"empty input: X has shape {X.shape}")
    x_mean = X.mean(axis=0)
    y_mean = y.mean()
    w = np.linalg.lstsq(X - x_mean, y - y_mean, rcond=None)[0]
    b = y_mean - x_mean @ w
    return w, float(b)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "If you knew w, which b would minimise the squared error? Set the derivative in b to zero.",
    "b = mean(y) - mean(X, axis=0) @ w, so centre X and y (subtract the column means) and "
    "solve the least-squares problem for w alone. (Appending a column of ones to X and reading "
    "b off the last coefficient gives the same answer unless a column of X is constant: then "
    "that column and the ones share the intercept, and only centring gives its w = 0.)",
    "w = np.linalg.lstsq(X - X.mean(0), y - y.mean(), rcond=None)[0]; b = y.mean() - X.mean(0) @ w.",
)
TALKING_POINTS = {
    "use": (
        "Regression of a continuous target: the first baseline to fit, with a closed-form solution and "
        "coefficients one can read as effects per unit of each feature."
    ),
    "assumes": (
        "y linear in the features plus zero-mean noise; the centred X of full column rank (n > d, no "
        "collinear columns) for a unique w. p-values also need independent, equal-variance, normal errors."
    ),
    "pitfalls": (
        (
            "Conditioning: cond(X^T X) = cond(X)^2, so the normal equations lose digits that lstsq (QR or "
            "SVD on X itself) keeps."
        ),
        (
            "Collinearity: with dependent columns w is not unique; lstsq returns the minimum-norm one, and "
            "correlated features get unstable coefficients."
        ),
        "Intercept: X w = y without centring (or a column of ones) forces the fit through 0.",
    ),
    "cost": "O(n d^2) time for lstsq (n >= d), O(n d) memory.",
    "follow_ups": (
        (
            "How would you regularise it?",
            (
                "Ridge, w = (Xc^T Xc + lambda I)^-1 Xc^T yc, is unique for any lambda > 0; lasso (L1) sets "
                "some coefficients to exactly 0."
            ),
        ),
        (
            "X does not fit in memory?",
            "Accumulate X^T X and X^T y over chunks (O(d^2) memory), or use SGD.",
        ),
        (
            "How do you judge the fit?",
            (
                "R^2 = 1 - SS_res / SS_tot on held-out data: on training data it never falls as features are "
                "added."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "Why prefer np.linalg.lstsq(X, y) to inv(X.T @ X) @ X.T @ y?",
        "choices": (
            "It is always faster",
            "Forming X^T X squares the condition number and loses digits",
            "inv fails beyond 100 features",
            "lstsq adds a ridge penalty",
        ),
        "answer": 1,
        "why": "cond(X^T X) = cond(X)^2; QR/SVD solvers work on X directly.",
    },
    {
        "question": "The intercept b of linear_regression_fit([[0], [1], [2], [3]], [1, 2, 2, 5])?",
        "answer": 0.7,
        "tolerance": 1e-06,
        "check": "linear_regression_fit([[0.0], [1.0], [2.0], [3.0]], [1.0, 2.0, 2.0, 5.0])[1]",
        "why": "w = Sxy / Sxx = 6 / 5 = 1.2 and b = mean(y) - w mean(x) = 2.5 - 1.8.",
    },
)
### END META
