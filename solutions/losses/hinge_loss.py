"""Hinge loss, the loss of the linear SVM."""

import numpy as np


def hinge_loss(y_true, decision):
    r"""Mean hinge loss of decision values against labels in {-1, +1}.

    .. math:: \text{loss} = \frac{1}{n}\sum_{i=1}^{n} \max(0,\ 1 - y_i d_i)

    A sample classified correctly with margin at least 1 (``y * d >= 1``) costs nothing;
    inside the margin or on the wrong side, the cost grows linearly.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Labels, each -1 or +1.
    decision : array_like of shape (n,)
        Decision values ``w . x + b``.

    Returns
    -------
    float
        The mean hinge loss.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, or if a label is not
        -1 or +1 (labels in {0, 1} must be mapped first).

    See Also
    --------
    sklearn.metrics.hinge_loss : the reference.

    Examples
    --------
    >>> hinge_loss([1, -1, 1], [2.0, -0.5, -1.0])
    0.8333333333333334
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    decision = np.asarray(decision, dtype=np.float64)
    if y_true.ndim != 1 or decision.ndim != 1:
        raise ValueError(f"expected 1-D inputs, got shapes {y_true.shape} and {decision.shape}")
    if y_true.shape != decision.shape:
        raise ValueError(f"length mismatch: y_true has {y_true.size}, decision has {decision.size}")
    if y_true.size == 0:
        raise ValueError("empty input: the mean of no losses is undefined")
    if not np.all((y_true == -1) | (y_true == 1)):
        raise ValueError(f"labels must be -1 or +1, got {np.unique(y_true)}")
    return float(np.mean(np.maximum(0.0, 1.0 - y_true * decision)))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What should a sample with y * d = 3 (right side, far from the boundary) cost? What does "
    "1 - y * d give for it?",
    "np.maximum (not np.max) compares elementwise with 0. And check the labels: {0, 1} labels "
    "are a bug here, not a variant.",
    "np.mean(np.maximum(0.0, 1.0 - y_true * decision)) after the ValueError checks.",
)
### END META
