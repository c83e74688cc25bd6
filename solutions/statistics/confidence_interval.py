"""Student-t confidence interval for the mean of a sample."""

import numpy as np
from scipy.stats import t


def confidence_interval(sample, confidence=0.95):
    r"""Two-sided confidence interval for the population mean, from a small sample.

    .. math::

        \bar x \pm t_{(1 + \gamma)/2,\ n - 1} \cdot \frac{s}{\sqrt{n}}, \qquad
        s = \sqrt{\frac{1}{n - 1} \sum_{i=1}^{n} (x_i - \bar x)^2}

    with :math:`\gamma` the confidence level. The standard error of the mean
    :math:`s / \sqrt{n}` uses the sample standard deviation (``ddof=1``); the quantile comes
    from Student's t distribution with ``n - 1`` degrees of freedom, not the normal one,
    because :math:`s` is itself estimated. Half of :math:`1 - \gamma` goes in each tail.

    Parameters
    ----------
    sample : array_like of shape (n,)
        The observations, ``n >= 2``.
    confidence : float, default=0.95
        The confidence level, strictly between 0 and 1 (0.95, not 95).

    Returns
    -------
    low : float
        The lower end of the interval.
    high : float
        The upper end.

    Raises
    ------
    ValueError
        If the sample is not 1-D or has fewer than 2 values, or if ``confidence`` is not
        strictly between 0 and 1.

    See Also
    --------
    scipy.stats.t.interval : the reference, as ``t.interval(confidence, df=n - 1,
        loc=mean, scale=sem)`` with ``sem = std(ddof=1) / sqrt(n)``.

    Notes
    -----
    You may use ``from scipy.stats import t`` for the quantile (``t.ppf``), and only for
    that.

    Examples
    --------
    >>> low, high = confidence_interval([4.0, 6.0, 5.0, 7.0, 3.0])
    >>> round(low, 6), round(high, 6)
    (3.036757, 6.963243)
    """
    ### BEGIN SOLUTION
    sample = np.asarray(sample, dtype=np.float64)
    if sample.ndim != 1:
        raise ValueError(f"sample must be 1-D, got shape {sample.shape}")
    if sample.size < 2:
        raise ValueError(f"need at least 2 values to estimate the spread, got {sample.size}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1 (0.95, not 95), got {confidence}")
    n = sample.size
    mean = sample.mean()
    sem = sample.std(ddof=1) / np.sqrt(n)
    half_width = t.ppf((1 + confidence) / 2, df=n - 1) * sem
    return float(mean - half_width), float(mean + half_width)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
ALLOWED_IMPORTS = ("scipy.stats.t",)
HINTS = (
    "How much does the sample mean itself vary from sample to sample? And why is a t quantile "
    "wider than the normal 1.96 when n is small?",
    "The standard error is sample.std(ddof=1) / sqrt(n); the quantile is t.ppf((1 + confidence) "
    "/ 2, df=n - 1): two-sided, so half of 1 - confidence in each tail.",
    "half = t.ppf((1 + confidence) / 2, n - 1) * sample.std(ddof=1) / np.sqrt(n); return "
    "mean - half, mean + half.",
)
TALKING_POINTS = {
    "use": (
        "The uncertainty of a sample mean (latency, revenue per user) when the population variance is "
        "unknown and must be estimated."
    ),
    "assumes": (
        "Independent observations from a roughly normal population; for large n the central limit theorem "
        "makes it approximately right for other shapes."
    ),
    "pitfalls": (
        "ddof: the standard error uses the sample std (ddof=1); np.std defaults to ddof=0.",
        "t, not z: for small n the normal 1.96 is too narrow; t with n - 1 dof is wider (2.776 for n = 5).",
        "Meaning: 95 % of such intervals cover the true mean; it is not a 95 % chance that this one does.",
    ),
    "cost": "O(n) time, O(1) extra memory.",
    "follow_ups": (
        (
            "How does the width shrink with n?",
            "As s / sqrt(n): four times the data halves it.",
        ),
        (
            "Skewed data, or a median?",
            "Bootstrap: resample with replacement, take the 2.5 and 97.5 percentiles of the statistic.",
        ),
        (
            "When is z good enough?",
            "For large n t approaches the normal: t.ppf(0.975, 30) = 2.04 against 1.96.",
        ),
    ),
}
QUIZ = (
    {
        "question": "The upper end of confidence_interval([1, 2, 3]) at 95 %?",
        "answer": 4.4841,
        "tolerance": 0.001,
        "check": "confidence_interval([1.0, 2.0, 3.0])[1]",
        "why": "2 + t.ppf(0.975, 2) * 1 / sqrt(3) = 2 + 4.303 * 0.577.",
    },
    {
        "question": "The quantile for a 95 % interval from n = 10 values?",
        "choices": (
            "norm.ppf(0.95)",
            "norm.ppf(0.975)",
            "t.ppf(0.975, df=9)",
            "t.ppf(0.95, df=10)",
        ),
        "answer": 2,
        "why": "Two-sided: 2.5 % per tail, and n - 1 degrees of freedom.",
    },
)
### END META
