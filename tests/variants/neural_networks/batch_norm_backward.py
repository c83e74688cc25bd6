"""Correct, differently written versions of neural_networks/batch_norm_backward.

The cache is the documented ``(x_hat, gamma, inv_std)`` of ``batch_norm_forward``.
"""

import math

import numpy as np


def _inputs(dout, cache):
    g = np.asarray(dout)
    if g.dtype.kind not in "biuf":
        raise ValueError("dout must be numeric")
    x_hat, gamma, inv_std = (np.asarray(c, dtype=np.float64) for c in cache)
    if g.shape != x_hat.shape:
        raise ValueError("dout must have the batch's shape")
    return g.astype(np.float64), x_hat, gamma, inv_std


def variant_column_loops(dout, cache):
    g, x_hat, gamma, inv_std = _inputs(dout, cache)
    n, d = g.shape
    dX = np.empty((n, d))
    dgamma = np.empty(d)
    dbeta = np.empty(d)
    for j in range(d):
        gj, xj = g[:, j].tolist(), x_hat[:, j].tolist()
        sg = math.fsum(gj)
        sgx = math.fsum(a * b for a, b in zip(gj, xj, strict=True))
        dbeta[j], dgamma[j] = sg, sgx
        scale = gamma[j] * inv_std[j] / n
        for i in range(n):
            dX[i, j] = scale * (n * gj[i] - sg - xj[i] * sgx)
    return dX, dgamma, dbeta


def variant_staged_chain_rule(dout, cache):
    # the computational graph: x_hat -> var -> mu, as in CS231n's staged backward pass
    g, x_hat, gamma, inv_std = _inputs(dout, cache)
    n = g.shape[0]
    xmu = x_hat / inv_std
    dxhat = g * gamma
    dvar = np.sum(dxhat * xmu, axis=0) * -0.5 * inv_std**3
    dmu = -np.sum(dxhat, axis=0) * inv_std + dvar * np.mean(-2.0 * xmu, axis=0)
    dX = dxhat * inv_std + dvar * 2.0 * xmu / n + dmu / n
    return dX, np.sum(g * x_hat, axis=0), np.sum(g, axis=0)


def variant_einsum_projection(dout, cache):
    # dX = gamma inv_std (G - mean G - x_hat mean(G x_hat))
    g, x_hat, gamma, inv_std = _inputs(dout, cache)
    n = g.shape[0]
    dbeta = np.einsum("ij->j", g)
    dgamma = np.einsum("ij,ij->j", g, x_hat)
    dX = (gamma * inv_std) * (g - dbeta / n - x_hat * (dgamma / n))
    return dX, dgamma, dbeta
