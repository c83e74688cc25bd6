"""Batch normalisation, training mode: each feature standardised over the batch, then scaled and shifted."""

import numpy as np


def batch_norm_forward(X, gamma, beta, eps=1e-5):
    r"""Forward pass of batch normalisation in training mode, and a cache for the backward pass.

    For each feature (column) :math:`j`, over the :math:`N` samples (rows) of the batch:

    .. math::

        \mu_j = \frac{1}{N}\sum_i X_{ij}, \qquad
        \sigma_j^2 = \frac{1}{N}\sum_i (X_{ij} - \mu_j)^2, \qquad
        \hat X_{ij} = \frac{X_{ij} - \mu_j}{\sqrt{\sigma_j^2 + \varepsilon}}, \qquad
        \mathrm{out}_{ij} = \gamma_j \hat X_{ij} + \beta_j

    The variance is the population variance (divide by :math:`N`, ``np.var``'s default
    ``ddof=0``) of the batch itself: training mode, no running averages. ``eps`` is added
    to the variance *inside* the square root, so a constant feature (or a batch of one
    sample) gives :math:`\hat X = 0` and ``out = beta``, not 0 / 0. The inputs are not
    modified.

    Parameters
    ----------
    X : array_like of shape (N, D)
        A batch of ``N >= 1`` samples of ``D`` features.
    gamma : array_like of shape (D,)
        The scale of each feature.
    beta : array_like of shape (D,)
        The shift of each feature.
    eps : float, default=1e-5
        Added to the variance for stability; a positive number (not a string).

    Returns
    -------
    out : numpy.ndarray of shape (N, D)
        The normalised, scaled and shifted batch.
    cache : object
        What ``batch_norm_backward`` needs, passed to it unread: its content is yours to
        choose, but it must be plain data (numbers, numpy arrays, and tuples, lists or
        dicts of them), since the graders keep it between the two calls. A good choice,
        and this solution's: ``(x_hat, gamma, inv_std)`` with ``inv_std = 1 / sqrt(var + eps)``
        per feature.

    Raises
    ------
    ValueError
        If ``X`` is not 2-D with at least one row; if ``gamma`` or ``beta`` is not 1-D with
        one entry per feature (a single entry is not broadcast); if ``eps`` is not a
        positive number (``'1e-5'``, a string, is refused); or if an input is not numeric.

    See Also
    --------
    numpy.var : the population variance per feature, ``X.var(axis=0)``.
    batch_norm_backward : the gradients, from ``dout`` and this cache.

    Examples
    --------
    >>> out, cache = batch_norm_forward([[1.0, 2.0], [3.0, 6.0]], [2.0, 1.0], [0.5, -0.5])
    >>> out.round(4)  # means (2, 4), variances (1, 4): x_hat is -1 then +1 in both columns
    array([[-1.5, -1.5],
           [ 2.5,  0.5]])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
