"""Benchmark cases of the bias variance exercises."""

from __future__ import annotations

import numpy as np

from . import (
    Trial,
    case,
    floor_of,
    shape,
)

# --- bias_variance ---------------------------------------------------------------------


class _Replay:
    """An 'estimator' whose r-th fit predicts the r-th row of ``predictions`` (as the grader's)."""

    def __init__(self, predictions):
        self.predictions = predictions
        self.round = -1

    def fit(self, X, y):
        self.round += 1
        return self

    def predict(self, X):
        return self.predictions[self.round]


@case(
    "bias_variance/bias_variance_decomposition",
    "mlxtend.evaluate.bias_variance_decomp(loss='mse') on a replay estimator",
    note="100 rounds; mlxtend loops over the rounds in Python",
)
def _bias_variance(m, n, rng):
    from mlxtend.evaluate import bias_variance_decomp

    n_rounds = 100
    points = max(n // n_rounds, 10)
    y = rng.normal(size=points)
    predictions = y + 0.3 + 0.5 * rng.normal(size=(n_rounds, points))
    dummy = np.zeros((points, 1))

    def reference():
        return bias_variance_decomp(
            _Replay(predictions), dummy, y, dummy, y, loss="mse", num_rounds=n_rounds, random_seed=0
        )

    return Trial(
        shape(n_rounds, points),
        lambda: m.bias_variance_decomposition(predictions, y),
        reference,
        floor_of(predictions, y),
    )
