"""One step of Adam: momentum and RMSprop together, with bias correction."""

import numbers

import numpy as np


def adam_step(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    r"""Update the parameters ``w`` and the moment estimates ``m`` and ``v`` by step ``t`` of Adam.

    .. math::

        m_{new} = \beta_1 m + (1 - \beta_1) g, \qquad
        v_{new} = \beta_2 v + (1 - \beta_2) g^2,

        \eta_t = \eta \, \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t}, \qquad
        w_{new} = w - \eta_t \, \frac{m_{new}}{\sqrt{v_{new}} + \epsilon}

    elementwise, with :math:`\eta` = ``lr``. ``m`` is a running mean of the gradients
    (momentum) and ``v`` of their squares (RMSprop's scale). Both start at 0, so early on they
    are biased towards 0 by the factors :math:`1 - \beta_1^t` and :math:`1 - \beta_2^t`; the
    step size :math:`\eta_t` undoes that. ``t`` is the number of this step, counting from 1:
    the first step has ``t = 1`` (``t = 0`` would divide by zero), and with ``m = v = 0`` it
    moves every coordinate by about ``lr`` against its gradient's sign.

    This is scikit-learn's form (``MLPClassifier(solver="adam")``), also the paper's
    "efficient version". The paper's first form, :math:`\hat m / (\sqrt{\hat v} + \epsilon)`
    with :math:`\hat m = m_{new} / (1 - \beta_1^t)` and :math:`\hat v = v_{new} / (1 -
    \beta_2^t)`, differs from it where :math:`\sqrt{v}` is near :math:`\epsilon`: use the
    form above.

    All arithmetic is in float64 (integer inputs are not truncated), and no input is
    modified: new arrays are returned.

    Parameters
    ----------
    w : array_like
        The parameters: a number or an array of any shape.
    grad : array_like
        The gradient at ``w``, of ``w``'s shape.
    m : array_like
        The first moment estimate from the previous step (zeros before the first), of
        ``w``'s shape.
    v : array_like
        The second moment estimate from the previous step (zeros before the first), of
        ``w``'s shape, every entry ``>= 0``.
    t : int
        The number of this step, ``>= 1``.
    lr : float, default=0.001
        The learning rate :math:`\eta`, positive.
    beta1, beta2 : float, default=0.9 and 0.999
        The decays of the two moment estimates, each in ``[0, 1)``.
    eps : float, default=1e-8
        Added to :math:`\sqrt{v_{new}}` to keep the division finite, positive.

    Returns
    -------
    w_new : numpy.ndarray
        The updated parameters, float64, of ``w``'s shape (0-d for a number ``w``).
    m_new, v_new : numpy.ndarray
        The updated moment estimates (not bias-corrected), float64, of ``w``'s shape.

    Raises
    ------
    ValueError
        If an array is not numeric, if ``grad``, ``m`` or ``v`` differs from ``w`` in shape,
        if ``v`` has a negative entry, if ``t`` is not an integer ``>= 1`` (a bool is not),
        if ``lr`` or ``eps`` is not positive and finite, or if ``beta1`` or ``beta2`` is not
        in ``[0, 1)``.

    See Also
    --------
    sklearn.neural_network._stochastic_optimizers.AdamOptimizer : the reference.

    Examples
    --------
    The first step moves each coordinate by about ``lr``:

    >>> w_new, m_new, v_new = adam_step([1.0, -1.0], [0.5, -2.0], [0.0, 0.0], [0.0, 0.0], t=1, lr=0.1)
    >>> w_new
    array([ 0.90000006, -0.90000002])
    >>> m_new, v_new
    (array([ 0.05, -0.2 ]), array([0.00025, 0.004  ]))
    """
    ### BEGIN SOLUTION
    arrays = {"w": w, "grad": grad, "m": m, "v": v}
    for name, value in arrays.items():
        value = np.asarray(value)
        if value.dtype.kind not in "biuf":
            raise ValueError(f"{name} must be numeric, got an array of dtype {value.dtype}")
        arrays[name] = value.astype(np.float64, copy=False)  # read only from here on
    w, grad, m, v = arrays.values()
    for name in ("grad", "m", "v"):
        if arrays[name].shape != w.shape:
            raise ValueError(f"{name} has shape {arrays[name].shape}, w has shape {w.shape}")
    if v.size and v.min() < 0:
        raise ValueError("v is an average of squares: it cannot have a negative entry")
    if isinstance(t, bool) or not isinstance(t, numbers.Integral) or t < 1:
        raise ValueError(f"t is the number of the step, an integer >= 1, got {t!r}")
    if not 0 < lr < np.inf:
        raise ValueError(f"lr must be a positive finite number, got {lr!r}")
    for name, beta in (("beta1", beta1), ("beta2", beta2)):
        if not 0 <= beta < 1:
            raise ValueError(f"{name} must be in [0, 1), got {beta!r}")
    if not 0 < eps < np.inf:
        raise ValueError(f"eps must be a positive finite number, got {eps!r}")
    t = int(t)
    lr_t = lr * np.sqrt(1.0 - beta2**t) / (1.0 - beta1**t)
    # Four new arrays in all, the scratch one reused: no input is written.
    scratch = np.multiply(grad, 1.0 - beta1, out=np.empty(w.shape))
    m_new = np.multiply(m, beta1, out=np.empty(w.shape))
    m_new += scratch  # beta1 * m + (1 - beta1) * grad
    np.square(grad, out=scratch)
    scratch *= 1.0 - beta2
    v_new = np.multiply(v, beta2, out=np.empty(w.shape))
    v_new += scratch  # beta2 * v + (1 - beta2) * grad**2
    np.sqrt(v_new, out=scratch)
    scratch += eps
    step = np.multiply(m_new, lr_t, out=np.empty(w.shape))
    step /= scratch
    return np.subtract(w, step, out=step), m_new, v_new
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Three updates: the running mean of the gradient, the running mean of its square, and the "
    "step that divides one by the root of the other. Why are both means too small at t = 1?",
    "m_new = beta1 * m + (1 - beta1) * grad and v_new = beta2 * v + (1 - beta2) * grad**2; the "
    "bias correction goes into the step size, lr_t = lr * sqrt(1 - beta2**t) / (1 - beta1**t), "
    "with t as given (the first step is t = 1).",
    "Return w - lr_t * m_new / (np.sqrt(v_new) + eps), m_new, v_new, all computed from float "
    "copies of the inputs, after checking shapes, v >= 0, t >= 1 and the keywords.",
)
TALKING_POINTS = {
    "use": "The default optimiser for deep networks: momentum (m) and a per-coordinate RMS scale "
    "(v), both bias-corrected.",
    "assumes": "t counts from 1, m = v = 0 before the first step; defaults lr = 0.001, betas (0.9, "
    "0.999), eps = 1e-8 (PyTorch's and scikit-learn's).",
    "pitfalls": (
        "t = 0 divides by zero in 1 - beta^t, and t must advance by one every step.",
        "eps placement: this form (scikit-learn's, the paper's efficient one) adds eps to "
        "sqrt(v); PyTorch uses m_hat / (sqrt(v_hat) + eps); they differ where sqrt(v) ~ eps.",
        "torch.optim.Adam's weight_decay adds lambda w to the gradient (L2, then rescaled by 1 / "
        "sqrt(v)); AdamW decays the weights directly, w -= lr lambda w.",
    ),
    "cost": "O(d) time, O(2d) extra memory: m and v, twice the parameter count.",
    "follow_ups": (
        (
            "Why does Adam need bias correction?",
            "m and v start at 0, so early on they underestimate the moments by 1 - beta^t; "
            "uncorrected, the first step would be about 3.16 lr.",
        ),
        (
            "How big is the first step?",
            "About lr per coordinate, against the gradient's sign: m_hat / sqrt(v_hat) = g / |g|.",
        ),
        (
            "Adam vs AdamW?",
            "AdamW decouples weight decay from the adaptive scaling, so every weight decays at "
            "the same rate; it is the usual choice for transformers.",
        ),
    ),
}
QUIZ = (
    {
        "question": "adam_step(1.0, 3.0, 0.0, 0.0, t=1, lr=0.01)[0]?",
        "answer": 0.99,
        "tolerance": 1e-06,
        "check": "adam_step(1.0, 3.0, 0.0, 0.0, t=1, lr=0.01)[0]",
        "why": "The first step moves lr against the gradient's sign, whatever its size.",
    },
    {
        "question": "adam_step(0.0, 2.0, 0.0, 0.0, t=1)[1], the new m?",
        "answer": 0.2,
        "tolerance": 1e-12,
        "check": "adam_step(0.0, 2.0, 0.0, 0.0, t=1)[1]",
        "why": "(1 - 0.9) * 2: m is stored without its bias correction.",
    },
    {
        "question": "With beta1 = 0.9, beta2 = 0.999 and no bias correction, the first step is about",
        "choices": ("0.1 lr", "lr", "3.16 lr", "10 lr"),
        "answer": 2,
        "why": "m = 0.1 g and sqrt(v) = sqrt(0.001) |g|: their ratio is 3.16.",
    },
)
### END META
