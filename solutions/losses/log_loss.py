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
TALKING_POINTS = {
    "use": "Scoring a binary classifier's probabilities (the loss logistic regression minimises): it "
    "rewards calibrated confidence, not just the right side of 0.5.",
    "assumes": "Labels are 0 or 1 and each prediction is P(y = 1); the mean is the negative "
    "log-likelihood of independent Bernoulli outcomes.",
    "pitfalls": (
        "Zero probabilities: log(0) is -inf, so clip p to [eps, 1 - eps]; one confident wrong answer costs "
        "-ln(1e-15) = 34.5 and can dominate the mean.",
        "Class imbalance: predicting the base rate already scores well; compare with the loss of the "
        "constant prior, not with 0.",
    ),
    "cost": "O(n) time; O(n) memory for the clipped copy (O(1) if streamed).",
    "follow_ups": (
        (
            "Why not accuracy?",
            "Accuracy ignores confidence (0.51 and 0.99 count the same); log loss is a proper "
            "scoring rule, minimised in expectation by the true probability.",
        ),
        (
            "What does scikit-learn clip to?",
            "[eps, 1 - eps] with eps the machine epsilon of the probabilities' dtype (about 2.2e-16 for "
            "float64) since version 1.2; before that, 1e-15.",
        ),
        (
            "Its gradient with respect to the logit z, with p = sigmoid(z)?",
            "p - y: so logistic regression's gradient is X^T(p - y)/n.",
        ),
    ),
}
QUIZ = (
    {
        "question": "log_loss([1], [0.5]), in nats?",
        "answer": 0.6931,
        "tolerance": 1e-3,
        "check": "log_loss([1], [0.5])",
        "why": "-ln(0.5) = ln 2: a coin flip costs one bit, 0.693 nats.",
    },
    {
        "question": "A positive predicted with p = 0, clipped at eps = 1e-15: its loss?",
        "answer": 34.54,
        "tolerance": 0.01,
        "check": "log_loss([1], [0.0])",
        "why": "-ln(1e-15) = 15 ln 10 = 34.54, finite thanks to the clipping.",
    },
    {
        "question": "A label is 1 with probability 0.3: which prediction minimises the expected log loss?",
        "choices": ("0", "0.3", "0.5", "1"),
        "answer": 1,
        "why": "Log loss is a proper scoring rule: the true probability minimises it.",
    },
)
### END META
