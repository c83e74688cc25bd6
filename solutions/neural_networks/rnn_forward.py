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
    ### BEGIN SOLUTION
    try:
        X, h0, W_x, W_h, b = (np.asarray(a, dtype=np.float64) for a in (X, h0, W_x, W_h, b))
    except (TypeError, ValueError) as error:
        raise ValueError(f"the inputs must be arrays of real numbers: {error}") from None
    if X.ndim != 2 or X.shape[0] == 0:
        raise ValueError(f"X must be 2-D (T, d_in) with at least one time step, got shape {X.shape}")
    if h0.ndim != 1 or b.ndim != 1 or W_x.ndim != 2 or W_h.ndim != 2:
        raise ValueError(
            f"h0 and b must be 1-D, W_x and W_h 2-D; got {h0.shape}, {b.shape}, {W_x.shape}, {W_h.shape}"
        )
    d_in, d_hidden = X.shape[1], h0.shape[0]
    if W_x.shape != (d_in, d_hidden) or W_h.shape != (d_hidden, d_hidden) or b.shape != (d_hidden,):
        raise ValueError(
            f"for d_in = {d_in} and d_hidden = {d_hidden}, W_x must be {(d_in, d_hidden)}, W_h "
            f"{(d_hidden, d_hidden)} and b {(d_hidden,)}; got {W_x.shape}, {W_h.shape}, {b.shape}"
        )
    H = X @ W_x  # every step's input projection at once: only h @ W_h must wait for the last step
    H += b
    h = h0
    for t in range(H.shape[0]):
        step = H[t]
        step += h @ W_h
        h = np.tanh(step, out=step)
    return H, H[-1].copy()
    ### END SOLUTION


### BEGIN META
DIFFICULTY = 2
HINTS = (
    "Write out the first two steps: which state does h_1 use, and which does h_2? What are the "
    "shapes of x_t @ W_x and of h @ W_h?",
    "Keep the current state in a variable h, starting at h0; at each step t compute "
    "h = np.tanh(X[t] @ W_x + h @ W_h + b) and store it in row t of a float array H of shape "
    "(T, d_hidden). X @ W_x can be computed for all steps before the loop.",
    "H = np.empty((T, d_hidden)); h = h0; for t in range(T): h = np.tanh(X[t] @ W_x + h @ W_h + b); "
    "H[t] = h. Return H, h.",
)
TALKING_POINTS = {
    "use": "Sequence models with memory: the same weights at every step, and a hidden state that "
    "summarises the inputs so far.",
    "assumes": "h_t depends on x_t and h_{t-1} only; row vectors (h @ W_h), one bias. PyTorch's nn.RNN "
    "computes x W_ih^T + b_ih + h W_hh^T + b_hh (two biases).",
    "pitfalls": (
        "Using h_t instead of h_{t-1}, or skipping h0: the first step is already h_1 = tanh(x_1 "
        "W_x + h0 W_h + b).",
        "Vanishing and exploding gradients: backprop through time multiplies by W_h^T diag(1 - "
        "h_t^2) at every step; clip gradients, or use an LSTM or GRU.",
        "H holds the states after tanh (what the next step uses), not the pre-activations.",
    ),
    "cost": "O(T (d_in + d_h) d_h) time, sequential in T (no parallelism across steps); O(T d_h) "
    "memory for H.",
    "follow_ups": (
        (
            "Why do gradients vanish over long sequences?",
            "Each step multiplies by tanh' <= 1 and W_h^T: if W_h's largest singular value is "
            "below 1 the product shrinks geometrically.",
        ),
        (
            "How do LSTMs help?",
            "An additive, gated cell state c_t = f c_{t-1} + i g: with the forget gate near 1 the "
            "gradient flows back almost unchanged.",
        ),
        (
            "Why did transformers replace RNNs?",
            "Attention links any two positions in one step and processes all positions in "
            "parallel; an RNN needs T sequential steps.",
        ),
    ),
}
QUIZ = (
    {
        "question": "rnn_forward([[0.0]], [1.0], [[1.0]], [[2.0]], [0.0])[1][0] (to 4 decimals)?",
        "answer": 0.964,
        "tolerance": 0.0001,
        "check": "rnn_forward([[0.0]], [1.0], [[1.0]], [[2.0]], [0.0])[1][0]",
        "why": "h_1 = tanh(0 * 1 + 1 * 2 + 0) = tanh(2): the first step already uses h0.",
    },
    {
        "question": "What stops an RNN from computing its T steps in parallel?",
        "choices": (
            "Each h_t needs h_{t-1}",
            "tanh is slow",
            "The weights differ per step",
            "The input projection X @ W_x",
        ),
        "answer": 0,
        "why": "The input projections can be batched; the recurrence cannot.",
    },
)
### END META
