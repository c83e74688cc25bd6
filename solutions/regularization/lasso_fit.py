"""The lasso: least squares with an L1 penalty, fitted by cyclic coordinate descent."""

import numpy as np


def lasso_fit(X, y, alpha=1.0, n_iter=1000, tol=1e-8):
    r"""Fit the lasso by cyclic coordinate descent.

    Minimises, over the weights ``w`` and the (unpenalised) intercept ``b``,

    .. math:: \frac{1}{2n}\lVert y - Xw - b \rVert_2^2 + \alpha \lVert w \rVert_1

    scikit-learn's ``Lasso`` objective. The intercept drops out after centring ``X`` and
    ``y``. Then each sweep updates every coordinate ``j = 0 .. d-1`` in turn to its exact
    minimiser with the others held fixed:

    .. math::

        \rho_j = \frac{1}{n} x_j^\top (r + x_j w_j), \qquad
        w_j \leftarrow \frac{S_\alpha(\rho_j)}{\tfrac{1}{n}\lVert x_j \rVert^2}

    where ``r = yc - Xc w`` is the current residual, ``x_j`` the centred column and ``S``
    the soft threshold. Finally ``b = mean(y) - mean(X) . w``.

    Stopping rule: after a sweep in which no coefficient changed by ``tol`` or more
    (``max_j |w_j(new) - w_j(old)| < tol``), or after ``n_iter`` sweeps, whichever comes
    first. A constant column gets weight 0.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Features.
    y : array_like of shape (n,)
        Targets.
    alpha : float, default=1.0
        The penalty strength, ``>= 0``.
    n_iter : int, default=1000
        The most sweeps over the coordinates, ``>= 1``.
    tol : float, default=1e-8
        Stop when a sweep changes no coefficient by ``tol`` or more; ``>= 0``.

    Returns
    -------
    w : numpy.ndarray of shape (d,)
        The weights; those the penalty removes are exactly 0.
    b : float
        The intercept.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, ``y`` is not 1-D, their lengths differ, the input is empty or
        not finite, ``alpha < 0``, ``n_iter < 1`` or ``tol < 0``.

    See Also
    --------
    sklearn.linear_model.Lasso : the reference.
    soft_threshold : the update of one coordinate.

    Examples
    --------
    >>> X = [[1.0, 0.0], [2.0, 1.0], [3.0, 0.0], [4.0, 1.0]]
    >>> w, b = lasso_fit(X, [2.1, 3.9, 6.0, 8.1], alpha=0.2)
    >>> w.round(6), round(b, 6)
    (array([1.85, 0.  ]), 0.4)
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
    if n_iter < 1:
        raise ValueError(f"n_iter must be >= 1, got {n_iter!r}")
    if not tol >= 0:
        raise ValueError(f"tol must be >= 0, got {tol!r}")
    n, d = X.shape
    x_mean, y_mean = X.mean(axis=0), y.mean()
    Xc = X - x_mean
    scale = np.einsum("ij,ij->j", Xc, Xc) / n
    w = np.zeros(d)
    residual = y - y_mean
    for _ in range(int(n_iter)):
        largest_change = 0.0
        for j in np.flatnonzero(scale > 0):
            rho = Xc[:, j] @ residual / n + scale[j] * w[j]
            new = np.sign(rho) * max(abs(rho) - alpha, 0.0) / scale[j]
            change = new - w[j]
            if change != 0.0:
                residual -= change * Xc[:, j]
                w[j] = new
                largest_change = max(largest_change, abs(change))
        if largest_change < tol:
            break
    return w, float(y_mean - x_mean @ w)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "Hold every weight but w_j fixed: the objective is then a 1-D quadratic plus alpha * |w_j|. "
    "What is its minimiser? (soft_threshold is the answer to a very similar question.) And "
    "where does the intercept go if you centre X and y first?",
    "Centre X and y. For each j: rho = x_j . (r + x_j w_j) / n with r the current residual, "
    "then w_j = soft_threshold(rho, alpha) / (||x_j||^2 / n); update r. Sweep until no weight "
    "moves by tol, at most n_iter times; b = mean(y) - mean(X) . w.",
    "for sweep in range(n_iter): change = 0; for j: old = w[j]; rho = Xc[:, j] @ r / n + s[j] * "
    "old; w[j] = sign(rho) * max(|rho| - alpha, 0) / s[j]; r -= (w[j] - old) * Xc[:, j]; "
    "change = max(change, |w[j] - old|); stop when change < tol.",
)
TALKING_POINTS = {
    "use": "A sparse linear model: least squares plus an L1 penalty, fitted by coordinate descent; "
    "selection and estimation in one go.",
    "assumes": "scikit-learn's objective (1 / 2n) ||y - Xw - b||^2 + alpha ||w||_1; standardised "
    "features; an unpenalised intercept (centring).",
    "pitfalls": (
        "Scale: with the 1 / (2n) factor alpha is per sample (Lasso's); Ridge's alpha has no 1 / "
        "n, so the two are not comparable.",
        "Stopping: a small change in w is not optimality; scikit-learn then checks the duality "
        "gap (tol=1e-4) and warns with a ConvergenceWarning.",
        "Unscaled features: the penalty hits small-scale features hardest, so the selection "
        "reflects units, not relevance.",
    ),
    "cost": "O(n d) per sweep with a kept residual; more sweeps when features correlate; warm starts "
    "along a decreasing alpha path help.",
    "follow_ups": (
        (
            "Why coordinate descent?",
            "Each one-coordinate problem has a closed form, a soft threshold, and with the "
            "residual kept up to date one update costs O(n).",
        ),
        (
            "Which alpha gives w = 0?",
            "Any alpha >= max_j |x_j . (y - mean y)| / n with centred x_j: no coordinate then "
            "passes the threshold.",
        ),
        (
            "Lasso with correlated features?",
            "It tends to keep one of the group and zero the rest; elastic net spreads the weight.",
        ),
    ),
}
QUIZ = (
    {
        "question": "lasso_fit([[-1.0], [1.0]], [-1.0, 1.0], alpha=0.5)[0][0]?",
        "answer": 0.5,
        "tolerance": 1e-06,
        "check": "lasso_fit([[-1.0], [1.0]], [-1.0, 1.0], alpha=0.5)[0][0]",
        "why": "rho = x . y / n = 1 and ||x||^2 / n = 1: w = S_0.5(1) / 1.",
    },
    {
        "question": "The same data with alpha = 1.0?",
        "answer": 0.0,
        "tolerance": 1e-12,
        "check": "lasso_fit([[-1.0], [1.0]], [-1.0, 1.0], alpha=1.0)[0][0]",
        "why": "alpha reaches max |x . y| / n = 1: the weight is exactly 0.",
    },
    {
        "question": "scikit-learn's Lasso minimises",
        "choices": (
            "(1/2n) ||y - Xw||^2 + alpha ||w||_1",
            "||y - Xw||^2 + alpha ||w||_1",
            "(1/n) ||y - Xw||^2 + alpha ||w||_1^2",
            "||y - Xw||^2 + alpha ||w||_2^2",
        ),
        "answer": 0,
        "why": "Its documented objective; the last one is Ridge's.",
    },
)
### END META
