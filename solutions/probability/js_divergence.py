"""Jensen-Shannon divergence between two discrete distributions."""

import numpy as np


def js_divergence(p, q):
    r"""Jensen-Shannon divergence of two discrete distributions, in nats.

    .. math::

        \mathrm{JS}(P, Q) = \tfrac{1}{2}\,\mathrm{KL}(P \,\|\, M) + \tfrac{1}{2}\,\mathrm{KL}(Q \,\|\, M),
        \qquad M = \tfrac{1}{2}(P + Q)

    Both inputs are normalised first (counts are fine), then compared with their average
    ``M``. Unlike the KL divergence it is symmetric and always finite: ``M`` is positive
    wherever ``P`` or ``Q`` is, so there is no ``ln(x / 0)``; a term with ``p_i = 0`` is 0
    (``0 ln 0 = 0``). It lies between 0 (equal distributions) and ``ln 2`` (disjoint
    supports). Its square root is a metric, the Jensen-Shannon *distance*; this function
    returns the divergence, the square of that distance.

    Parameters
    ----------
    p : array_like of shape (k,)
        Probabilities or non-negative weights (counts) of ``P``.
    q : array_like of shape (k,)
        Those of ``Q``, over the same ``k`` outcomes.

    Returns
    -------
    float
        ``JS(P, Q)``, in ``[0, ln 2]`` (natural log).

    Raises
    ------
    ValueError
        If an input is not 1-D or is empty, if ``p`` and ``q`` differ in length (a
        length-1 input is not broadcast), if an entry is negative, NaN or infinite, or if
        the entries of ``p`` or of ``q`` sum to 0 or overflow to inf (``[1e308, 1e308]``).

    See Also
    --------
    scipy.spatial.distance.jensenshannon : the reference is its square,
        ``jensenshannon(p, q) ** 2`` (it returns the distance).

    Examples
    --------
    >>> round(js_divergence([1, 0], [1, 1]), 6)  # M = [0.75, 0.25]
    0.215762
    >>> js_divergence([1, 0], [0, 1])  # disjoint supports: ln 2
    0.6931471805599453
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
    normalised = []
    for name, x in (("p", p), ("q", q)):
        low = x.min()  # nan propagates into min
        if np.isnan(low) or low < 0:
            raise ValueError(f"{name} must hold non-negative numbers, found {low}")
        total = x.sum()  # inf propagates into the sum
        if not np.isfinite(total):
            raise ValueError(f"{name} must hold finite numbers (its sum is {total})")
        if total == 0:
            raise ValueError(f"{name} sums to 0: it is not a distribution")
        normalised.append((x / total, low > 0))
    (p, p_positive), (q, q_positive) = normalised
    both = p + q  # 2 M
    # KL(P || M) = sum p ln(p / M) = sum p ln(2 p / (p + q)); since sum p = sum q = 1, the two
    # halves add up to ln 2 + (sum p ln(p / (p + q)) + sum q ln(q / (p + q))) / 2.
    halves = 0.0
    for x, positive in ((p, p_positive), (q, q_positive)):
        if positive:
            share = x / both
        else:  # ln 1 = 0: the terms with x = 0 stay 0 (0 ln 0 = 0), and no 0 / 0 where both = 0
            share = np.ones_like(x)
            np.divide(x, both, out=share, where=x > 0)
        halves += np.dot(x, np.log(share, out=share))
    return float(min(max(np.log(2.0) + halves / 2, 0.0), np.log(2.0)))  # rounding stays in [0, ln 2]
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "What is the mixture M of [1, 0] and [0, 1]? Could KL(P || M) ever divide by zero, and "
    "what should a term with p_i = 0 add?",
    "Normalise both inputs, M = (p + q) / 2, then average KL(P || M) and KL(Q || M), summing "
    "p_i ln(p_i / m_i) only where p_i > 0 (and q_i ln(q_i / m_i) where q_i > 0).",
    "p, q = p / p.sum(), q / q.sum(); m = (p + q) / 2; kl = lambda a: np.sum(a[a > 0] * "
    "np.log(a[a > 0] / m[a > 0])); return 0.5 * kl(p) + 0.5 * kl(q).",
)
TALKING_POINTS = {
    "use": (
        "A symmetric, bounded distance between distributions: feature drift between training and production "
        "histograms, topic mixtures, generated against real data."
    ),
    "assumes": "Two distributions over the same k outcomes (both normalised first).",
    "pitfalls": (
        (
            "Divergence or distance: scipy's jensenshannon returns the square root (the metric); square it "
            "for the divergence."
        ),
        "Base: natural logs give at most ln 2, base 2 at most 1; keep one convention.",
        "Zeros: the 0 ln 0 terms must count 0, not nan; skip the outcomes with p_i = 0.",
    ),
    "cost": "O(k) time and memory.",
    "follow_ups": (
        (
            "Why always finite, unlike KL?",
            "M = (P + Q) / 2 is positive wherever P or Q is, so there is no ln(x / 0).",
        ),
        (
            "Is it a metric?",
            (
                "Its square root is (symmetric, triangle inequality); the divergence itself breaks the "
                "triangle inequality."
            ),
        ),
        (
            "Where does it show up in deep learning?",
            (
                "The original GAN: with the optimal discriminator the generator minimises 2 JS(P_data, P_g) "
                "- ln 4."
            ),
        ),
    ),
}
QUIZ = (
    {
        "question": "js_divergence([1, 1, 0, 0], [0, 1, 1, 0]) (counts normalised first)?",
        "answer": 0.3466,
        "tolerance": 0.001,
        "check": "js_divergence([1, 1, 0, 0], [0, 1, 1, 0])",
        "why": "M = [1/4, 1/2, 1/4, 0]; each KL term is 0.5 ln 2, so JS = ln(2) / 2.",
    },
    {
        "question": "The largest JS divergence, in nats?",
        "choices": (
            "1",
            "ln 2",
            "infinity",
            "2",
        ),
        "answer": 1,
        "why": "Disjoint supports: each KL(. || M) is ln 2.",
    },
)
### END META
