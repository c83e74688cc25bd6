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
    ### BEGIN SOLUTION
    try:
        X, gamma, beta = (np.asarray(a, dtype=np.float64) for a in (X, gamma, beta))
    except (TypeError, ValueError) as error:
        raise ValueError(f"X, gamma and beta must be real numbers: {error}") from None
    given = np.asarray(eps) if not isinstance(eps, str | bytes) else None
    if given is None or given.ndim != 0 or given.dtype.kind not in "biuf":
        raise ValueError(f"eps must be a positive number, got {eps!r}")
    eps = float(given)
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be 2-D (N, D) with at least one row, got shape {X.shape}")
    d = X.shape[1]
    if gamma.shape != (d,) or beta.shape != (d,):
        raise ValueError(f"gamma and beta must have shape ({d},), got {gamma.shape} and {beta.shape}")
    if not (np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a positive number, got {eps}")
    centered = X - X.mean(axis=0)  # two passes: exact for features far from 0 (1e9 + x)
    var = np.einsum("ij,ij->j", centered, centered) / X.shape[0]
    inv_std = 1.0 / np.sqrt(var + eps)
    x_hat = np.multiply(centered, inv_std, out=centered)
    out = x_hat * gamma
    out += beta
    return out, (x_hat, gamma, inv_std)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Which axis is the batch? Each feature (column) gets its own mean and variance, computed "
    "over the samples (rows). Divide by N or by N - 1? And where does eps go?",
    "mu = X.mean(axis=0); var = X.var(axis=0) (ddof=0); x_hat = (X - mu) / np.sqrt(var + eps); "
    "out = gamma * x_hat + beta. Keep in the cache what the backward pass will need "
    "(x_hat, gamma and 1 / sqrt(var + eps) is enough).",
    "inv_std = 1 / np.sqrt(X.var(axis=0) + eps); x_hat = (X - X.mean(axis=0)) * inv_std; "
    "return gamma * x_hat + beta, (x_hat, gamma, inv_std)",
)
TALKING_POINTS = {
    "use": "Normalising each feature over the mini-batch in training, so deep nets (CNNs above all) "
    "train faster, with larger learning rates.",
    "assumes": "A batch large enough for stable mean and variance estimates; at inference, fixed running "
    "averages replace the batch's statistics.",
    "pitfalls": (
        "Train vs eval: PyTorch uses the batch's statistics in train mode, running_mean and "
        "running_var (momentum 0.1) in eval mode; forget model.eval() and predictions depend on "
        "the batch.",
        "Biased vs unbiased: the forward pass divides by N (torch.var(correction=0)), but "
        "PyTorch's running_var stores the unbiased N - 1 estimate.",
        "eps goes inside the square root, so a constant feature gives beta; var as mean(x^2) - "
        "mean(x)^2 cancels for features far from 0.",
    ),
    "cost": "O(N D) time and memory (x_hat is cached for backward); parameters: gamma and beta, D each.",
    "follow_ups": (
        (
            "Why gamma and beta?",
            "So the layer can still represent the identity (gamma = sqrt(var + eps), beta = mu) "
            "when normalising hurts.",
        ),
        (
            "Batch norm vs layer norm?",
            "Batch norm: each feature over the batch (depends on batch size, train differs from "
            "eval). Layer norm: each sample over its features.",
        ),
        (
            "And for convolutions?",
            "BatchNorm2d keeps one mean and variance per channel, over (N, H, W): every position "
            "shares its gamma and beta.",
        ),
    ),
}
QUIZ = (
    {
        "question": "batch_norm_forward([[1.0], [1.0], [1.0]], [3.0], [1.0])[0][0, 0], a constant feature?",
        "answer": 1.0,
        "tolerance": 1e-09,
        "check": "batch_norm_forward([[1.0], [1.0], [1.0]], [3.0], [1.0])[0][0, 0]",
        "why": "The variance is 0, so x_hat = 0 / sqrt(0 + eps) = 0 and out = beta.",
    },
    {
        "question": "batch_norm_forward([[0.0], [2.0]], [1.0], [0.0])[0][1, 0] (to 4 decimals)?",
        "answer": 1.0,
        "tolerance": 0.0001,
        "check": "batch_norm_forward([[0.0], [2.0]], [1.0], [0.0])[0][1, 0]",
        "why": "Mean 1, variance 1 (divide by N = 2): x_hat = 1 / sqrt(1 + 1e-5).",
    },
    {
        "question": "Which variance does batch norm normalise with in training?",
        "choices": (
            "The batch's, dividing by N",
            "The batch's, dividing by N - 1",
            "The running average",
            "The whole training set's",
        ),
        "answer": 0,
        "why": "Training mode uses the batch's own biased variance.",
    },
)
### END META
