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
### END META
