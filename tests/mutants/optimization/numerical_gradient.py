"""Wrong versions of optimization/numerical_gradient."""

import numpy as np

from mlkata.mutants import mutant


def _checked(x, eps):
    point = np.asarray(x)
    if (
        point.dtype.kind not in "biuf"
        or point.size == 0
        or not (isinstance(eps, float | int) and 0 < eps < np.inf)
    ):
        raise ValueError("bad input")
    return point


@mutant("numerical_gradient", hint="forward difference")
def forward_difference(f, x, eps=1e-6):
    point = np.array(_checked(x, eps), dtype=float)
    flat = point.reshape(-1)
    base = f(point)
    out = np.empty(flat.size)
    for i in range(flat.size):
        flat[i] += eps
        out[i] = (f(point) - base) / eps
        flat[i] -= eps
    return out.reshape(point.shape)


@mutant("numerical_gradient", hint="2 * eps apart")
def divides_by_eps(f, x, eps=1e-6):
    point = np.array(_checked(x, eps), dtype=float)
    out = np.empty(point.size)
    for i in range(point.size):
        step = np.zeros(point.size)
        step[i] = eps
        step = step.reshape(point.shape)
        out[i] = (f(point + step) - f(point - step)) / eps
    return out.reshape(point.shape)


@mutant("numerical_gradient", hint="truncated back to x_i")
def integer_copy(f, x, eps=1e-6):
    """np.array(x) keeps an integer dtype: x_i + eps is truncated."""
    point = np.array(_checked(x, eps))
    out = np.empty(point.size)
    for i in range(point.size):
        up, down = point.copy(), point.copy()
        up.reshape(-1)[i] += eps if up.dtype.kind == "f" else 0
        down.reshape(-1)[i] -= eps if down.dtype.kind == "f" else 0
        out[i] = (f(up) - f(down)) / (2 * eps)
    return out.reshape(point.shape)


@mutant("numerical_gradient", hint="not flattened")
def flat_result(f, x, eps=1e-6):
    point = np.array(_checked(x, eps), dtype=float)
    flat = point.reshape(-1)
    out = []
    for i in range(flat.size):
        flat[i] += eps
        up = f(point)
        flat[i] -= 2 * eps
        down = f(point)
        flat[i] += eps
        out.append((up - down) / (2 * eps))
    return np.array(out)


@mutant("numerical_gradient", hint="at eps = 1e-6")
def ignores_eps(f, x, eps=1e-6):
    point = np.array(_checked(x, eps), dtype=float)
    out = np.empty(point.size)
    for i in range(point.size):
        up, down = point.copy(), point.copy()
        up.reshape(-1)[i] += 1e-6
        down.reshape(-1)[i] -= 1e-6
        out[i] = (f(up) - f(down)) / 2e-6
    return out.reshape(point.shape)


@mutant("numerical_gradient", hint="put each coordinate back")
def never_restores(f, x, eps=1e-6):
    point = np.array(_checked(x, eps), dtype=float)
    flat = point.reshape(-1)
    out = np.empty(flat.size)
    for i in range(flat.size):
        flat[i] += eps
        up = f(point)
        flat[i] -= 2 * eps
        out[i] = (up - f(point)) / (2 * eps)
    return out.reshape(point.shape)


@mutant("numerical_gradient", hint="float64")
def keeps_float32(f, x, eps=1e-6):
    point = np.array(_checked(x, eps))
    if point.dtype.kind != "f":
        point = point.astype(float)
    out = np.empty(point.size)
    for i in range(point.size):
        up, down = point.copy(), point.copy()
        up.reshape(-1)[i] += eps
        down.reshape(-1)[i] -= eps
        out[i] = (f(up) - f(down)) / (2 * eps)
    return out.reshape(point.shape)


@mutant("numerical_gradient", hint="read-only")
def perturbs_the_callers_x(f, x, eps=1e-6):
    """Moves the entries of x itself (and puts them back): a read-only x raises."""
    point = _checked(x, eps)
    if point.dtype != np.float64:
        point = point.astype(float)
    flat = point.reshape(-1)
    out = np.empty(flat.size)
    for i in range(flat.size):
        value = flat[i]
        flat[i] = value + eps
        up = f(point)
        flat[i] = value - eps
        down = f(point)
        flat[i] = value
        out[i] = (up - down) / (2 * eps)
    return out.reshape(point.shape)


@mutant("numerical_gradient")
def accepts_empty_x(f, x, eps=1e-6):
    point = np.array(x, dtype=float)
    if not eps > 0:
        raise ValueError("eps")
    out = np.empty(point.size)
    for i in range(point.size):
        up, down = point.copy(), point.copy()
        up.reshape(-1)[i] += eps
        down.reshape(-1)[i] -= eps
        out[i] = (f(up) - f(down)) / (2 * eps)
    return out.reshape(point.shape)


@mutant("numerical_gradient", hint="one coordinate at a time")
def all_coordinates_at_once(f, x, eps=1e-6):
    point = np.array(_checked(x, eps), dtype=float)
    return np.full(point.shape, (f(point + eps) - f(point - eps)) / (2 * eps))


@mutant("numerical_gradient", hint="arrays of x's own shape")
def calls_f_on_the_flat_array(f, x, eps=1e-6):
    point = np.array(_checked(x, eps), dtype=float).reshape(-1)
    out = np.empty(point.size)
    for i in range(point.size):
        up, down = point.copy(), point.copy()
        up[i] += eps
        down[i] -= eps
        out[i] = (f(up) - f(down)) / (2 * eps)
    return out.reshape(np.shape(x))


@mutant("numerical_gradient", hint="gives numpy scalars")
def numpy_scalar_for_a_number(f, x, eps=1e-6):
    """gradient.reshape(())[()]: a number x gets an np.float64 back, not the documented 0-d array."""
    point = np.array(_checked(x, eps), dtype=float)
    flat = point.reshape(-1)
    out = np.empty(flat.size)
    for i, value in enumerate(flat.tolist()):
        flat[i] = value + eps
        above = f(point)
        flat[i] = value - eps
        below = f(point)
        flat[i] = value
        out[i] = (float(above) - float(below)) / (2 * eps)
    return out.reshape(point.shape)[()]
