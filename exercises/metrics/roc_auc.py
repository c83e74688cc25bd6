"""Area under the ROC curve, from ranks (the Mann-Whitney U statistic)."""

import numpy as np


def roc_auc(y_true, y_score):
    r"""Probability that a random positive scores higher than a random negative.

    .. math::

        \text{AUC} = \frac{1}{n_+ n_-} \sum_{i:\,y_i=1} \sum_{j:\,y_j=0}
            \left([s_i > s_j] + \tfrac12 [s_i = s_j]\right)
            = \frac{R_+ - n_+(n_+ + 1)/2}{n_+ n_-}

    where ``R_+`` is the sum of the ranks (1 = lowest score) of the positives, tied scores
    sharing the average of their ranks. A tie between a positive and a negative counts one
    half; this equals the area under the ROC curve drawn through every threshold.

    Parameters
    ----------
    y_true : array_like of shape (n,)
        Labels, each 0 or 1; both must occur.
    y_score : array_like of shape (n,)
        Scores, higher meaning more likely positive (probabilities or decision values).

    Returns
    -------
    float
        The AUC, in ``[0, 1]``.

    Raises
    ------
    ValueError
        If the inputs are not 1-D, are empty or differ in length, if a label is not 0 or
        1, if only one class is present (the AUC is undefined), or if a score is not finite.

    See Also
    --------
    sklearn.metrics.roc_auc_score : the reference.

    Examples
    --------
    >>> roc_auc([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8])
    0.75
    >>> roc_auc([0, 1], [0.5, 0.5])
    0.5
    """
    # YOUR CODE HERE
    raise NotImplementedError()
