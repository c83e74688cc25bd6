"""Benchmark cases of the optimization exercises."""

from __future__ import annotations

import math

import numpy as np

from . import Trial, case, fmt

# --- optimization ----------------------------------------------------------------------


@case(
    "optimization/numerical_gradient",
    "scipy.optimize._numdiff.approx_derivative(f, x, method='3-point', abs_step=1e-6)",
    note="f = sum(sin(x)) of sqrt(n) coordinates: 2 sqrt(n) calls of f (n = 1e6: 1000 coordinates); "
    "scipy's central differences, the same 2 calls per coordinate",
)
def _numerical_gradient(m, n, rng):
    from scipy.optimize._numdiff import approx_derivative

    x = rng.normal(size=max(math.isqrt(n), 2))

    def f(z):
        return float(np.sum(np.sin(z)))

    return Trial(
        fmt(x.size),
        lambda: m.numerical_gradient(f, x),
        lambda: approx_derivative(f, x, method="3-point", abs_step=1e-6),
    )


def _state(rng, n):
    return rng.normal(size=n), rng.normal(size=n), 0.1 * rng.normal(size=n), rng.uniform(0, 1, size=n)


@case("optimization/sgd_momentum_step", "sklearn SGDOptimizer._get_updates, one step from the velocity")
def _sgd_momentum(m, n, rng):
    from sklearn.neural_network._stochastic_optimizers import SGDOptimizer

    w, grad, velocity, _ = _state(rng, n)
    optimizer = SGDOptimizer([w], learning_rate_init=0.01, momentum=0.9, nesterov=False)

    def reference():
        optimizer.velocities = [velocity]
        (update,) = optimizer._get_updates([grad])
        return w + update, optimizer.velocities[0]

    return Trial(fmt(n), lambda: m.sgd_momentum_step(w, grad, velocity), reference)


@case(
    "optimization/sgd_momentum_step",
    "sklearn SGDOptimizer(nesterov=True)._get_updates, one step",
    variant="nesterov",
)
def _sgd_nesterov(m, n, rng):
    from sklearn.neural_network._stochastic_optimizers import SGDOptimizer

    w, grad, velocity, _ = _state(rng, n)
    optimizer = SGDOptimizer([w], learning_rate_init=0.01, momentum=0.9, nesterov=True)

    def reference():
        optimizer.velocities = [velocity]
        (update,) = optimizer._get_updates([grad])
        return w + update, optimizer.velocities[0]

    return Trial(fmt(n), lambda: m.sgd_momentum_step(w, grad, velocity, nesterov=True), reference)


@case(
    "optimization/rmsprop_step",
    "s = rho * s + (1 - rho) * g**2; w - lr * g / (sqrt(s) + eps) in numpy",
    unreferenced=True,
    note="no library reference on plain arrays (the grader's is a Python loop): timed against the "
    "bare formula",
)
def _rmsprop(m, n, rng):
    w, grad, _, sq_avg = _state(rng, n)

    def reference():
        s = 0.9 * sq_avg + 0.1 * grad**2
        return w - 0.01 * grad / (np.sqrt(s) + 1e-8), s

    return Trial(fmt(n), lambda: m.rmsprop_step(w, grad, sq_avg), reference)


@case("optimization/adam_step", "sklearn AdamOptimizer._get_updates, one step from (m, v) at t = 10")
def _adam(m, n, rng):
    from sklearn.neural_network._stochastic_optimizers import AdamOptimizer

    w, grad, first, second = _state(rng, n)
    optimizer = AdamOptimizer([w])

    def reference():
        optimizer.t, optimizer.ms, optimizer.vs = 9, [first], [second]
        (update,) = optimizer._get_updates([grad])
        return w + update, optimizer.ms[0], optimizer.vs[0]

    return Trial(fmt(n), lambda: m.adam_step(w, grad, first, second, 10), reference)
