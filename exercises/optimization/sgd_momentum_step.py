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
    # YOUR CODE HERE
    raise NotImplementedError()
