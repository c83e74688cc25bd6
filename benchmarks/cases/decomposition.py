"""Benchmark cases of the decomposition exercises."""

from __future__ import annotations

import numpy as np

from . import (
    CLASSES,
    Trial,
    case,
    close,
    rows,
    shape,
)

# --- decomposition ---------------------------------------------------------------------


def _data(rng, n):
    """(n / 10, 10) correlated features of different scales, away from 0."""
    X = rng.normal(size=(rows(n), CLASSES)) * np.linspace(0.5, 5.0, CLASSES)
    return X @ np.linalg.qr(rng.normal(size=(CLASSES, CLASSES)))[0] + rng.normal(size=CLASSES) * 10


@case("decomposition/covariance_matrix", "numpy.cov(X, rowvar=False)")
def _covariance(m, n, rng):
    X = _data(rng, n)
    return Trial(shape(*X.shape), lambda: m.covariance_matrix(X), lambda: np.cov(X, rowvar=False))


def _same_model(model, fitted):
    """The same mean, variances and components (up to sign) as a fitted scikit-learn PCA."""
    signs = np.sign(np.sum(model["components"] * fitted.components_, axis=1))
    return close(
        (model["mean"], model["explained_variance"], model["components"] * signs[:, None]),
        (fitted.mean_, fitted.explained_variance_, fitted.components_),
    )


@case("decomposition/pca", 'sklearn PCA(5, svd_solver="full").fit(X)', function="pca_fit")
def _pca_fit(m, n, rng):
    from sklearn.decomposition import PCA

    X = _data(rng, n)
    return Trial(
        shape(*X.shape),
        lambda: m.pca_fit(X, 5),
        lambda: PCA(5, svd_solver="full").fit(X),
        same=_same_model,
    )


@case("decomposition/pca", 'sklearn PCA(5, svd_solver="full").transform(X)', function="pca_transform")
def _pca_transform(m, n, rng):
    from sklearn.decomposition import PCA

    X = _data(rng, n)
    fitted = PCA(5, svd_solver="full").fit(X)
    model = {
        "components": fitted.components_,
        "explained_variance": fitted.explained_variance_,
        "mean": fitted.mean_,
    }
    return Trial(shape(*X.shape), lambda: m.pca_transform(model, X), lambda: fitted.transform(X))
