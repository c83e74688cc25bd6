"""Multi-class cross-entropy from predicted probabilities."""

import numpy as np


def cross_entropy(y_true, probs, eps=1e-15):
    r"""Mean negative log-probability that ``probs`` gives each sample's true class.

    .. math:: \text{loss} = -\frac{1}{n}\sum_{i=1}^{n} \log p_{i, y_i}

    with every probability first clipped to ``[eps, 1 - eps]``.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Class labels in ``0 .. k-1``.
    probs : array_like of shape (n, k)
        Predicted class probabilities; each row sums to 1.
    eps : float, default=1e-15
        The clipping margin.

    Returns
    -------
    float
        The mean cross-entropy (natural log).

    Raises
    ------
    ValueError
        If ``y_true`` is not 1-D or ``probs`` not 2-D, if they disagree on ``n``, if the
        input is empty, if a label is not an integer in ``0 .. k-1``, or if a row is not
        a probability distribution (entries outside ``[0, 1]`` or a sum other than 1).

    See Also
    --------
    sklearn.metrics.log_loss : the reference, with ``labels=range(k)``.

    Examples
    --------
    >>> round(cross_entropy([0, 2], [[0.7, 0.2, 0.1], [0.1, 0.1, 0.8]]), 6)
    0.289909
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    probs = np.asarray(probs, dtype=np.float64)
    if y_true.ndim != 1 or probs.ndim != 2:
        raise ValueError(f"expected y_true (n,) and probs (n, k), got {y_true.shape}, {probs.shape}")
    if y_true.shape[0] != probs.shape[0]:
        raise ValueError(f"length mismatch: {y_true.shape[0]} labels, {probs.shape[0]} rows")
    if y_true.size == 0 or probs.shape[1] == 0:
        raise ValueError("empty input: the mean of no losses is undefined")
    k = probs.shape[1]
    if not np.all(np.mod(y_true, 1) == 0) or np.any(y_true < 0) or np.any(y_true >= k):
        raise ValueError(f"labels must be integers in 0..{k - 1}, got {np.unique(y_true)}")
    if not np.all((probs >= 0) & (probs <= 1)):
        raise ValueError("probabilities must lie in [0, 1]")
    if not np.allclose(probs.sum(axis=1), 1.0, atol=1e-6):
        raise ValueError("each row of probs must sum to 1")
    chosen = probs[np.arange(probs.shape[0]), y_true.astype(np.intp)]
    return float(-np.mean(np.log(np.clip(chosen, eps, 1 - eps))))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Only one entry of each row matters: the probability of the true class. How do you pick "
    "probs[i, y_true[i]] for every i at once?",
    "Fancy indexing: probs[np.arange(n), y_true]. Clip before the log, and divide by n.",
    "-np.mean(np.log(np.clip(probs[np.arange(n), y_true], eps, 1 - eps))), after the checks.",
)
TALKING_POINTS = {
    "use": (
        "Scoring predicted class probabilities against integer labels: the multinomial negative "
        "log-likelihood that softmax classifiers minimise."
    ),
    "assumes": "Each row of probs is a distribution over the k classes and each label an index in 0..k-1.",
    "pitfalls": (
        ("Zero probabilities: log(0) is -inf; clip to [eps, 1 - eps], or better, work from logits."),
        "Indexing: take probs[np.arange(n), y_true]; probs[:, y_true] is an n-by-n matrix.",
        (
            "Class imbalance: frequent classes dominate the mean; weight samples by inverse class "
            "frequency when the rare ones matter."
        ),
    ),
    "cost": "O(n k) time to check the rows, O(n) to pick the probabilities.",
    "follow_ups": (
        (
            "How does it relate to the binary log loss?",
            "With k = 2 and p = P(class 1) it is exactly the log loss.",
        ),
        (
            "Its gradient with respect to the logits, after a softmax?",
            "softmax(z) - onehot(y) for each sample, divided by n for the mean.",
        ),
        (
            "What does a uniform prediction score?",
            "ln k (2.30 for 10 classes): the baseline a model must beat.",
        ),
    ),
}
QUIZ = (
    {
        "question": "Cross-entropy of a uniform prediction over 4 classes, in nats?",
        "answer": 1.3863,
        "tolerance": 0.001,
        "check": "cross_entropy([0], [[0.25, 0.25, 0.25, 0.25]])",
        "why": "-ln(1/4) = ln 4.",
    },
    {
        "question": "Which expression picks each sample's probability of its true class?",
        "choices": (
            "probs[y_true]",
            "probs[:, y_true]",
            "probs[np.arange(n), y_true]",
            "probs.max(axis=1)",
        ),
        "answer": 2,
        "why": "Pairing row i with column y_true[i] needs both index arrays.",
    },
)
### END META
