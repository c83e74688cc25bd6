"""Correct, differently written versions of probability/multinomial_nb (fit and predict_proba)."""

import math

import numpy as np


def _fit_checked(X, y, alpha, dtype=np.float64):
    X, y = np.asarray(X, dtype=dtype), np.asarray(y)
    if X.ndim != 2 or y.ndim != 1 or X.shape[0] != y.shape[0] or X.size == 0:
        raise ValueError("X must be 2-D (n, d) and y 1-D of length n, not empty")
    if not np.all(np.isfinite(X)) or np.any(X < 0):
        raise ValueError("X must hold finite counts >= 0")
    if not (math.isfinite(alpha) and alpha > 0):
        raise ValueError("alpha must be > 0")
    return X, y


def _predict_checked(model, X):
    X = np.asarray(X, dtype=np.float64)
    if X.ndim != 2 or X.shape[0] == 0 or X.shape[1] != np.shape(model["feature_log_prob"])[1]:
        raise ValueError("X must be 2-D, not empty, with the model's number of features")
    if not np.all(np.isfinite(X)) or np.any(X < 0):
        raise ValueError("X must hold finite counts >= 0")
    return X


def variant_fit_loops(X, y, alpha=1.0):
    """Pure Python: per class, math.fsum of each feature's counts."""
    X, y = _fit_checked(X, y, alpha)
    rows, labels = X.tolist(), y.tolist()
    classes = sorted(set(labels))
    feature_log_prob, log_prior = [], []
    for c in classes:
        mine = [r for r, label in zip(rows, labels, strict=True) if label == c]
        totals = [math.fsum(column) + alpha for column in zip(*mine, strict=True)]
        denominator = math.fsum(totals)
        feature_log_prob.append([math.log(t / denominator) for t in totals])
        log_prior.append(math.log(len(mine) / len(rows)))
    return {
        "classes": np.array(classes),
        "log_prior": np.array(log_prior),
        "feature_log_prob": np.array(feature_log_prob),
    }


def variant_fit_add_at(X, y, alpha=1.0):
    """Totals by np.add.at on a float buffer started at alpha, priors by np.bincount."""
    X, y = _fit_checked(X, y, alpha)
    classes, index = np.unique(y, return_inverse=True)
    index = index.ravel()
    totals = np.full((len(classes), X.shape[1]), float(alpha))
    np.add.at(totals, index, X)
    sizes = np.bincount(index, minlength=len(classes))
    return {
        "classes": classes,
        "log_prior": np.log(sizes) - np.log(len(y)),
        "feature_log_prob": np.log(totals) - np.log(totals.sum(axis=1, keepdims=True)),
    }


def variant_fit_keeps_float32(X, y, alpha=1.0):
    """Computes in X's own precision: float32 weights in, a float32 model out."""
    given = np.asarray(X)
    dtype = given.dtype.type if given.dtype.kind == "f" else np.float64
    X, y = _fit_checked(given, y, alpha, dtype=dtype)
    classes, index = np.unique(y, return_inverse=True)
    onehot = np.eye(len(classes), dtype=dtype)[index.ravel()]
    smoothed = np.einsum("nk,nd->kd", onehot, X) + dtype(alpha)
    return {
        "classes": classes,
        "log_prior": np.log(onehot.mean(axis=0)),
        "feature_log_prob": np.log(smoothed / smoothed.sum(axis=1, keepdims=True)),
    }


def variant_predict_loops(model, X):
    """Per document and class in Python floats, skipping zero counts, log-sum-exp by hand."""
    X = _predict_checked(model, X)
    log_theta = np.asarray(model["feature_log_prob"], float).tolist()
    prior = np.asarray(model["log_prior"], float).tolist()
    out = []
    for x in X.tolist():
        joint = [
            prior[c] + math.fsum(xj * lt for xj, lt in zip(x, log_theta[c], strict=True) if xj)
            for c in range(len(prior))
        ]
        top = max(joint)
        log_evidence = top + math.log(math.fsum(math.exp(j - top) for j in joint))
        out.append([math.exp(j - log_evidence) for j in joint])
    return np.array(out)


variant_predict_loops.replaces = "multinomial_nb_predict_proba"


def variant_predict_pairwise(model, X):
    """P(c | x) = 1 / sum_c' exp(J_c' - J_c): no evidence computed at all."""
    X = _predict_checked(model, X)
    joint = np.einsum("nd,kd->nk", X, model["feature_log_prob"]) + model["log_prior"]
    with np.errstate(over="ignore"):
        return 1.0 / np.exp(joint[:, None, :] - joint[:, :, None]).sum(axis=2)


variant_predict_pairwise.replaces = "multinomial_nb_predict_proba"


def variant_predict_integer_counts(model, X):
    """Integer counts kept as integers for the matrix product (numpy promotes it to float)."""
    given = np.asarray(X)
    _predict_checked(model, given)
    joint = given @ np.asarray(model["feature_log_prob"]).T + model["log_prior"]
    return np.exp(joint - np.logaddexp.reduce(joint, axis=1, keepdims=True))


variant_predict_integer_counts.replaces = "multinomial_nb_predict_proba"
