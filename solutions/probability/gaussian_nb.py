"""Gaussian naive Bayes: fit per-class feature means and variances, predict class probabilities."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    r"""Fit a Gaussian naive Bayes classifier.

    For each class ``c`` (with ``n_c`` of the ``n`` samples) and feature ``j``:

    .. math::

        \pi_c = \frac{n_c}{n}, \qquad
        \mu_{cj} = \frac{1}{n_c}\sum_{i:\,y_i = c} x_{ij}, \qquad
        \sigma^2_{cj} = \frac{1}{n_c}\sum_{i:\,y_i = c} (x_{ij} - \mu_{cj})^2 + \varepsilon

    with ``epsilon = var_smoothing * max_j Var(X[:, j])``: one number, the largest
    (population) variance of any feature over the *whole* training set, added to every
    per-class variance. It keeps a feature that is constant within a class from giving a
    zero variance. Variances are population variances (divide by ``n_c``, ``ddof=0``).

    Parameters
    ----------
    X : array_like of shape (n, d)
        Training features.
    y : array_like of shape (n,)
        Class labels (any sortable values: ints, strings).
    var_smoothing : float, default=1e-9
        Fraction of the largest feature variance added to every variance; ``>= 0``.

    Returns
    -------
    dict
        The fitted model, for :func:`gaussian_nb_predict_proba`: ``"classes"`` (sorted
        ascending, shape (k,)), ``"log_prior"`` (k,), ``"theta"`` (k, d) means and
        ``"var"`` (k, d) smoothed variances.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, is empty or has non-finite entries, if ``y`` is not 1-D or its
        length differs from the number of rows of ``X``, if ``var_smoothing`` is negative,
        or if a variance is still 0 after smoothing (every feature is constant, so
        ``epsilon = 0``).

    See Also
    --------
    sklearn.naive_bayes.GaussianNB : the reference.

    Examples
    --------
    >>> model = gaussian_nb_fit([[1.0], [3.0], [10.0], [14.0]], [0, 0, 1, 1])
    >>> model["theta"], model["var"].round(6)
    (array([[ 2.],
           [12.]]), array([[1.],
           [4.]]))
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if y.ndim != 1:
        raise ValueError(f"y must be 1-D, got shape {y.shape}")
    if X.shape[0] != y.shape[0]:
        raise ValueError(f"length mismatch: X has {X.shape[0]} rows, y has {y.shape[0]} labels")
    if X.size == 0:
        raise ValueError(f"empty input: X has shape {X.shape}")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    if not (np.isfinite(var_smoothing) and var_smoothing >= 0):
        raise ValueError(f"var_smoothing must be >= 0, got {var_smoothing!r}")
    classes, index = np.unique(y, return_inverse=True)
    onehot = (index[:, None] == np.arange(classes.size)).astype(np.float64)
    counts = onehot.sum(axis=0)
    theta = onehot.T @ X / counts[:, None]
    var = onehot.T @ (X - theta[index]) ** 2 / counts[:, None]
    var += var_smoothing * np.var(X, axis=0).max()
    if np.any(var == 0):
        raise ValueError("a variance is 0 even after smoothing: every feature of X is constant")
    return {"classes": classes, "log_prior": np.log(counts / y.size), "theta": theta, "var": var}
    ### END SOLUTION


def gaussian_nb_predict_proba(model, X):
    r"""Class probabilities of a fitted Gaussian naive Bayes model.

    The joint log-likelihood of sample ``x`` and class ``c`` is

    .. math::

        J_c(x) = \log \pi_c - \frac{1}{2}\sum_j \log(2\pi\sigma^2_{cj})
                 - \frac{1}{2}\sum_j \frac{(x_j - \mu_{cj})^2}{\sigma^2_{cj}}

    and ``P(c | x) = exp(J_c - logsumexp_c' J_c')``. Normalising in log space matters: far
    from the training data every ``J_c`` is hugely negative, ``exp(J_c)`` underflows to 0
    for every class, and the naive ``exp(J) / sum(exp(J))`` is 0/0.

    Parameters
    ----------
    model : dict
        What :func:`gaussian_nb_fit` returned.
    X : array_like of shape (m, d)
        Samples, with as many features as the training data.

    Returns
    -------
    numpy.ndarray of shape (m, k)
        ``P(class | x)`` for each sample (rows) and class (columns, classes in ascending
        order); each row sums to 1.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, is empty, has non-finite entries or a number of features other
        than the model's.

    See Also
    --------
    sklearn.naive_bayes.GaussianNB.predict_proba : the reference.

    Examples
    --------
    >>> model = gaussian_nb_fit([[1.0], [3.0], [10.0], [14.0]], [0, 0, 1, 1])
    >>> gaussian_nb_predict_proba(model, [[2.0], [5.0], [1e6]]).round(4)
    array([[1.    , 0.    ],
           [0.9104, 0.0896],
           [0.    , 1.    ]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    theta, var = model["theta"], model["var"]
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if X.shape[1] != theta.shape[1]:
        raise ValueError(f"X has {X.shape[1]} features, the model was fitted on {theta.shape[1]}")
    if X.shape[0] == 0:
        raise ValueError("empty input: X has no rows")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    log_norm = -0.5 * np.sum(np.log(2 * np.pi * var), axis=1)
    z = X[:, None, :] - theta[None]  # (n, k, d): every sample against every class mean
    z /= np.sqrt(var)[None]  # in place: standardised by each class's spread
    squares = np.einsum("nkd,nkd->nk", z, z)  # sum over the features of z**2, no temporary
    joint = -0.5 * squares
    joint += model["log_prior"] + log_norm
    # normalise each row with log-sum-exp, in place: after subtracting the row maximum every
    # exp is at most 1, and the log of the evidence is subtracted before the last exp
    joint -= joint.max(axis=1, keepdims=True)
    joint -= np.log(np.exp(joint).sum(axis=1, keepdims=True))
    return np.exp(joint, out=joint)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "For each class you need a prior, a mean per feature and a variance per feature. Which "
    "variance: dividing by n_c or by n_c - 1? And what is added to it, computed from which data?",
    "Fit: np.unique(y) gives the classes sorted; use np.var (ddof=0) per class and add "
    "var_smoothing * np.var(X, axis=0).max() (one number, from all of X) to every variance. "
    "Predict: work with log-likelihoods, and normalise with log-sum-exp, not exp(...) / sum.",
    "J = log_prior - 0.5 * sum(log(2*pi*var)) - 0.5 * sum((x - theta)**2 / var); then "
    "m = J.max(axis=1, keepdims=True) and P = exp(J - m - log(sum(exp(J - m), axis=1))).",
)
TALKING_POINTS = {
    "use": (
        "A fast baseline classifier for continuous features, trained in one pass; copes with few samples or "
        "many features."
    ),
    "assumes": (
        "Features independent given the class, each normal within a class with its own mean and variance."
    ),
    "pitfalls": (
        (
            "Zero variance: a feature constant within a class divides by 0; var_smoothing adds 1e-9 times "
            "the largest feature variance to every variance."
        ),
        (
            "Underflow: products of densities are 0.0 far from the data; sum log densities and normalise "
            "with log-sum-exp."
        ),
        (
            "Calibration: correlated features are counted twice, pushing probabilities to 0 and 1; its "
            "rankings are often better than its probabilities."
        ),
    ),
    "cost": "Fit O(n d) time, O(k d) memory; predicting m samples O(m k d).",
    "follow_ups": (
        (
            "Why 'naive'?",
            (
                "The likelihood factorises over the features: k d means and variances instead of k full "
                "covariance matrices."
            ),
        ),
        (
            "Relation to QDA?",
            "It is QDA with diagonal covariance matrices: the boundaries are quadratic in general.",
        ),
        (
            "Class imbalance?",
            (
                "The prior n_c / n shifts predictions towards common classes; GaussianNB(priors=...) "
                "overrides it."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": (
            "gaussian_nb_fit([[1], [3], [10], [14]], [0, 0, 1, 1], var_smoothing=0): class 1's variance?"
        ),
        "answer": 4.0,
        "tolerance": 1e-12,
        "check": (
            "gaussian_nb_fit([[1.0], [3.0], [10.0], [14.0]], [0, 0, 1, 1], var_smoothing=0.0)['var'][1, 0]"
        ),
        "why": "The population variance of 10 and 14 (ddof=0); ddof=1 would give 8.",
    },
    {
        "question": "var_smoothing=1e-9 adds what to every per-class variance?",
        "choices": (
            "1e-9",
            "1e-9 times the largest feature variance of the whole training set",
            "1e-9 times the class's own variance",
            "1e-9 times n",
        ),
        "answer": 1,
        "why": "sklearn: a portion of the largest variance of all features.",
    },
)
### END META
