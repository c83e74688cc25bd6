"""Binary log loss (binary cross-entropy)."""

import numpy as np


def log_loss(y_true, y_prob, eps=1e-15):
    r"""Mean negative log-likelihood of binary labels under predicted probabilities.

    .. math::

        \text{loss} = -\frac{1}{n}\sum_{i=1}^{n}
            \left[y_i \log p_i + (1 - y_i) \log(1 - p_i)\right]

    with each ``p_i`` first clipped to ``[eps, 1 - eps]``, so a confident wrong answer
    (``p = 0`` for a positive) costs ``-log(eps)`` instead of infinity.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Labels, each 0 or 1.
    y_prob : array_like of shape (n,)
        Predicted probabilities ``P(y = 1)``, each in ``[0, 1]``.
    eps : float, default=1e-15
        The clipping margin.

    Returns
    -------
    float
        The mean log loss (natural log).

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0 or
        1, or if a probability lies outside ``[0, 1]``.

    See Also
    --------
    sklearn.metrics.log_loss : the reference.

    Examples
    --------
    >>> round(log_loss([1, 0, 1], [0.9, 0.2, 0.6]), 6)
    0.279777
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    y_prob = np.asarray(y_prob, dtype=np.float64)
    if y_true.ndim != 1 or y_prob.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {y_prob.shape}")
    if y_true.shape != y_prob.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, y_prob has {y_prob.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the mean of no losses is undefined")
    if not np.all((y_true == 0) | (y_true == 1)):
        raise ValueError(f"labels must be 0 or 1, got {np.unique(y_true)}")
    if not np.all((y_prob >= 0) & (y_prob <= 1)):
        raise ValueError("probabilities must lie in [0, 1]")
    p = np.clip(y_prob, eps, 1 - eps)
    positive = y_true == 1
    return float(-np.mean(np.where(positive, np.log(p), np.log1p(-p))))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "For a positive example the loss is -log(p); for a negative one, -log(1 - p). What is log(0)?",
    "Clip the probabilities with np.clip(p, eps, 1 - eps) before taking logs, and check the "
    "labels really are 0 or 1 (not -1 and 1).",
    "-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)) on the clipped p.",
)
### END META
