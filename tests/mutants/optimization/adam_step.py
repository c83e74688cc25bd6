"""Wrong versions of optimization/adam_step."""

import numpy as np

from mlkata.mutants import mutant


def _arrays(w, grad, m, v, t, lr, beta1, beta2, eps):
    arrays = [np.asarray(a, dtype=float) for a in (w, grad, m, v)]
    if any(a.shape != arrays[0].shape for a in arrays) or np.any(arrays[3] < 0):
        raise ValueError("bad arrays")
    if isinstance(t, bool) or not isinstance(t, int | np.integer) or t < 1:
        raise ValueError("bad t")
    if not 0 < lr < np.inf or not 0 <= beta1 < 1 or not 0 <= beta2 < 1 or not 0 < eps < np.inf:
        raise ValueError("bad keyword")
    return arrays


def _moments(g, m, v, beta1, beta2):
    return beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g**2


@mutant("adam_step", hint="the paper's first form")
def paper_form(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """m_hat / (sqrt(v_hat) + eps): eps is not scaled like sklearn's."""
    w, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    m_new, v_new = _moments(g, m, v, beta1, beta2)
    m_hat, v_hat = m_new / (1 - beta1**t), v_new / (1 - beta2**t)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new


@mutant("adam_step", hint="do not add 1 to t")
def counts_t_from_zero(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """sklearn's own loop adds 1 to t before the step; doing it again shifts every step."""
    w, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    t += 1
    m_new, v_new = _moments(g, m, v, beta1, beta2)
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m_new / (np.sqrt(v_new) + eps), m_new, v_new


@mutant("adam_step", hint="correct the bias")
def no_bias_correction(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    m_new, v_new = _moments(g, m, v, beta1, beta2)
    return w - lr * m_new / (np.sqrt(v_new) + eps), m_new, v_new


@mutant("adam_step", hint="take the square root")
def correction_without_the_root(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    m_new, v_new = _moments(g, m, v, beta1, beta2)
    lr_t = lr * (1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m_new / (np.sqrt(v_new) + eps), m_new, v_new


@mutant("adam_step", hint="updated moments")
def steps_with_the_old_moments(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return (w - lr_t * m / (np.sqrt(v) + eps), *_moments(g, m, v, beta1, beta2))


@mutant("adam_step", hint="beta1 is the decay of m")
def betas_swapped(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    m_new, v_new = _moments(g, m, v, beta2, beta1)
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m_new / (np.sqrt(v_new) + eps), m_new, v_new


@mutant("adam_step", hint="float array")
def result_in_the_dtype_of_w(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    _, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    m_new, v_new = _moments(g, m, v, beta1, beta2)
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    w_new = np.zeros_like(np.asarray(w))
    w_new[...] = np.asarray(w) - lr_t * m_new / (np.sqrt(v_new) + eps)
    return w_new, m_new, v_new


@mutant("adam_step", hint="wrote into an input array")
def moments_updated_in_place(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, _, _ = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    m, v = np.asarray(m, dtype=float), np.asarray(v, dtype=float)  # the caller's float64 arrays
    m *= beta1
    m += (1 - beta1) * g
    v *= beta2
    v += (1 - beta2) * g**2
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m / (np.sqrt(v) + eps), m, v


@mutant("adam_step", hint="eps you are given")
def eps_fixed(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    w, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    m_new, v_new = _moments(g, m, v, beta1, beta2)
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m_new / (np.sqrt(v_new) + 1e-8), m_new, v_new


@mutant("adam_step")
def accepts_t_zero(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """t = 0 divides by 1 - beta1**0 = 0; this one silently uses t = 1 instead."""
    w, g, m, v = _arrays(w, grad, m, v, max(int(t), 1), lr, beta1, beta2, eps)
    t = max(int(t), 1)
    m_new, v_new = _moments(g, m, v, beta1, beta2)
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return w - lr_t * m_new / (np.sqrt(v_new) + eps), m_new, v_new


@mutant("adam_step", hint="gives numpy scalars")
def numpy_scalars_for_a_number(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """Arithmetic on 0-d arrays gives np.float64 scalars: a number w gets no 0-d arrays back."""
    w, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    m_new, v_new = _moments(g, m, v, beta1, beta2)
    lr_t = lr * np.sqrt(1 - beta2**t) / (1 - beta1**t)
    return (w - lr_t * m_new / (np.sqrt(v_new) + eps))[()], m_new[()], v_new[()]


@mutant("adam_step", level=3)
def loop_over_parameters(w, grad, m, v, t, lr=0.001, beta1=0.9, beta2=0.999, eps=1e-8):
    """Correct, one parameter at a time in Python."""
    w, g, m, v = _arrays(w, grad, m, v, t, lr, beta1, beta2, eps)
    lr_t = lr * (1 - beta2**t) ** 0.5 / (1 - beta1**t)
    out_w, out_m, out_v = np.empty(w.shape), np.empty(w.shape), np.empty(w.shape)
    flat = zip(
        w.reshape(-1).tolist(),
        g.reshape(-1).tolist(),
        m.reshape(-1).tolist(),
        v.reshape(-1).tolist(),
        strict=True,
    )
    for i, (wi, gi, mi, vi) in enumerate(flat):
        mi = beta1 * mi + (1 - beta1) * gi
        vi = beta2 * vi + (1 - beta2) * gi * gi
        out_w.flat[i] = wi - lr_t * mi / (vi**0.5 + eps)
        out_m.flat[i], out_v.flat[i] = mi, vi
    return out_w, out_m, out_v
