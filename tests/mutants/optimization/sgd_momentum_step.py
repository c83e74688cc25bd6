"""Wrong versions of optimization/sgd_momentum_step."""

import numpy as np

from mlkata.mutants import mutant


def _arrays(w, grad, velocity, lr, momentum):
    arrays = [np.asarray(a, dtype=float) for a in (w, grad, velocity)]
    if arrays[1].shape != arrays[0].shape or arrays[2].shape != arrays[0].shape:
        raise ValueError("shape mismatch")
    if not 0 < lr < np.inf or not 0 <= momentum < 1:
        raise ValueError("bad lr or momentum")
    return arrays


@mutant("sgd_momentum_step", hint="points against the gradient")
def velocity_along_the_gradient(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, g, v = _arrays(w, grad, velocity, lr, momentum)
    v_new = momentum * v + lr * g
    return (w + momentum * v_new + lr * g if nesterov else w + v_new), v_new


@mutant("sgd_momentum_step", hint="PyTorch's form")
def torch_velocity(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, g, v = _arrays(w, grad, velocity, lr, momentum)
    v_new = momentum * v + g
    return (w - lr * (g + momentum * v_new) if nesterov else w - lr * v_new), v_new


@mutant("sgd_momentum_step", hint="not velocity_new")
def ignores_nesterov(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, g, v = _arrays(w, grad, velocity, lr, momentum)
    v_new = momentum * v - lr * g
    return w + v_new, v_new


@mutant("sgd_momentum_step", hint="you left out the - lr * grad")
def nesterov_look_ahead_only(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, g, v = _arrays(w, grad, velocity, lr, momentum)
    v_new = momentum * v - lr * g
    return (w + momentum * v_new if nesterov else w + v_new), v_new


@mutant("sgd_momentum_step", hint="not the Nesterov step")
def returns_the_nesterov_step(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, g, v = _arrays(w, grad, velocity, lr, momentum)
    v_new = momentum * v - lr * g
    if nesterov:
        step = momentum * v_new - lr * g
        return w + step, step
    return w + v_new, v_new


@mutant("sgd_momentum_step", hint="w moves by the new velocity")
def steps_with_the_old_velocity(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, g, v = _arrays(w, grad, velocity, lr, momentum)
    v_new = momentum * v - lr * g
    return (w + momentum * v_new - lr * g if nesterov else w + v), v_new


@mutant("sgd_momentum_step", hint="truncates the update")
def result_in_the_dtype_of_w(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    """w_new = np.zeros_like(w) filled in: an integer w gets an integer w_new."""
    _, g, v = _arrays(w, grad, velocity, lr, momentum)
    v_new = momentum * v - lr * g
    w_new = np.zeros_like(np.asarray(w))
    w_new[...] = np.asarray(w) + (momentum * v_new - lr * g if nesterov else v_new)
    return w_new, v_new


@mutant("sgd_momentum_step", hint="wrote into an input array")
def velocity_updated_in_place(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    """np.asarray keeps a float64 velocity itself, and *= writes into the caller's array."""
    w, g, _ = _arrays(w, grad, velocity, lr, momentum)
    v = np.asarray(velocity, dtype=float)
    v *= momentum
    v -= lr * g
    return np.asarray(w + momentum * v - lr * g if nesterov else w + v), v  # 0-d for a number w


@mutant("sgd_momentum_step", hint="momentum you are given")
def momentum_fixed_at_point_nine(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, g, v = _arrays(w, grad, velocity, lr, momentum)
    v_new = 0.9 * v - lr * g
    return (w + 0.9 * v_new - lr * g if nesterov else w + v_new), v_new


@mutant("sgd_momentum_step")
def broadcasts_a_short_velocity(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, g, v = (np.asarray(a, dtype=float) for a in (w, grad, velocity))
    if not 0 < lr < np.inf or not 0 <= momentum < 1:
        raise ValueError("bad lr or momentum")
    v_new = momentum * v - lr * g
    return (w + momentum * v_new - lr * g if nesterov else w + v_new), v_new


@mutant("sgd_momentum_step")
def accepts_momentum_one(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    w, g, v = (np.asarray(a, dtype=float) for a in (w, grad, velocity))
    if g.shape != w.shape or v.shape != w.shape or not lr > 0:
        raise ValueError("bad input")
    v_new = momentum * v - lr * g
    return (w + momentum * v_new - lr * g if nesterov else w + v_new), v_new


@mutant("sgd_momentum_step", hint="gives numpy scalars")
def numpy_scalars_for_a_number(w, grad, velocity, lr=0.01, momentum=0.9, nesterov=False):
    """Arithmetic on 0-d arrays gives np.float64 scalars: a number w gets no 0-d arrays back."""
    w, g, v = _arrays(w, grad, velocity, lr, momentum)
    v_new = momentum * v - lr * g
    w_new = w + momentum * v_new - lr * g if nesterov else w + v_new
    return w_new[()], v_new[()]
