"""Wrong versions of neural_networks/batch_norm_backward (graded with the solution's batch_norm_forward)."""

import numpy as np

from mlkata.mutants import mutant


def _unpack(dout, cache):
    x_hat, gamma, inv_std = cache
    dout = np.asarray(dout, dtype=float)
    if dout.shape != np.shape(x_hat):
        raise ValueError("dout must have the batch's shape")
    return dout, np.asarray(x_hat), np.asarray(gamma), np.asarray(inv_std)


@mutant("batch_norm_backward", hint="is not just")
def mean_and_variance_held_constant(dout, cache):
    dout, x_hat, gamma, inv_std = _unpack(dout, cache)
    return dout * gamma * inv_std, (dout * x_hat).sum(axis=0), dout.sum(axis=0)


@mutant("batch_norm_backward", hint="the batch variance depends on X too")
def no_variance_path(dout, cache):
    dout, x_hat, gamma, inv_std = _unpack(dout, cache)
    dX = gamma * inv_std * (dout - dout.mean(axis=0))
    return dX, (dout * x_hat).sum(axis=0), dout.sum(axis=0)


@mutant("batch_norm_backward", hint="the batch mean depends on X too")
def no_mean_path(dout, cache):
    dout, x_hat, gamma, inv_std = _unpack(dout, cache)
    dX = gamma * inv_std * (dout - x_hat * (dout * x_hat).mean(axis=0))
    return dX, (dout * x_hat).sum(axis=0), dout.sum(axis=0)


@mutant("batch_norm_backward", hint="carries the factor gamma")
def without_gamma(dout, cache):
    dout, x_hat, _, inv_std = _unpack(dout, cache)
    n = len(dout)
    dX = inv_std / n * (n * dout - dout.sum(axis=0) - x_hat * (dout * x_hat).sum(axis=0))
    return dX, (dout * x_hat).sum(axis=0), dout.sum(axis=0)


@mutant("batch_norm_backward", hint="not of dout alone")
def dgamma_without_x_hat(dout, cache):
    dout, x_hat, gamma, inv_std = _unpack(dout, cache)
    n = len(dout)
    dX = gamma * inv_std / n * (n * dout - dout.sum(axis=0) - x_hat * (dout * x_hat).sum(axis=0))
    return dX, dout.sum(axis=0), dout.sum(axis=0)


@mutant("batch_norm_backward", hint="one entry per feature")
def parameter_gradients_per_sample(dout, cache):
    dout, x_hat, gamma, inv_std = _unpack(dout, cache)
    n = len(dout)
    dX = gamma * inv_std / n * (n * dout - dout.sum(axis=0) - x_hat * (dout * x_hat).sum(axis=0))
    return dX, dout * x_hat, dout


@mutant("batch_norm_backward")
def mean_instead_of_sum(dout, cache):
    dout, x_hat, gamma, inv_std = _unpack(dout, cache)
    dX = gamma * inv_std * (dout - dout.mean(axis=0) - x_hat * (dout * x_hat).mean(axis=0))
    return dX, (dout * x_hat).mean(axis=0), dout.mean(axis=0)


@mutant("batch_norm_backward")
def shape_not_checked(dout, cache):
    """A dout row broadcasts over the batch: no ValueError."""
    x_hat, gamma, inv_std = cache
    dout = np.broadcast_to(np.asarray(dout, dtype=float), np.shape(x_hat))
    n = len(dout)
    dX = gamma * inv_std / n * (n * dout - dout.sum(axis=0) - x_hat * (dout * x_hat).sum(axis=0))
    return dX, (dout * x_hat).sum(axis=0), dout.sum(axis=0)


@mutant("batch_norm_backward")
def scales_dout_in_place(dout, cache):
    """dout *= gamma on the caller's array: a read-only dout raises."""
    _unpack(dout, cache)
    x_hat, gamma, inv_std = cache
    dout = np.asarray(dout)
    if dout.dtype.kind != "f":
        dout = dout.astype(float)
    dbeta, dgamma = dout.sum(axis=0), (dout * x_hat).sum(axis=0)
    n = len(dout)
    dout *= n
    dX = gamma * inv_std / n * (dout - dbeta - x_hat * dgamma)
    return dX, dgamma, dbeta
