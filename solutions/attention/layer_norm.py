"""Layer normalisation: standardise each sample over its features, then scale and shift."""

import numpy as np


def layer_norm(X, gamma, beta, eps=1e-5):
    r"""Layer normalisation over the last axis, as ``torch.nn.LayerNorm(d, eps=eps)``.

    .. math::

        \mu = \frac{1}{d}\sum_{j=1}^{d} x_j, \qquad
        \sigma^2 = \frac{1}{d}\sum_{j=1}^{d} (x_j - \mu)^2, \qquad
        y_j = \gamma_j\, \frac{x_j - \mu}{\sqrt{\sigma^2 + \varepsilon}} + \beta_j

    for every vector ``x`` along the last axis of ``X`` (one token, one sample), whatever the
    leading axes. The variance is the *population* one (divide by ``d``, not ``d - 1``), and
    ``eps`` goes *inside* the square root. Unlike batch normalisation, the statistics are taken
    over the features of each sample, never over the samples. ``X`` may be offset by ``1e9``
    (values known to about ``1e-7``): the result must stay as accurate as its inputs allow.

    Parameters
    ----------
    X : array_like of shape (..., d)
        The inputs; any number of leading axes (``(d,)``, ``(n, d)``, ``(batch, n, d)``...).
    gamma : array_like of shape (d,)
        The per-feature scale (``LayerNorm.weight``).
    beta : array_like of shape (d,)
        The per-feature shift (``LayerNorm.bias``).
    eps : float, default=1e-5
        Added to the variance, ``> 0``.

    Returns
    -------
    numpy.ndarray of the shape of ``X``
        The normalised, scaled and shifted values, float64.

    Raises
    ------
    ValueError
        If ``X`` has no axis or is empty, if ``gamma`` or ``beta`` is not 1-D of length ``d``
        (``X.shape[-1]``; numpy would broadcast a length-1 one), or if ``eps <= 0`` (or NaN).

    See Also
    --------
    torch.nn.LayerNorm : the definition; torch is not needed: the grader's reference is an
        independent float64 implementation (exact sums, row by row) with hand-worked cases.

    Examples
    --------
    >>> layer_norm([[1.0, 2.0, 3.0], [2.0, 2.0, 2.0]], [1.0, 1.0, 2.0], [0.0, 0.0, 1.0], eps=0.01).round(4)
    array([[-1.2157,  0.    ,  3.4313],
           [ 0.    ,  0.    ,  1.    ]])
    """
    ### BEGIN SOLUTION
    X = np.asarray(X, dtype=np.float64)
    gamma = np.asarray(gamma, dtype=np.float64)
    beta = np.asarray(beta, dtype=np.float64)
    if X.ndim == 0 or X.size == 0:
        raise ValueError(f"X must be a non-empty array of shape (..., d), got shape {X.shape}")
    d = X.shape[-1]
    for name, p in (("gamma", gamma), ("beta", beta)):
        if p.shape != (d,):
            raise ValueError(f"{name} must have shape ({d},) like X's last axis, got {p.shape}")
    if not eps > 0:
        raise ValueError(f"eps must be > 0, got {eps}")
    # Two passes (centre, then square): no cancellation at large offsets.
    centred = X - X.mean(axis=-1, keepdims=True)
    variance = np.einsum("...j,...j->...", centred, centred)[..., None] / d
    variance += eps
    centred /= np.sqrt(variance, out=variance)
    centred *= gamma
    centred += beta
    return centred
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Over which axis are the mean and the variance taken: the samples or the features? Does "
    "torch divide the squared deviations by d or by d - 1, and where does eps go?",
    "Use axis=-1 with keepdims=True so the statistics broadcast back over any leading axes; "
    "np.var has ddof=0 by default (the population variance). Compute the variance from the "
    "centred values, not as mean(x**2) - mean(x)**2, which cancels when X is offset by 1e9.",
    "mu = X.mean(axis=-1, keepdims=True); var = ((X - mu) ** 2).mean(axis=-1, keepdims=True); "
    "return gamma * (X - mu) / np.sqrt(var + eps) + beta (after the ValueError checks)",
)
TALKING_POINTS = {
    "use": "Normalising each token or sample over its own features: transformers and RNNs, with "
    "small batches or varying lengths; the same in training and inference.",
    "assumes": "The features of one sample are comparable in scale; d > 1 (with d = 1 every output is beta).",
    "pitfalls": (
        "Biased variance: torch.nn.LayerNorm divides by d (torch.var(correction=0)), while "
        "torch.var's own default is correction=1 and np.var's is ddof=0.",
        "eps goes inside the square root (PyTorch's default 1e-5); it matters for near-constant rows.",
        "mean(x^2) - mean(x)^2 cancels catastrophically when x is offset by 1e9; centre first, "
        "then square (two passes).",
    ),
    "cost": "O(n d) time and memory; 2 d parameters (gamma and beta).",
    "follow_ups": (
        (
            "Layer norm vs batch norm?",
            "Layer norm: per sample over its features, no batch statistics, no train/eval "
            "difference. Batch norm: per feature over the batch.",
        ),
        (
            "Pre-LN or post-LN?",
            "The original transformer normalised after each residual add (post-LN); pre-LN, "
            "before each sublayer, trains deep stacks more stably.",
        ),
        (
            "What is RMSNorm?",
            "x / sqrt(mean(x^2) + eps) * gamma: no centring and no beta, a little cheaper; LLaMA uses it.",
        ),
    ),
}
QUIZ = (
    {
        "question": "layer_norm([[0.0, 0.0, 3.0]], np.ones(3), np.zeros(3))[0, 2] (to 4 decimals)?",
        "answer": 1.4142,
        "tolerance": 0.0001,
        "check": "layer_norm([[0.0, 0.0, 3.0]], np.ones(3), np.zeros(3))[0, 2]",
        "why": "Mean 1, variance (1 + 1 + 4) / 3 = 2 (divide by d): (3 - 1) / sqrt(2).",
    },
    {
        "question": "Layer norm's mean and variance are taken over",
        "choices": (
            "Each sample's features",
            "Each feature across the batch",
            "The whole tensor",
            "The sequence positions",
        ),
        "answer": 0,
        "why": "One mean and variance per token, over its d features.",
    },
    {
        "question": "A row whose features are all equal comes out as",
        "choices": ("beta", "Zeros", "nan", "gamma"),
        "answer": 0,
        "why": "Its variance is 0, so x_hat = 0 / sqrt(eps) = 0 and the output is beta.",
    },
)
### END META
