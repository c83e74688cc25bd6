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
    # YOUR CODE HERE
    raise NotImplementedError()
