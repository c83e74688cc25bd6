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
    ### BEGIN SOLUTION
    predictions = np.asarray(predictions, dtype=np.float64)
    y_true = np.asarray(y_true, dtype=np.float64)
    if predictions.ndim != 2:
        raise ValueError(f"predictions must be 2-D (n_rounds, n_points), got shape {predictions.shape}")
    if y_true.ndim != 1:
        raise ValueError(f"y_true must be 1-D (n_points,), got shape {y_true.shape}")
    if predictions.shape[1] != y_true.shape[0]:
        raise ValueError(f"predictions cover {predictions.shape[1]} points but y_true has {y_true.shape[0]}")
    if predictions.size == 0:
        raise ValueError(f"empty input: predictions has shape {predictions.shape}")
    main = predictions.mean(axis=0)
    expected_loss = np.mean((predictions - y_true) ** 2)
    bias_squared = np.mean((main - y_true) ** 2)
    variance = np.mean((predictions - main) ** 2)
    return float(expected_loss), float(bias_squared), float(variance)
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Which axis of predictions runs over the training rounds? The main prediction of a point "
    "is its average over those rounds.",
    "bias_squared compares the main prediction with y_true; variance compares each round's "
    "prediction with the main prediction (divide by n_rounds, not n_rounds - 1). Both are then "
    "averaged over the points.",
    "main = P.mean(axis=0); return mean((P - y)**2), mean((main - y)**2), mean((P - main)**2)",
)
TALKING_POINTS = {
    "use": "Diagnosing under- vs overfitting: retrain a model on resampled training sets and split "
    "its test error into bias squared and variance.",
    "assumes": "Squared error; each round's training set drawn alike (bootstrap samples, as mlxtend's "
    "bias_variance_decomp draws); the noise is counted in the bias.",
    "pitfalls": (
        "A variance with ddof=1 breaks the exact identity loss = bias^2 + variance; divide by the "
        "number of rounds R.",
        "Noise: against noisy y_true, bias_squared includes the irreducible error; separating it "
        "needs the noise-free target.",
        "0-1 loss is not additive: mlxtend's default loss='0-1_loss' uses the majority vote, and "
        "its parts need not sum to the loss.",
    ),
    "cost": "O(R N) time and memory for the predictions; training the R models dominates in practice.",
    "follow_ups": (
        (
            "How do bagging and boosting move the two?",
            "Bagging averages models, mainly cutting variance; boosting fits the remaining errors "
            "in sequence, mainly cutting bias.",
        ),
        (
            "What does more training data change?",
            "The variance falls; the bias of the model class stays.",
        ),
        (
            "A stronger regulariser, or a larger k in kNN?",
            "More bias, less variance.",
        ),
    ),
}
QUIZ = (
    {
        "question": "bias_variance_decomposition([[1.0], [3.0]], [2.0])[2], the variance?",
        "answer": 1.0,
        "tolerance": 1e-12,
        "check": "bias_variance_decomposition([[1.0], [3.0]], [2.0])[2]",
        "why": "The main prediction is 2; the rounds are 1 away from it: (1 + 1) / 2.",
    },
    {
        "question": "bias_variance_decomposition([[3.0], [3.0]], [2.0])[1], the bias squared?",
        "answer": 1.0,
        "tolerance": 1e-12,
        "check": "bias_variance_decomposition([[3.0], [3.0]], [2.0])[1]",
        "why": "Both rounds predict 3 (no variance): (3 - 2)^2.",
    },
    {
        "question": "Bagging mainly reduces",
        "choices": ("The variance", "The bias", "The noise", "The training time"),
        "answer": 0,
        "why": "Averaging models trained on bootstrap samples smooths out their fluctuations.",
    },
)
### END META
