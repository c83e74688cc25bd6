"""The bias-variance decomposition of the squared error."""

import numpy as np


def bias_variance_decomposition(predictions, y_true):
    r"""Split the expected squared error of a model into bias squared and variance.

    ``predictions[r, i]`` is the prediction for test point ``i`` of the model trained in
    round ``r`` (for example on the ``r``-th bootstrap sample of the training set). With
    :math:`\bar f_i = \frac{1}{R}\sum_r f_{r,i}` the main (average) prediction,

    .. math::

        \text{expected\_loss} = \frac{1}{N}\sum_i \frac{1}{R}\sum_r (f_{r,i} - y_i)^2

        \text{bias\_squared} = \frac{1}{N}\sum_i (\bar f_i - y_i)^2

        \text{variance} = \frac{1}{N}\sum_i \frac{1}{R}\sum_r (f_{r,i} - \bar f_i)^2

    and ``expected_loss == bias_squared + variance`` exactly (up to rounding). The
    variance divides by ``R``, not ``R - 1``: it is the spread of these ``R``
    predictions, and only then does the identity hold. Irreducible noise is not
    separated out: it is part of ``bias_squared`` here.

    Parameters
    ----------
    predictions : array_like of shape (n_rounds, n_points)
        One row of test-set predictions per training round.
    y_true : array_like of shape (n_points,)
        The true targets of the test points.

    Returns
    -------
    expected_loss : float
        Mean squared error over rounds and points.
    bias_squared : float
        Mean over points of the squared error of the main prediction.
    variance : float
        Mean over points of the variance of the predictions across rounds.

    Raises
    ------
    ValueError
        If ``predictions`` is not 2-D or ``y_true`` not 1-D, if they disagree on the
        number of points, or if there is no round or no point.

    See Also
    --------
    mlxtend.evaluate.bias_variance_decomp : the reference (``loss="mse"``), which trains
        the rounds itself.

    Examples
    --------
    >>> predictions = [[1.0, 2.0], [3.0, 2.0], [2.0, 5.0]]
    >>> bias_variance_decomposition(predictions, [2.0, 2.0])
    (1.8333333333333333, 0.5, 1.3333333333333333)
    """
    # YOUR CODE HERE
    raise NotImplementedError()
