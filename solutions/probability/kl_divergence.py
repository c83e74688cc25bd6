"""Kullback-Leibler divergence between two discrete distributions."""

import numpy as np


def kl_divergence(p, q):
    r"""Relative entropy ``KL(P || Q)`` of two discrete distributions, in nats.

    .. math::

        \mathrm{KL}(P \,\|\, Q) = \sum_i p_i \ln \frac{p_i}{q_i},
        \qquad p_i = \frac{P_i}{\sum_j P_j}, \quad q_i = \frac{Q_i}{\sum_j Q_j}

    Both inputs are normalised first, so counts or unnormalised weights may be passed. A
    term with ``p_i = 0`` is 0 (the limit of ``x ln x`` at 0, whatever ``q_i`` is); a term
    with ``q_i = 0 < p_i`` is infinite: ``P`` puts mass where ``Q`` says it is impossible,
    and the divergence is ``inf``. It is not symmetric: ``KL(P || Q) != KL(Q || P)`` in
    general, and it is 0 exactly when the two distributions are equal.

    Parameters
    ----------
    p : array_like of shape (k,)
        Probabilities or non-negative weights (counts) of ``P``; integers are fine.
    q : array_like of shape (k,)
        Those of ``Q``, over the same ``k`` outcomes.

    Returns
    -------
    float
        ``KL(P || Q) >= 0`` (natural log), or ``inf`` where some ``q_i = 0 < p_i``.

    Raises
    ------
    ValueError
        If an input is not 1-D or is empty, if ``p`` and ``q`` differ in length (a
        length-1 input is not broadcast), if an entry is negative, NaN or infinite, or if
        the entries of ``p`` or of ``q`` sum to 0 (there is no distribution to normalise)
        or overflow to inf (``[1e308, 1e308]``).

    See Also
    --------
    scipy.stats.entropy : the reference, ``entropy(p, q)``.

    Examples
    --------
    Counts are normalised first; ``[1, 1]`` is ``[0.5, 0.5]`` and ``[9, 1]`` is ``[0.9, 0.1]``:

    >>> round(kl_divergence([1, 1], [9, 1]), 6)  # 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1) = ln(5/3)
    0.510826
    >>> kl_divergence([1, 0], [0.5, 0.5])  # the p = 0 term is 0: ln(1 / 0.5)
    0.6931471805599453
    >>> kl_divergence([0.5, 0.5], [1.0, 0.0])  # q = 0 where p > 0
    inf
    """
    ### BEGIN SOLUTION
    p = np.asarray(p, dtype=np.float64)
    q = np.asarray(q, dtype=np.float64)
    if p.ndim != 1 or q.ndim != 1:
        raise ValueError(f"p and q must be 1-D, got shapes {p.shape} and {q.shape}")
    if p.shape != q.shape:
        raise ValueError(f"length mismatch: p has {p.size} entries, q has {q.size}")
    if p.size == 0:
        raise ValueError("empty input: a distribution needs at least one outcome")
    totals = []
    for name, x in (("p", p), ("q", q)):
        low = x.min()  # nan propagates into min
        if np.isnan(low) or low < 0:
            raise ValueError(f"{name} must hold non-negative numbers, found {low}")
        total = x.sum()  # inf propagates into the sum
        if not np.isfinite(total):
            raise ValueError(f"{name} must hold finite numbers (its sum is {total})")
        if total == 0:
            raise ValueError(f"{name} sums to 0: it is not a distribution")
        totals.append((total, low))
    (p_total, p_low), (q_total, _) = totals
    # With p = P / sum(P) and q = Q / sum(Q), sum p ln(p / q) is
    # sum(P ln(P / Q)) / sum(P) + ln(sum(Q) / sum(P)): no normalised copies to make.
    with np.errstate(divide="ignore"):  # P / 0 = inf where Q = 0 < P: the divergence is inf
        if p_low > 0:
            ratio = p / q
        else:  # ln 1 = 0: the terms with P = 0 stay 0 (0 ln 0 = 0), whatever Q is there
            ratio = np.ones_like(p)
            np.divide(p, q, out=ratio, where=p > 0)
    np.log(ratio, out=ratio)
    divergence = float(np.dot(p, ratio) / p_total + np.log(q_total / p_total))
    return max(divergence, 0.0)  # rounding must not take it below 0
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "What does q = [9, 1] mean as a distribution? And what is the limit of x ln x as x goes "
    "to 0: what should a term with p_i = 0 add?",
    "Divide each input by its sum, then add p_i * ln(p_i / q_i) over the outcomes with "
    "p_i > 0 only. Where q_i = 0 < p_i the answer is inf; no epsilon: it would change every "
    "answer on small probabilities.",
    "p = p / p.sum(); q = q / q.sum(); keep = p > 0; return float(np.sum(p[keep] * "
    "np.log(p[keep] / q[keep]))), after the ValueError checks.",
)
TALKING_POINTS = {
    "use": (
        "How badly Q approximates P (the extra nats per symbol of coding P with Q's code): VAE losses, trust "
        "regions in RL, distillation, drift."
    ),
    "assumes": (
        "Two distributions over the same outcomes, Q positive wherever P is; otherwise KL is infinite."
    ),
    "pitfalls": (
        (
            "Asymmetry: KL(P || Q) != KL(Q || P); fitting Q with the forward KL covers P's mass, with the "
            "reverse KL it seeks one mode."
        ),
        "Zeros: q_i = 0 < p_i gives inf, p_i = 0 terms give 0 (not nan); smooth Q if inf is not wanted.",
        "Units: ln gives nats, log2 bits; scipy.stats.entropy(p, q) normalises both and uses ln.",
    ),
    "cost": "O(k) time and memory.",
    "follow_ups": (
        (
            "Relation to cross-entropy?",
            "H(P, Q) = H(P) + KL(P || Q): with P fixed, minimising cross-entropy minimises KL.",
        ),
        (
            "Why is it >= 0?",
            "Gibbs' inequality (Jensen on the concave log), with equality only when P = Q.",
        ),
        (
            "KL between two 1-D Gaussians?",
            "ln(s2 / s1) + (s1^2 + (m1 - m2)^2) / (2 s2^2) - 1/2, for KL(N(m1, s1^2) || N(m2, s2^2)).",
        ),
    ),
}
QUIZ = (
    {
        "question": "kl_divergence([0.5, 0.5], [0.25, 0.75])?",
        "answer": 0.1438,
        "tolerance": 0.001,
        "check": "kl_divergence([0.5, 0.5], [0.25, 0.75])",
        "why": "0.5 ln 2 + 0.5 ln(2/3).",
    },
    {
        "question": "kl_divergence([0.5, 0.5], [1.0, 0.0])?",
        "choices": (
            "0",
            "ln 2",
            "inf",
            "nan",
        ),
        "answer": 2,
        "why": "Q gives 0 to an outcome P gives 0.5.",
    },
)
### END META
