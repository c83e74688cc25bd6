"""Principal component analysis: fit the directions of largest variance, project data onto them."""

import numbers

import numpy as np


def pca_fit(X, n_components):
    r"""Fit PCA: the mean, and the ``n_components`` directions along which ``X`` varies most.

    Centre the data, ``Xc = X - mean``, and take its singular value decomposition
    ``Xc = U S V^T`` (singular values ``s_1 >= s_2 >= ...``). The principal components are
    the first ``k`` rows of ``V^T`` (unit vectors, orthogonal to each other), and the variance
    of the data along component ``i`` is

    .. math::

        \lambda_i = \frac{s_i^2}{n - 1}

    the ``i``-th largest eigenvalue of the sample covariance matrix ``Xc^T Xc / (n - 1)``
    (whose eigenvectors the components are). No feature is rescaled: a feature measured in
    larger units weighs more.

    A component's sign is arbitrary (``-v`` is as good as ``v``); here each is flipped so
    that its entry of largest absolute value is positive, as scikit-learn does.

    Parameters
    ----------
    X : array_like of shape (n, d)
        Training data, one sample per row.
    n_components : int
        How many components to keep, ``1 <= n_components <= min(n, d)``.

    Returns
    -------
    dict
        The model, for :func:`pca_transform`, plain float64 numpy arrays only (also for
        float32 or integer ``X``):
        ``"components"`` (k, d), the components as rows, by decreasing variance;
        ``"explained_variance"`` (k,), the variance along each (``ddof=1``);
        ``"mean"`` (d,), the training data's mean.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, has no columns, holds NaN or infinity, or has fewer than 2 rows
        (the variance divides by ``n - 1``), or if ``n_components`` is not an int in
        ``1 .. min(n, d)``.

    See Also
    --------
    sklearn.decomposition.PCA : the reference, ``PCA(n_components, svd_solver="full")``:
        its ``components_`` (up to sign), ``explained_variance_`` and ``mean_``.

    Examples
    --------
    The points spread 4/3 along x and 1/3 along y, with no covariance:

    >>> model = pca_fit([[0.0, 0.0], [2.0, 0.0], [0.0, 1.0], [2.0, 1.0]], n_components=2)
    >>> np.abs(model["components"]).round(6), model["explained_variance"].round(6)
    (array([[1., 0.],
           [0., 1.]]), array([1.333333, 0.333333]))
    >>> model["mean"]
    array([1. , 0.5])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    n, d = X.shape
    if d == 0:
        raise ValueError(f"empty input: X has shape {X.shape}, no features")
    if n < 2:
        raise ValueError(f"X has {n} rows: the variance (divided by n - 1) needs at least 2")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite (no NaN or infinity)")
    if isinstance(n_components, bool) or not isinstance(n_components, numbers.Integral):
        raise ValueError(f"n_components must be an int, got {n_components!r}")
    k = int(n_components)
    if not 1 <= k <= min(n, d):
        raise ValueError(f"n_components must be between 1 and min(n, d) = {min(n, d)}, got {k}")
    mean = np.ones(n) @ X / n  # the column means (as one BLAS product: faster than X.mean(axis=0))
    centred = X - mean
    # Xc = Q R with Q orthonormal, so Xc and the small R (min(n, d) x d) have the same singular
    # values and right singular vectors: an SVD of R without ever forming the big U of Xc.
    r = np.linalg.qr(centred, mode="r")
    _, singular, vt = np.linalg.svd(r, full_matrices=False)
    components = vt[:k]
    largest = np.argmax(np.abs(components), axis=1)
    signs = np.where(components[np.arange(k), largest] < 0, -1.0, 1.0)
    return {
        "components": components * signs[:, None],
        "explained_variance": singular[:k] ** 2 / (n - 1),
        "mean": mean,
    }
    ### END SOLUTION


def pca_transform(model, X):
    r"""Project the rows of ``X`` onto the components of a fitted PCA model.

    .. math::

        Z = (X - \mu)\, W^\top

    with ``mu`` the **training** mean (``model["mean"]``, never the mean of the new ``X``)
    and ``W`` the components (k, d) as rows: column ``i`` of ``Z`` is each sample's
    coordinate along component ``i``. Transforming the training data gives columns of mean 0
    and variance ``explained_variance``; no whitening (no division by the standard deviations).

    Parameters
    ----------
    model : dict
        What :func:`pca_fit` returned: ``"components"`` (k, d), ``"explained_variance"``
        (k,) and ``"mean"`` (d,).
    X : array_like of shape (m, d)
        Samples with the training data's ``d`` features.

    Returns
    -------
    numpy.ndarray of shape (m, k)
        The projections, float64.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D, has no rows, or has a number of features other than the model's.

    See Also
    --------
    sklearn.decomposition.PCA.transform : the reference.

    Examples
    --------
    >>> model = pca_fit([[1.0, 1.0], [2.0, 2.0], [3.0, 3.0], [4.0, 4.0]], n_components=1)
    >>> model["components"].round(6), model["explained_variance"].round(6)
    (array([[0.707107, 0.707107]]), array([3.333333]))
    >>> pca_transform(model, [[2.5, 2.5], [0.0, 0.0]]).round(6)
    array([[ 0.      ],
           [-3.535534]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    components = np.asarray(model["components"], dtype=np.float64)
    mean = np.asarray(model["mean"], dtype=np.float64)
    if X.ndim != 2:
        raise ValueError(f"X must be 2-D (n_samples, n_features), got shape {X.shape}")
    if X.shape[1] != components.shape[1]:
        raise ValueError(f"X has {X.shape[1]} features, the model was fitted on {components.shape[1]}")
    if X.shape[0] == 0:
        raise ValueError("empty input: X has no rows")
    projected = np.empty((X.shape[0], components.shape[0]))
    block = 8192  # centre a block of rows at a time: it is still in cache for the product
    for start in range(0, X.shape[0], block):
        rows = slice(start, start + block)
        np.matmul(X[rows] - mean, components.T, out=projected[rows])
    return projected
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "What must you subtract before looking for directions of variance, and which mean does the "
    "transform subtract: the training data's or the new data's? Which divisor makes the "
    "variance a sample variance?",
    "Fit: centre with X.mean(axis=0), then np.linalg.svd(Xc, full_matrices=False): the rows of Vt "
    "are the components, already sorted; explained_variance = S**2 / (n - 1). Transform: "
    "(X - model['mean']) @ components.T.",
    "mean = X.mean(axis=0); _, S, Vt = np.linalg.svd(X - mean, full_matrices=False); return "
    "{'components': Vt[:k], 'explained_variance': S[:k]**2 / (len(X) - 1), 'mean': mean}.",
)
TALKING_POINTS = {
    "use": (
        "Reduce dimension while keeping the most variance: compression, 2-D plots, denoising, decorrelated "
        "inputs for another model."
    ),
    "assumes": (
        "Linear structure: the directions of largest variance matter most. PCA centres but does not scale, "
        "so units matter; outliers pull the components."
    ),
    "pitfalls": (
        (
            "Scaling: a feature in larger units dominates the components; standardise first when the units "
            "differ."
        ),
        (
            "Sign: each component is defined up to sign; compare up to sign, or fix it (sklearn makes each "
            "row's largest-magnitude entry positive)."
        ),
        (
            "Leakage: fit the mean and components on the training data; transform the test data with the "
            "training mean."
        ),
    ),
    "cost": (
        "O(n d min(n, d)) time for the full SVD, O(n d) memory; a randomised SVD of k components costs about "
        "O(n d k)."
    ),
    "follow_ups": (
        (
            "SVD of the data or eigenvectors of the covariance?",
            (
                "The same components, with eigenvalues s^2 / (n - 1); the SVD never forms Xc^T Xc, which "
                "squares the condition number."
            ),
        ),
        (
            "How many components?",
            (
                "Enough to explain a chosen share of the variance (PCA(n_components=0.95)), or the elbow of "
                "the scree plot."
            ),
        ),
        (
            "Non-linear structure?",
            "Kernel PCA, or t-SNE and UMAP for visualisation.",
        ),
    ),
}
QUIZ = (
    {
        "question": "The explained variance of the one component of [[0, 0], [1, 1], [2, 2]]?",
        "answer": 2.0,
        "tolerance": 1e-09,
        "check": "pca_fit([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], 1)['explained_variance'][0]",
        "why": "Projections -sqrt(2), 0, sqrt(2): sum of squares 4, divided by n - 1 = 2.",
    },
    {
        "question": "Fitted on those points, where does pca_transform put [3, 3]?",
        "answer": 2.8284,
        "tolerance": 0.001,
        "check": "pca_transform(pca_fit([[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], 1), [[3.0, 3.0]])[0, 0]",
        "why": "([3, 3] - [1, 1]) . [1, 1] / sqrt(2) = 2 sqrt(2).",
    },
    {
        "question": "Which mean does pca_transform subtract from new data?",
        "choices": (
            "the training mean stored in the model",
            "the mean of the new data",
            "none",
            "the median of the new data",
        ),
        "answer": 0,
        "why": "The components describe the training data around its own mean.",
    },
)
### END META
