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
    # YOUR CODE HERE
    raise NotImplementedError()
