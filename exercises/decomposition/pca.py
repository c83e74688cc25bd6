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
    # YOUR CODE HERE
    raise NotImplementedError()


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
    # YOUR CODE HERE
    raise NotImplementedError()
