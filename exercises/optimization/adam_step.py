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
    # YOUR CODE HERE
    raise NotImplementedError()
