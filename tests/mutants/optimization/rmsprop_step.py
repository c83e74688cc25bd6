"""Wrong versions of optimization/rmsprop_step."""

import numpy as np

from mlkata.mutants import mutant


def _arrays(w, grad, sq_avg, lr, rho, eps):
    arrays = [np.asarray(a, dtype=float) for a in (w, grad, sq_avg)]
    if arrays[1].shape != arrays[0].shape or arrays[2].shape != arrays[0].shape or np.any(arrays[2] < 0):
        raise ValueError("bad arrays")
    if not 0 < lr < np.inf or not 0 <= rho < 1 or not 0 < eps < np.inf:
        raise ValueError("bad keyword")
    return arrays


@mutant("rmsprop_step", hint="eps goes outside the root")
def eps_inside_the_root(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    """Keras's placement: np.sqrt(s + eps)."""
    w, g, s = _arrays(w, grad, sq_avg, lr, rho, eps)
    s_new = rho * s + (1 - rho) * g**2
    return w - lr * g / np.sqrt(s_new + eps), s_new


@mutant("rmsprop_step", hint="divide by the updated average")
def steps_with_the_old_average(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    w, g, s = _arrays(w, grad, sq_avg, lr, rho, eps)
    w_new = w - lr * g / (np.sqrt(s) + eps)
    return w_new, rho * s + (1 - rho) * g**2


@mutant("rmsprop_step", hint="rho weighs the old average")
def rho_on_the_new_gradient(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    w, g, s = _arrays(w, grad, sq_avg, lr, rho, eps)
    s_new = (1 - rho) * s + rho * g**2
    return w - lr * g / (np.sqrt(s_new) + eps), s_new


@mutant("rmsprop_step", hint="root of the average")
def divides_by_the_average(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    w, g, s = _arrays(w, grad, sq_avg, lr, rho, eps)
    s_new = rho * s + (1 - rho) * g**2
    return w - lr * g / (s_new + eps), s_new


@mutant("rmsprop_step", hint="eps you are given")
def eps_fixed(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    w, g, s = _arrays(w, grad, sq_avg, lr, rho, eps)
    s_new = rho * s + (1 - rho) * g**2
    return w - lr * g / (np.sqrt(s_new) + 1e-8), s_new


@mutant("rmsprop_step", hint="wrote into an input array")
def average_updated_in_place(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    w, g, _ = _arrays(w, grad, sq_avg, lr, rho, eps)
    s = np.asarray(sq_avg, dtype=float)  # the caller's own array when it is float64
    s *= rho
    s += (1 - rho) * g**2
    return w - lr * g / (np.sqrt(s) + eps), s


@mutant("rmsprop_step", hint="float array")
def result_in_the_dtype_of_w(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    _, g, s = _arrays(w, grad, sq_avg, lr, rho, eps)
    s_new = rho * s + (1 - rho) * g**2
    w_new = np.array(w, copy=True)
    w_new[...] = w_new - lr * g / (np.sqrt(s_new) + eps)
    return w_new, s_new


@mutant("rmsprop_step", hint="squared gradients")
def averages_absolute_gradients(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    w, g, s = _arrays(w, grad, sq_avg, lr, rho, eps)
    s_new = rho * s + (1 - rho) * np.abs(g)
    return w - lr * g / (np.sqrt(s_new) + eps), s_new


@mutant("rmsprop_step")
def accepts_a_negative_average(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    w, g, s = (np.asarray(a, dtype=float) for a in (w, grad, sq_avg))
    if g.shape != w.shape or s.shape != w.shape or not 0 < lr < np.inf or not 0 <= rho < 1 or not eps > 0:
        raise ValueError("bad input")
    s_new = rho * s + (1 - rho) * g**2
    return w - lr * g / (np.sqrt(np.abs(s_new)) + eps), s_new


@mutant("rmsprop_step")
def accepts_eps_zero(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    w, g, s = (np.asarray(a, dtype=float) for a in (w, grad, sq_avg))
    if g.shape != w.shape or s.shape != w.shape or np.any(s < 0) or not lr > 0 or not 0 <= rho < 1:
        raise ValueError("bad input")
    s_new = rho * s + (1 - rho) * g**2
    with np.errstate(all="ignore"):
        return w - np.nan_to_num(lr * g / (np.sqrt(s_new) + eps)), s_new


@mutant("rmsprop_step", hint="gives numpy scalars")
def numpy_scalars_for_a_number(w, grad, sq_avg, lr=0.01, rho=0.9, eps=1e-8):
    """Arithmetic on 0-d arrays gives np.float64 scalars: a number w gets no 0-d arrays back."""
    w, g, s = _arrays(w, grad, sq_avg, lr, rho, eps)
    s_new = rho * s + (1 - rho) * g**2
    return (w - lr * g / (np.sqrt(s_new) + eps))[()], s_new[()]
