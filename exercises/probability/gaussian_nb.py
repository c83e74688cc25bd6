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
    # YOUR CODE HERE
    raise NotImplementedError()


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
    # YOUR CODE HERE
    raise NotImplementedError()
