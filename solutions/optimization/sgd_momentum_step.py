"""One step of stochastic gradient descent with momentum (classical or Nesterov)."""

import numpy as np


def sgd_momentum_step(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    r"""Update the parameters ``w`` and their ``velocity`` by one step of SGD with momentum.

    .. math::

        v_{new} = \mu v - \eta g, \qquad
        w_{new} = \begin{cases}
            w + v_{new} & \text{classical momentum} \\
            w + \mu v_{new} - \eta g & \text{Nesterov}
        \end{cases}

    with :math:`\eta` = ``lr`` and :math:`\mu` = ``momentum``. The velocity is a running,
    decaying sum of past steps: along a direction where the gradient keeps its sign the
    steps add up (up to :math:`\eta / (1 - \mu)` times the gradient), and where it flips
    they cancel. Nesterov's variant takes the step from where the momentum is carrying the
    parameters (the look-ahead :math:`\mu v_{new}`), which damps overshooting. This is
    scikit-learn's form (``MLPClassifier(solver="sgd")``); PyTorch keeps ``lr`` out of the
    velocity (:math:`v = \mu v + g`, :math:`w - \eta v`), which is the same method with the
    velocity scaled by :math:`1 / \eta`.

    All arithmetic is in float64: integer ``w`` and ``velocity`` are fine and are not
    truncated. No input is modified; new arrays are returned.

    Parameters
    ----------
    w : array_like
        The parameters: a number or an array of any shape.
    grad : array_like
        The gradient of the loss at ``w``, of ``w``'s shape.
    velocity : array_like
        The velocity from the previous step (zeros before the first), of ``w``'s shape.
    lr : float, default=0.01
        The learning rate :math:`\eta`, positive.
    momentum : float, default=0.9
        The momentum :math:`\mu`, in ``[0, 1)``; 0 is plain gradient descent.
    nesterov : bool, default=False
        Use Nesterov's momentum.

    Returns
    -------
    w_new : numpy.ndarray
        The updated parameters, float64, of ``w``'s shape (0-d for a number ``w``).
    velocity_new : numpy.ndarray
        The updated velocity :math:`v_{new}` (also with ``nesterov=True``), float64, of
        ``w``'s shape.

    Raises
    ------
    ValueError
        If an input is not numeric, if ``grad`` or ``velocity`` differs from ``w`` in shape,
        if ``lr`` is not positive and finite, or if ``momentum`` is not in ``[0, 1)``.

    See Also
    --------
    sklearn.neural_network._stochastic_optimizers.SGDOptimizer : the reference.

    Examples
    --------
    >>> w_new, velocity_new = sgd_momentum_step([1.0, 2.0], [0.5, -1.0], [0.1, 0.0], lr=0.1)
    >>> w_new, velocity_new
    (array([1.04, 2.1 ]), array([0.04, 0.1 ]))
    >>> sgd_momentum_step([1.0, 2.0], [0.5, -1.0], [0.1, 0.0], lr=0.1, nesterov=True)[0]
    array([0.986, 2.19 ])
    """
    ### BEGIN SOLUTION
    arrays = {"w": w, "grad": grad, "velocity": velocity}
    for name, value in arrays.items():
        value = np.asarray(value)
        if value.dtype.kind not in "biuf":
            raise ValueError(f"{name} must be numeric, got an array of dtype {value.dtype}")
        arrays[name] = value.astype(np.float64, copy=False)  # read only from here on
    w, grad, velocity = arrays.values()
    for name in ("grad", "velocity"):
        if arrays[name].shape != w.shape:
            raise ValueError(f"{name} has shape {arrays[name].shape}, w has shape {w.shape}")
    if not 0 < lr < np.inf:
        raise ValueError(f"lr must be a positive finite number, got {lr!r}")
    if not 0 <= momentum < 1:
        raise ValueError(f"momentum must be in [0, 1), got {momentum!r}")
    # New arrays written in place (out=): no input is written, and no temporary is left over.
    step = np.multiply(grad, lr, out=np.empty(w.shape))
    velocity_new = np.multiply(velocity, momentum, out=np.empty(w.shape))
    velocity_new -= step  # momentum * velocity - lr * grad
    if nesterov:
        w_new = np.multiply(velocity_new, momentum, out=np.empty(w.shape))
        w_new -= step  # the look-ahead step momentum * velocity_new - lr * grad ...
        w_new += w  # ... added to w
        return w_new, velocity_new
    return np.add(w, velocity_new, out=step), velocity_new
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 1
HINTS = (
    "Two updates in order: first the velocity from the old velocity and the gradient, then the "
    "parameters from the new velocity. Which way does the velocity point, along the gradient or "
    "against it?",
    "velocity_new = momentum * velocity - lr * grad; classical: w + velocity_new; Nesterov: "
    "w + momentum * velocity_new - lr * grad. Convert the inputs with np.asarray(..., dtype=float) "
    "and build new arrays (no +=, *= on the inputs).",
    "v = momentum * np.asarray(velocity, float) - lr * np.asarray(grad, float); return "
    "(w + momentum * v - lr * grad if nesterov else w + v), v, after checking shapes, lr and momentum.",
)
TALKING_POINTS = {
    "use": "Training with minibatch gradients: momentum accumulates the directions that persist and "
    "damps the oscillations across narrow valleys.",
    "assumes": "A (stochastic) gradient at w; scikit-learn's form v = mu v - lr g, then w + v; lr and "
    "momentum (0.9 is usual) tuned together.",
    "pitfalls": (
        "Conventions: PyTorch keeps lr out of the velocity (b = mu b + g, w -= lr b): the same "
        "path while lr is constant, a different one once a schedule changes lr.",
        "Effective step: under a steady gradient the steps grow to lr / (1 - mu), 10 lr for mu = "
        "0.9; lower lr when adding momentum.",
        "Nesterov here (and in PyTorch) is the reformulated update with the gradient at w, not a "
        "second gradient taken at w + mu v.",
    ),
    "cost": "O(d) time, O(d) extra memory (the velocity).",
    "follow_ups": (
        (
            "Why does momentum help in ravines?",
            "Gradient components that flip sign cancel in the velocity while consistent ones add "
            "up: faster along the valley, less zig-zag across it.",
        ),
        (
            "The step for a constant gradient g, in the limit?",
            "The velocity converges to -lr g / (1 - mu).",
        ),
        (
            "Nesterov vs classical?",
            "Nesterov corrects after the momentum step, so it overshoots less; with full "
            "gradients and its momentum schedule it is optimal, O(1/t^2), on smooth convex "
            "problems.",
        ),
    ),
}
QUIZ = (
    {
        "question": "sgd_momentum_step(1.0, 2.0, 0.0, lr=0.1)[0], the first step from rest?",
        "answer": 0.8,
        "tolerance": 1e-12,
        "check": "sgd_momentum_step(1.0, 2.0, 0.0, lr=0.1)[0]",
        "why": "v = 0.9 * 0 - 0.1 * 2 = -0.2, and w + v = 0.8.",
    },
    {
        "question": "sgd_momentum_step(0.0, 1.0, 0.0, lr=0.1, nesterov=True)[0]?",
        "answer": -0.19,
        "tolerance": 1e-12,
        "check": "sgd_momentum_step(0.0, 1.0, 0.0, lr=0.1, nesterov=True)[0]",
        "why": "v = -0.1; Nesterov adds mu v - lr g = 0.9 * -0.1 - 0.1.",
    },
    {
        "question": "A constant gradient 1, lr = 0.1, momentum = 0.9: the size of the steps in the limit?",
        "choices": ("0.1", "0.19", "1.0", "They grow forever"),
        "answer": 2,
        "why": "lr / (1 - mu) = 0.1 / 0.1.",
    },
)
### END META
