"""Correct, differently written versions of decomposition/pca (pca_fit, pca_transform)."""

import numbers

import numpy as np


def _checked_fit(X, n_components):
    A = np.asarray(X, dtype=np.float64)
    if A.ndim != 2 or A.shape[1] == 0:
        raise ValueError("X must be 2-D with at least one column")
    if A.shape[0] < 2:
        raise ValueError("X needs at least 2 rows")
    if not np.all(np.isfinite(A)):
        raise ValueError("X must be finite")
    if isinstance(n_components, (bool, np.bool_)) or not isinstance(n_components, numbers.Integral):
        raise ValueError("n_components must be an int")
    k = int(n_components)
    if not 1 <= k <= min(A.shape):
        raise ValueError("n_components must be in 1 .. min(n, d)")
    return A, k


def _flip(components):
    rows = np.arange(components.shape[0])
    signs = np.sign(components[rows, np.argmax(np.abs(components), axis=1)])
    signs[signs == 0] = 1.0
    return components * signs[:, None]


def variant_fit_eigh_covariance(X, n_components):
    """Eigen-decomposition (np.linalg.eigh) of the sample covariance, eigenvalues sorted descending."""
    A, k = _checked_fit(X, n_components)
    mean = A.mean(axis=0)
    C = A - mean
    cov = C.T @ C / (A.shape[0] - 1)
    vals, vecs = np.linalg.eigh(cov)
    order = np.argsort(vals)[::-1][:k]
    return {
        "components": _flip(vecs[:, order].T.copy()),
        "explained_variance": np.maximum(vals[order], 0.0),
        "mean": mean,
    }


def variant_fit_svd_transposed(X, n_components):
    """SVD of the transposed centred data: its left singular vectors are the components."""
    A, k = _checked_fit(X, n_components)
    mean = np.einsum("ij->j", A) / A.shape[0]
    C = A - mean
    U, s, _ = np.linalg.svd(C.T, full_matrices=False)
    return {
        "components": _flip(U[:, :k].T.copy()),
        "explained_variance": s[:k] ** 2 / (A.shape[0] - 1),
        "mean": mean,
    }


def variant_fit_projection_variance(X, n_components):
    """Components from the SVD; each variance measured as the ddof=1 variance of the projections."""
    A, k = _checked_fit(X, n_components)
    mean = A.mean(axis=0)
    C = A - mean
    _, _, Vt = np.linalg.svd(C, full_matrices=False)
    W = _flip(Vt[:k].copy())
    Z = C @ W.T
    return {"components": W, "explained_variance": Z.var(axis=0, ddof=1), "mean": mean}


def _checked_transform(model, X):
    W = np.asarray(model["components"], dtype=np.float64)
    mu = np.asarray(model["mean"], dtype=np.float64)
    A = np.asarray(X, dtype=np.float64)
    if A.ndim != 2 or A.shape[0] == 0:
        raise ValueError("X must be 2-D with at least one row")
    if A.shape[1] != W.shape[1]:
        raise ValueError("X's number of features differs from the model's")
    return W, mu, A


def variant_transform_einsum(model, X):
    """einsum of the centred rows with the component rows."""
    W, mu, A = _checked_transform(model, X)
    return np.einsum("md,kd->mk", A - mu, W)


def variant_transform_columns(model, X):
    """One column at a time: the dot product of each centred sample with component i."""
    W, mu, A = _checked_transform(model, X)
    Z = np.empty((A.shape[0], W.shape[0]))
    for i in range(W.shape[0]):
        Z[:, i] = (A - mu) @ W[i]
    return Z


def variant_transform_tensordot(model, X):
    """np.tensordot over the feature axis of the centred rows and the components."""
    W, mu, A = _checked_transform(model, X)
    return np.tensordot(A - mu[None, :], W, axes=([1], [1]))


variant_transform_einsum.replaces = "pca_transform"
variant_transform_columns.replaces = "pca_transform"
variant_transform_tensordot.replaces = "pca_transform"
