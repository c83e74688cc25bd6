"""The forward pass of a vanilla (Elman) recurrent network with tanh units, over one sequence."""

import numpy as np


def rnn_forward(X, h0, W_x, W_h, b):
    r"""Run a tanh RNN over a sequence: every hidden state, and the last one.

    .. math::

        h_t = \tanh\left(x_t W_x + h_{t-1} W_h + b\right), \qquad t = 1, \dots, T

    starting from the given initial state :math:`h_0`: the first step already uses
    ``h0``. Rows are vectors, so ``x_t`` (row ``t`` of ``X``, shape ``(d_in,)``) multiplies
    ``W_x`` of shape ``(d_in, d_hidden)`` from the left, and :math:`h_{t-1}` multiplies
    ``W_h`` of shape ``(d_hidden, d_hidden)`` from the left (``h @ W_h``, not
    ``W_h @ h``). Each step uses the *previous* state, and ``H`` holds the states after
    ``tanh``, not the pre-activations. The inputs are not modified.

    Parameters
    ----------
    X : array_like of shape (T, d_in)
        The sequence, one input vector per time step; ``T >= 1``.
    h0 : array_like of shape (d_hidden,)
        The hidden state before the first step.
    W_x : array_like of shape (d_in, d_hidden)
        Input-to-hidden weights.
    W_h : array_like of shape (d_hidden, d_hidden)
        Hidden-to-hidden weights.
    b : array_like of shape (d_hidden,)
        The bias.

    Returns
    -------
    H : numpy.ndarray of shape (T, d_hidden)
        ``H[t - 1]`` is :math:`h_t`: the states after steps 1 to T (``h0`` is not included).
    h_last : numpy.ndarray of shape (d_hidden,)
        :math:`h_T`, the state after the last step (equal to ``H[-1]``).

    Raises
    ------
    ValueError
        If ``X`` is not 2-D with at least one time step; if ``h0`` or ``b`` is not 1-D, or
        ``W_x`` or ``W_h`` not 2-D; if the shapes do not agree (``W_x`` must be
        ``(d_in, d_hidden)``, ``W_h`` square of side ``d_hidden = len(h0)``, ``b`` of length
        ``d_hidden``); or if an input is not numeric.

    See Also
    --------
    numpy.tanh : the activation.

    Examples
    --------
    >>> H, h_last = rnn_forward([[1.0], [2.0]], [0.0], [[1.0]], [[0.5]], [0.0])
    >>> H.round(4)  # tanh(1) = 0.7616, then tanh(2 + 0.5 * 0.7616) = tanh(2.3808)
    array([[0.7616],
           [0.983 ]])
    >>> h_last.round(4)
    array([0.983])
    """
    # YOUR CODE HERE
    raise NotImplementedError()
