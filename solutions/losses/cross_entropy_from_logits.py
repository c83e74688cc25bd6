"""Multi-class cross-entropy computed straight from logits, stably."""

import numpy as np


def cross_entropy_from_logits(y_true, logits):
    r"""Mean cross-entropy of softmax(logits) against integer labels, via log-sum-exp.

    .. math::

        \log \mathrm{softmax}(z)_j = z_j - m - \log \sum_c e^{z_c - m},
        \quad m = \max_c z_c
        \qquad
        \text{loss} = -\frac{1}{n}\sum_i \log \mathrm{softmax}(z_i)_{y_i}

    Subtracting the row maximum ``m`` changes nothing mathematically but keeps every
    ``exp`` at most 1, so logits of size 1e4 give a finite answer.

    Parameters
    ----------
    y_true : array_like of int, shape (n,)
        Class labels in ``0 .. k-1``.
    logits : array_like of shape (n, k)
        Unnormalised class scores.

    Returns
    -------
    float
        The mean cross-entropy (natural log).

    Raises
    ------
    ValueError
        If ``y_true`` is not 1-D or ``logits`` not 2-D, if they disagree on ``n``, if the
        input is empty, or if a label is not an integer in ``0 .. k-1``.

    See Also
    --------
    scipy.special.log_softmax : the reference for the log-probabilities.

    Examples
    --------
    >>> round(cross_entropy_from_logits([0, 1], [[2.0, 0.0], [1000.0, 1001.0]]), 6)
    0.220095
    """
    ### BEGIN SOLUTION
    y_true = np.asarray(y_true)
    logits = np.asarray(logits, dtype=np.float64)
    if y_true.ndim != 1 or logits.ndim != 2:
        raise ValueError(f"expected y_true (n,) and logits (n, k), got {y_true.shape}, {logits.shape}")
    if y_true.shape[0] != logits.shape[0]:
        raise ValueError(f"length mismatch: {y_true.shape[0]} labels, {logits.shape[0]} rows")
    if y_true.size == 0 or logits.shape[1] == 0:
        raise ValueError("empty input: the mean of no losses is undefined")
    k = logits.shape[1]
    if not np.all(np.mod(y_true, 1) == 0) or np.any(y_true < 0) or np.any(y_true >= k):
        raise ValueError(f"labels must be integers in 0..{k - 1}, got {np.unique(y_true)}")
    shifted = logits - logits.max(axis=1, keepdims=True)
    chosen = shifted[np.arange(logits.shape[0]), y_true.astype(np.intp)]
    log_norm = np.log(np.exp(shifted, out=shifted).sum(axis=1))  # shifted is no longer needed
    return float(np.mean(log_norm - chosen))
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "What does np.exp(1000.0) give? Softmax does not change if you subtract the same number "
    "from every logit of a row: which number makes every exp at most 1?",
    "Work in logs: log softmax(z)_j = z_j - logsumexp(z). Compute logsumexp with the row max "
    "subtracted, and never form the probabilities themselves.",
    "s = z - z.max(axis=1, keepdims=True); loss = mean(log(exp(s).sum(axis=1)) - s[i, y_i]).",
)
TALKING_POINTS = {
    "use": (
        "Training a softmax classifier safely: the loss straight from the logits, never forming "
        "probabilities that underflow to 0."
    ),
    "assumes": (
        "Logits are unnormalised log-probabilities (any reals, any shift per row); labels are integer "
        "indices."
    ),
    "pitfalls": (
        (
            "Overflow: exp(1000) is inf; subtract each row's max before exp (log-sum-exp), which changes "
            "nothing mathematically."
        ),
        (
            "Underflow: softmax then log gives log(0) = -inf for a very negative logit; stay in log "
            "space, z_y - logsumexp(z)."
        ),
        "Shift each row by its own max: a global max still underflows a row far below it.",
    ),
    "cost": "O(n k) time and memory for the shifted logits.",
    "follow_ups": (
        (
            "Why does subtracting the max change nothing?",
            "softmax(z - c) = softmax(z) for a constant c per row: the factor e^-c cancels.",
        ),
        (
            "Its gradient with respect to the logits?",
            "(softmax(z) - onehot(y)) / n: each entry within [-1, 1], so training stays stable.",
        ),
        (
            "Do frameworks do this for you?",
            (
                "Yes: PyTorch's CrossEntropyLoss takes logits and applies log-softmax itself; passing it "
                "probabilities applies softmax twice."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "cross_entropy_from_logits([0], [[1000.0, 1000.0]])?",
        "answer": 0.6931,
        "tolerance": 0.001,
        "check": "cross_entropy_from_logits([0], [[1000.0, 1000.0]])",
        "why": "Equal logits: softmax gives 1/2 each, so the loss is ln 2.",
    },
    {
        "question": "logsumexp([1000, 1000]) is?",
        "choices": ("inf", "1000", "1000 + ln 2", "2000"),
        "answer": 2,
        "why": "1000 + ln(e^0 + e^0) after shifting by the max.",
    },
)
### END META
