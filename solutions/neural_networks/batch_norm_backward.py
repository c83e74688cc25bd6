"""Backpropagation through batch normalisation (training mode)."""

import numpy as np


def batch_norm_backward(dout, cache):
    r"""Gradients of a loss through ``batch_norm_forward``, from the upstream gradient ``dout``.

    With :math:`\hat X`, :math:`\gamma` and :math:`1/\sqrt{\sigma^2 + \varepsilon}` from
    the forward pass and :math:`G = \partial\mathcal{L}/\partial\,\mathrm{out}` (``dout``):

    .. math::

        \frac{\partial\mathcal{L}}{\partial\beta_j} = \sum_i G_{ij}, \qquad
        \frac{\partial\mathcal{L}}{\partial\gamma_j} = \sum_i G_{ij}\hat X_{ij},

        \frac{\partial\mathcal{L}}{\partial X_{ij}} = \frac{\gamma_j}{N\sqrt{\sigma_j^2 + \varepsilon}}
            \Big(N G_{ij} - \sum_k G_{kj} - \hat X_{ij} \sum_k G_{kj}\hat X_{kj}\Big)

    The batch mean and variance depend on every sample, so ``dX`` is not just
    ``dout * gamma / sqrt(var + eps)``: the two sums are their share. The inputs are not
    modified.

    Parameters
    ----------
    dout : array_like of shape (N, D)
        The gradient of the loss with respect to the forward pass's ``out``.
    cache : object
        The second value ``batch_norm_forward`` returned for this batch, as it returned it
        (here ``(x_hat, gamma, inv_std)``).

    Returns
    -------
    dX : numpy.ndarray of shape (N, D)
        The gradient with respect to ``X``.
    dgamma : numpy.ndarray of shape (D,)
        The gradient with respect to ``gamma``.
    dbeta : numpy.ndarray of shape (D,)
        The gradient with respect to ``beta``.

    Raises
    ------
    ValueError
        If ``dout`` is not numeric or its shape is not the shape (N, D) of the batch the
        cache was made from.

    See Also
    --------
    batch_norm_forward : makes the cache.

    Examples
    --------
    >>> X = np.array([[0.0], [1.0], [5.0]])
    >>> inv_std = 1 / np.sqrt(X.var(axis=0) + 1e-5)
    >>> cache = ((X - X.mean(axis=0)) * inv_std, np.array([2.0]), inv_std)  # as the forward pass makes it
    >>> dX, dgamma, dbeta = batch_norm_backward([[1.0], [0.0], [0.0]], cache)
    >>> dX.round(4)
    array([[ 0.3527],
           [-0.4409],
           [ 0.0882]])
    >>> dgamma.round(4), dbeta
    (array([-0.9258]), array([1.]))
    """
    ### BEGIN SOLUTION
    x_hat, gamma, inv_std = cache
    try:
        dout = np.asarray(dout, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"dout must be an array of real numbers: {error}") from None
    if dout.shape != x_hat.shape:
        raise ValueError(f"dout must have the shape of the batch, {x_hat.shape}; got {dout.shape}")
    n = dout.shape[0]
    dbeta = dout.sum(axis=0)
    dgamma = np.einsum("ij,ij->j", dout, x_hat)
    dX = dout * n
    dX -= dbeta
    dX -= x_hat * dgamma
    dX *= gamma * inv_std / n
    return dX, dgamma, dbeta
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 3
HINTS = (
    "dbeta and dgamma are sums over the batch (one entry per feature). For dX: out depends on "
    "X[i, j] directly, but also through the batch mean and the batch variance, which every "
    "sample of column j changes. Check your answer with finite differences.",
    "Go back through the forward pass step by step: dx_hat = dout * gamma; "
    "dvar = sum(dx_hat * (X - mu)) * -0.5 * (var + eps)**-1.5; "
    "dmu = -sum(dx_hat) / sqrt(var + eps) (the dvar part of dmu is 0); "
    "dX = dx_hat / sqrt(var + eps) + dvar * 2 (X - mu) / N + dmu / N.",
    "Simplified: dX = gamma * inv_std / N * (N * dout - dout.sum(axis=0) - x_hat * (dout * "
    "x_hat).sum(axis=0)).",
)
TALKING_POINTS = {
    "use": "Backpropagation through a training-mode batch norm layer: the gradients of X, gamma and "
    "beta from the upstream gradient.",
    "assumes": "The forward pass used the batch's own mean and variance, and its cache (x_hat, gamma, 1 "
    "/ sqrt(var + eps)) comes back unchanged.",
    "pitfalls": (
        "dX = dout * gamma / sqrt(var + eps) forgets that mu and var depend on every sample: that "
        "is the eval-mode gradient, with fixed statistics.",
        "dgamma and dbeta sum over the batch (axis 0, one entry per feature), not over the features.",
        "Verify against finite differences in float64; with N = 1, x_hat = 0 and dX = 0.",
    ),
    "cost": "O(N D) time, O(N D) memory (x_hat kept from the forward pass).",
    "follow_ups": (
        (
            "The sum over the batch of dX, per feature?",
            "Exactly 0: adding a constant to a whole feature column changes nothing after "
            "centring, so the gradient has no component along it.",
        ),
        (
            "dgamma and dbeta?",
            "dbeta_j = sum_i dout_ij and dgamma_j = sum_i dout_ij x_hat_ij.",
        ),
        (
            "How does a framework get this without the formula?",
            "Autograd chains the gradients of mean, var, sqrt and divide; the closed form is the "
            "same result with fewer temporaries.",
        ),
    ),
}
QUIZ = (
    {
        "question": "X = (-1, 0, 1) in one feature, gamma = 1, dout = (1, 2, 3): dbeta?",
        "answer": 6.0,
        "tolerance": 1e-09,
        "check": "batch_norm_backward([[1.0], [2.0], [3.0]], (np.array([[-1.0], [0.0], [1.0]]) / "
        "np.sqrt(2 / 3), np.array([1.0]), np.array([1 / np.sqrt(2 / 3)])))[2][0]",
        "why": "dbeta is the sum of dout over the batch: 1 + 2 + 3.",
    },
    {
        "question": "The same batch: dgamma (to 4 decimals)?",
        "answer": 2.4495,
        "tolerance": 0.0001,
        "check": "batch_norm_backward([[1.0], [2.0], [3.0]], (np.array([[-1.0], [0.0], [1.0]]) / "
        "np.sqrt(2 / 3), np.array([1.0]), np.array([1 / np.sqrt(2 / 3)])))[1][0]",
        "why": "x_hat = (-1, 0, 1) / sqrt(2/3); sum dout * x_hat = 2 / sqrt(2/3) = 2.4495.",
    },
    {
        "question": "For each feature, the sum over the batch of dX is",
        "choices": ("0", "The sum of dout", "N times gamma", "It depends on eps"),
        "answer": 0,
        "why": "The output does not change when a whole column is shifted (mean-centring).",
    },
)
### END META
