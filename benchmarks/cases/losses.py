"""Benchmark cases of the losses exercises."""

from __future__ import annotations

import numpy as np

from . import (
    Trial,
    case,
    family,
    floor_of,
    fmt,
    quiet,
    shape,
)

# --- losses ----------------------------------------------------------------------------


@case("losses/mean_absolute_error", "sklearn.metrics.mean_absolute_error")
def _mae(m, n, rng):
    from sklearn.metrics import mean_absolute_error

    x = family("two 1-D arrays", rng, n)
    y, p = x["y_true"], x["y_pred"]
    return Trial(
        fmt(n), lambda: m.mean_absolute_error(y, p), lambda: mean_absolute_error(y, p), floor_of(y, p)
    )


@case("losses/mean_squared_error", "sklearn.metrics.mean_squared_error")
def _mse(m, n, rng):
    from sklearn.metrics import mean_squared_error

    x = family("two 1-D arrays", rng, n)
    y, p = x["y_true"], x["y_pred"]
    return Trial(fmt(n), lambda: m.mean_squared_error(y, p), lambda: mean_squared_error(y, p), floor_of(y, p))


@case("losses/huber_loss", "mean of scipy.special.huber(1.0, y - p)")
def _huber(m, n, rng):
    from scipy.special import huber

    x = family("two 1-D arrays", rng, n)
    y, p = x["y_true"], x["y_pred"]
    return Trial(
        fmt(n), lambda: m.huber_loss(y, p), lambda: float(np.mean(huber(1.0, y - p))), floor_of(y, p)
    )


@case("losses/log_loss", "sklearn.metrics.log_loss(y, clip(p, eps, 1 - eps))")
def _log_loss(m, n, rng):
    from sklearn.metrics import log_loss

    x = family("labels and probabilities", rng, n)
    y, p = x["y_true"], x["y_prob"]
    reference = quiet(lambda: log_loss(y, np.clip(p, 1e-15, 1 - 1e-15), labels=[0, 1]))
    return Trial(fmt(n), lambda: m.log_loss(y, p), reference, floor_of(y, p))


@case("losses/cross_entropy", "sklearn.metrics.log_loss(y, clip(probs), labels=range(k))")
def _cross_entropy(m, n, rng):
    from sklearn.metrics import log_loss

    x = family("labels and class scores", rng, n)
    y, probs = x["y_true"], x["probs"]
    k = probs.shape[1]
    reference = quiet(lambda: log_loss(y, np.clip(probs, 1e-15, 1 - 1e-15), labels=range(k)))
    return Trial(shape(*probs.shape), lambda: m.cross_entropy(y, probs), reference, floor_of(y, probs))


@case("losses/cross_entropy_from_logits", "-mean of scipy.special.log_softmax(logits, axis=1)[i, y_i]")
def _cross_entropy_from_logits(m, n, rng):
    from scipy.special import log_softmax

    x = family("labels and class scores", rng, n)
    y, logits = x["y_true"], x["logits"]

    def reference():
        return float(-np.mean(log_softmax(logits, axis=1)[np.arange(len(logits)), y]))

    return Trial(
        shape(*logits.shape), lambda: m.cross_entropy_from_logits(y, logits), reference, floor_of(y, logits)
    )


@case("losses/hinge_loss", "sklearn.metrics.hinge_loss")
def _hinge(m, n, rng):
    from sklearn.metrics import hinge_loss

    x = family("labels and margins", rng, n)
    y, d = x["y_true"], x["decision"]
    return Trial(fmt(n), lambda: m.hinge_loss(y, d), lambda: hinge_loss(y, d), floor_of(y, d))
