"""Correct, differently written versions of probability/gaussian_nb (fit and predict_proba)."""

import math

import numpy as np


def _fit_checked(X, y, var_smoothing, dtype=np.float64):
    X, y = np.asarray(X, dtype=dtype), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.size == 0:
        raise ValueError("X must be 2-D (n, d) and y 1-D of length n, not empty")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    if not (math.isfinite(var_smoothing) and var_smoothing >= 0):
        raise ValueError("var_smoothing must be >= 0")
    return X, y


def _predict_checked(model, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != np.shape(model["theta"])[1]:
        raise ValueError("X must be 2-D, not empty, with the model's number of features")
    if not np.all(np.isfinite(X)):
        raise ValueError("X must be finite")
    return X


def _refuse_zero(var):
    if np.any(np.asarray(var) == 0):
        raise ValueError("a variance is 0 even after smoothing")


def variant_fit_loops(X, y, var_smoothing=1e-9):
    """Pure Python per class and feature: math.fsum, two passes, lists."""
    X, y = _fit_checked(X, y, var_smoothing)
    rows, labels = X.tolist(), y.tolist()
    n, d = len(rows), len(rows[0])
    spread = []
    for j in range(d):
        mean = math.fsum(r[j] for r in rows) / n
        spread.append(math.fsum((r[j] - mean) ** 2 for r in rows) / n)
    epsilon = var_smoothing * max(spread)
    classes = sorted(set(labels))
    theta, var, log_prior = [], [], []
    for c in classes:
        mine = [r for r, label in zip(rows, labels, strict=True) if label == c]
        means = [math.fsum(r[j] for r in mine) / len(mine) for j in range(d)]
        theta.append(means)
        var.append([math.fsum((r[j] - means[j]) ** 2 for r in mine) / len(mine) + epsilon for j in range(d)])
        log_prior.append(math.log(len(mine) / n))
    _refuse_zero(var)
    return {
        "classes": np.array(classes),
        "log_prior": np.array(log_prior),
        "theta": np.array(theta),
        "var": np.array(var),
    }


def variant_fit_welford(X, y, var_smoothing=1e-9):
    """One streaming pass per class (Welford's update), on a one-hot index."""
    X, y = _fit_checked(X, y, var_smoothing)
    classes, index = np.unique(y, return_inverse=True)
    index = index.ravel()
    k, d = len(classes), X.shape[1]
    count, mean, m2 = np.zeros(k), np.zeros((k, d)), np.zeros((k, d))
    for row, c in zip(X, index, strict=True):
        count[c] += 1
        delta = row - mean[c]
        mean[c] += delta / count[c]
        m2[c] += delta * (row - mean[c])
    var = m2 / count[:, None] + var_smoothing * X.var(axis=0).max()
    _refuse_zero(var)
    return {"classes": classes, "log_prior": np.log(count / count.sum()), "theta": mean, "var": var}


def variant_fit_keeps_float32(X, y, var_smoothing=1e-9):
    """Computes in X's own precision: float32 in, float32 model out (integers in float64)."""
    given = np.asarray(X)
    dtype = given.dtype.type if given.dtype.kind == "f" else np.float64
    X, y = _fit_checked(given, y, var_smoothing, dtype=dtype)
    classes, index = np.unique(y, return_inverse=True)
    onehot = np.eye(len(classes), dtype=dtype)[index.ravel()]
    counts = onehot.sum(axis=0)
    theta = np.einsum("nk,nd->kd", onehot, X) / counts[:, None]
    var = np.einsum("nk,nkd->kd", onehot, (X[:, None, :] - theta[None]) ** 2) / counts[:, None]
    var = var + dtype(var_smoothing) * X.var(axis=0).max()
    _refuse_zero(var)
    return {"classes": classes, "log_prior": np.log(counts / len(y)), "theta": theta, "var": var}


def variant_predict_loops(model, X):
    """Per sample and class in Python floats, log-sum-exp by hand."""
    X = _predict_checked(model, X)
    theta, var, prior = (np.asarray(model[key], float).tolist() for key in ("theta", "var", "log_prior"))
    out = []
    for x in X.tolist():
        joint = [
            prior[c]
            - 0.5 * math.fsum(math.log(2 * math.pi * v) for v in var[c])
            - 0.5 * math.fsum((xj - m) ** 2 / v for xj, m, v in zip(x, theta[c], var[c], strict=True))
            for c in range(len(prior))
        ]
        top = max(joint)
        log_evidence = top + math.log(math.fsum(math.exp(j - top) for j in joint))
        out.append([math.exp(j - log_evidence) for j in joint])
    return np.array(out)


variant_predict_loops.replaces = "gaussian_nb_predict_proba"


def variant_predict_logaddexp(model, X):
    """The joint from the expanded, centred quadratic; the evidence by np.logaddexp.reduce."""
    X = _predict_checked(model, X)
    theta, var = np.asarray(model["theta"], float), np.asarray(model["var"], float)
    centre = theta.mean(axis=0)
    Xc, Tc, inverse = X - centre, theta - centre, 1.0 / var
    quadratic = Xc**2 @ inverse.T - 2 * Xc @ (Tc * inverse).T + np.sum(Tc**2 * inverse, axis=1)
    joint = model["log_prior"] - 0.5 * np.log(2 * np.pi * var).sum(axis=1) - 0.5 * quadratic
    return np.exp(joint - np.logaddexp.reduce(joint, axis=1, keepdims=True))


variant_predict_logaddexp.replaces = "gaussian_nb_predict_proba"


def variant_predict_keeps_float32(model, X):
    """Float32 X is predicted in float32 throughout (the model cast to it); exp and sum in place."""
    given = np.asarray(X)
    dtype = given.dtype.type if given.dtype.kind == "f" else np.float64
    X = _predict_checked(model, given).astype(dtype)
    theta, var = (np.asarray(model[key], dtype) for key in ("theta", "var"))
    joint = np.asarray(model["log_prior"], dtype) - dtype(0.5) * np.log(dtype(2 * np.pi) * var).sum(axis=1)
    z = (X[:, None, :] - theta[None]) / np.sqrt(var)[None]
    joint = joint - dtype(0.5) * np.einsum("nkd,nkd->nk", z, z)
    joint -= joint.max(axis=1, keepdims=True)
    np.exp(joint, out=joint)
    joint /= joint.sum(axis=1, keepdims=True)
    return joint


variant_predict_keeps_float32.replaces = "gaussian_nb_predict_proba"
