"""One step of RMSprop: gradient descent scaled by a running root mean square of the gradient."""

import numpy as np


def rmsprop_step(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    r"""Update the parameters ``w`` and the running average ``sq_avg`` of squared gradients.

    .. math::

        s_{new} = \rho s + (1 - \rho) g^2, \qquad
        w_{new} = w - \eta \frac{g}{\sqrt{s_{new}} + \epsilon}

    elementwise, with :math:`\eta` = ``lr``, :math:`\rho` = ``rho`` and :math:`\epsilon`
    = ``eps``. Each coordinate's step is its gradient divided by the root mean square of its
    recent gradients, so coordinates with large gradients take smaller steps and flat ones
    larger steps: the step is about :math:`\eta` in size whatever the gradient's scale. The
    step uses the *updated* average :math:`s_{new}`, and :math:`\epsilon` is added outside
    the square root (as PyTorch's ``torch.optim.RMSprop``; Keras puts it inside). From
    ``sq_avg = 0`` the first step is :math:`\eta / \sqrt{1 - \rho}` times the gradient's sign.

    All arithmetic is in float64 (integer inputs are not truncated), and no input is
    modified: new arrays are returned.

    Parameters
    ----------
    w : array_like
        The parameters: a number or an array of any shape.
    grad : array_like
        The gradient at ``w``, of ``w``'s shape.
    sq_avg : array_like
        The running average of squared gradients from the previous step (zeros before the
        first), of ``w``'s shape, every entry ``>= 0``.
    lr : float, default=0.01
        The learning rate :math:`\eta`, positive.
    rho : float, default=0.9
        The decay of the average, in ``[0, 1)``: how much of the old average is kept.
    eps : float, default=1e-8
        Added to the root to keep the division finite, positive.

    Returns
    -------
    w_new : numpy.ndarray
        The updated parameters, float64, of ``w``'s shape (0-d for a number ``w``).
    sq_avg_new : numpy.ndarray
        The updated average :math:`s_{new}`, float64, of ``w``'s shape.

    Raises
    ------
    ValueError
        If an input is not numeric, if ``grad`` or ``sq_avg`` differs from ``w`` in shape, if
        ``sq_avg`` has a negative entry, if ``lr`` or ``eps`` is not positive and finite, or
        if ``rho`` is not in ``[0, 1)``.

    See Also
    --------
    torch.optim.RMSprop : the same update (``alpha`` is ``rho``), without momentum.

    Examples
    --------
    >>> rmsprop_step([1.0, 2.0], [2.0, -4.0], [4.0, 0.0], lr=0.5, rho=0.75)
    (array([0.5, 3. ]), array([4., 4.]))

    The first step from ``sq_avg = 0`` is ``lr / sqrt(1 - rho)`` = 0.0316 here:

    >>> rmsprop_step([0.5], [0.3], [0.0])
    (array([0.46837723]), array([0.009]))
    """
    ### BEGIN SOLUTION
    arrays = {"w": w, "grad": grad, "sq_avg": sq_avg}
    for name, value in arrays.items():
        value = np.asarray(value)
        if value.dtype.kind not in "biuf":
            raise ValueError(f"{name} must be numeric, got an array of dtype {value.dtype}")
        arrays[name] = value.astype(np.float64, copy=False)  # read only from here on
    w, grad, sq_avg = arrays.values()
    for name in ("grad", "sq_avg"):
        if arrays[name].shape != w.shape:
            raise ValueError(f"{name} has shape {arrays[name].shape}, w has shape {w.shape}")
    if sq_avg.size and sq_avg.min() < 0:
        raise ValueError("sq_avg is an average of squares: it cannot have a negative entry")
    if not 0 < lr < np.inf:
        raise ValueError(f"lr must be a positive finite number, got {lr!r}")
    if not 0 <= rho < 1:
        raise ValueError(f"rho must be in [0, 1), got {rho!r}")
    if not 0 < eps < np.inf:
        raise ValueError(f"eps must be a positive finite number, got {eps!r}")
    # Three new arrays in all, each reused: no input is written, and no temporary is left over.
    sq_avg_new = np.square(grad, out=np.empty(w.shape))
    sq_avg_new *= 1.0 - rho
    denominator = np.multiply(sq_avg, rho, out=np.empty(w.shape))
    sq_avg_new += denominator  # rho * sq_avg + (1 - rho) * grad**2
    np.sqrt(sq_avg_new, out=denominator)
    denominator += eps
    step = np.multiply(grad, lr, out=np.empty(w.shape))
    step /= denominator
    return np.subtract(w, step, out=step), sq_avg_new
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "First update the running average of grad**2, then step: how does dividing by the root of "
    "that average change a coordinate whose gradients are always large?",
    "sq_avg_new = rho * sq_avg + (1 - rho) * grad**2 (rho weighs the old average); the step "
    "divides by np.sqrt(sq_avg_new) + eps, with eps outside the root. Work on float copies.",
    "s = rho * np.asarray(sq_avg, float) + (1 - rho) * np.asarray(grad, float) ** 2; return "
    "w - lr * grad / (np.sqrt(s) + eps), s, after the ValueError checks.",
)
TALKING_POINTS = {
    "use": "Per-coordinate step sizes: each gradient is divided by the running root mean square of "
    "its recent values; suits non-stationary problems such as RNNs.",
    "assumes": "sq_avg starts at 0, with no bias correction; eps is added after the square root, as in "
    "torch.optim.RMSprop (which calls rho alpha, default 0.99).",
    "pitfalls": (
        "eps placement: PyTorch adds it after the square root and its docs note that TensorFlow "
        "adds it inside; they differ where sqrt(s) is near eps.",
        "Large first steps: from sq_avg = 0 the step is lr / sqrt(1 - rho), 3.16 lr at rho = 0.9 "
        "(Adam's bias correction removes this).",
        "Defaults differ: rho = 0.9 here, alpha = 0.99 in PyTorch, which averages over about 100 "
        "steps rather than 10.",
    ),
    "cost": "O(d) time, O(d) extra memory (sq_avg).",
    "follow_ups": (
        (
            "RMSprop vs AdaGrad?",
            "AdaGrad sums every past squared gradient, so its steps only shrink; RMSprop's "
            "exponential average forgets, so the steps stay usable.",
        ),
        (
            "What if the whole loss is scaled by 100?",
            "Nothing, up to eps: g and sqrt(s) both grow 100-fold, so the step is unchanged.",
        ),
        (
            "RMSprop vs Adam?",
            "Adam adds momentum (a running mean m of g) and corrects the bias of both averages.",
        ),
    ),
}
QUIZ = (
    {
        "question": "rmsprop_step(0.0, 5.0, 0.0, lr=0.01, rho=0.9)[0], the first step (to 6 decimals)?",
        "answer": -0.031623,
        "tolerance": 1e-06,
        "check": "rmsprop_step(0.0, 5.0, 0.0, lr=0.01, rho=0.9)[0]",
        "why": "s = 0.1 * 25 = 2.5, and 0.01 * 5 / sqrt(2.5) = 0.01 / sqrt(0.1).",
    },
    {
        "question": "Every gradient is multiplied by 100: each step becomes",
        "choices": ("The same (ignoring eps)", "100 times larger", "10 times larger", "100 times smaller"),
        "answer": 0,
        "why": "g / sqrt(mean of g^2) does not depend on the gradients' scale.",
    },
)
### END META
