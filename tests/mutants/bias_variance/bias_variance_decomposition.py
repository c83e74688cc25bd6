"""Wrong versions of bias_variance/bias_variance_decomposition."""

import numpy as np

from mlkata.mutants import mutant


def _checked(predictions, y_true):
    P = np.asarray(predictions, dtype=float)
    y = np.asarray(y_true, dtype=float)
    if P.ndim != 2 or y.ndim != 1 or P.shape[1] != y.shape[0] or P.size == 0:
        raise ValueError("bad shapes")
    return P, y


@mutant("bias_variance_decomposition", hint="not n_rounds - 1")
def sample_variance(predictions, y_true):
    P, y = _checked(predictions, y_true)
    main = P.mean(axis=0)
    return (
        float(np.mean((P - y) ** 2)),
        float(np.mean((main - y) ** 2)),
        float(np.mean(P.var(axis=0, ddof=1))),
    )


@mutant("bias_variance_decomposition", hint="you squared the mean bias")
def squares_the_mean_bias(predictions, y_true):
    P, y = _checked(predictions, y_true)
    main = P.mean(axis=0)
    return float(np.mean((P - y) ** 2)), float(np.mean(main - y) ** 2), float(np.mean((P - main) ** 2))


@mutant("bias_variance_decomposition", hint="you took it across the points")
def variance_across_points(predictions, y_true):
    P, y = _checked(predictions, y_true)
    main = P.mean(axis=0)
    return float(np.mean((P - y) ** 2)), float(np.mean((main - y) ** 2)), float(np.mean(P.var(axis=1)))


@mutant("bias_variance_decomposition", hint="which equals bias_squared")
def loss_of_the_main_prediction(predictions, y_true):
    P, y = _checked(predictions, y_true)
    main = P.mean(axis=0)
    bias = float(np.mean((main - y) ** 2))
    return bias, bias, float(np.mean((P - main) ** 2))


@mutant("bias_variance_decomposition")
def one_dimensional_is_one_round(predictions, y_true):
    P = np.atleast_2d(np.asarray(predictions, dtype=float))
    y = np.asarray(y_true, dtype=float)
    if y.ndim != 1 or P.shape[1] != y.shape[0] or P.size == 0:
        raise ValueError("bad shapes")
    main = P.mean(axis=0)
    return float(np.mean((P - y) ** 2)), float(np.mean((main - y) ** 2)), float(np.mean((P - main) ** 2))


@mutant("bias_variance_decomposition")
def broadcasts_y(predictions, y_true):
    P = np.asarray(predictions, dtype=float)
    y = np.asarray(y_true, dtype=float)
    if P.ndim != 2 or y.ndim != 1 or P.size == 0:
        raise ValueError("bad shapes")
    main = P.mean(axis=0)
    return float(np.mean((P - y) ** 2)), float(np.mean((main - y) ** 2)), float(np.mean((P - main) ** 2))
