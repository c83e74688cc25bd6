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


# From the red team's tries (/work/redteam):


def _rt_prep(P, y, dtype=np.float64, pdim=True, lenchk=True, empty=True):
    P = np.asarray(P) if dtype is None else np.asarray(P, dtype=dtype)
    y = np.asarray(y) if dtype is None else np.asarray(y, dtype=dtype)
    if pdim and P.ndim != 2:
        raise ValueError(f"predictions must be 2-D (n_rounds, n_points), got {P.shape}")
    if y.ndim != 1:
        raise ValueError(f"y_true must be 1-D, got {y.shape}")
    if lenchk and P.shape[-1] != y.shape[0]:
        raise ValueError(f"predictions cover {P.shape[-1]} points but y_true has {y.shape[0]}")
    if empty and P.size == 0:
        raise ValueError(f"empty input: predictions has shape {P.shape}")
    return P, y


def _rt_out(P, y):
    m = P.mean(axis=0)
    return float(np.mean((P - y) ** 2)), float(np.mean((m - y) ** 2)), float(np.mean((P - m) ** 2))


@mutant("bias_variance_decomposition", hint="variance = expected_loss - bias_squared cancels", level=2)
def variance_from_identity(predictions, y_true):
    # variance = expected_loss - bias_squared: cancels when the bias dwarfs the spread
    # differs on: [[1e9], [1e9 + 2]], y=[0] -> variance 0 (or garbage) instead of 1  (scale)
    P, y = _rt_prep(predictions, y_true)
    m = P.mean(axis=0)
    loss = float(np.mean((P - y) ** 2))
    bias = float(np.mean((m - y) ** 2))
    return loss, bias, loss - bias


@mutant("bias_variance_decomposition", hint="bias_squared = expected_loss - variance cancels", level=2)
def bias_from_identity(predictions, y_true):
    # bias_squared = expected_loss - variance: cancels when the spread dwarfs the bias
    # differs on: [[0], [2e9]], y=[1e9 + 1] -> bias 0 instead of 1  (scale)
    P, y = _rt_prep(predictions, y_true)
    m = P.mean(axis=0)
    loss = float(np.mean((P - y) ** 2))
    var = float(np.mean((P - m) ** 2))
    return loss, loss - var, var


@mutant("bias_variance_decomposition")
def wraps_uint8(predictions, y_true):
    # keeps input dtypes: uint8 differences wrap. differs on: uint8 [[1], [3]] vs y=[2]  (dtype)
    P, y = _rt_prep(predictions, y_true, dtype=None)
    m = P.mean(axis=0)
    return (
        float(np.mean((P - y).astype(float) ** 2)),
        float(np.mean((m - y) ** 2)),
        float(np.mean((P - m) ** 2)),
    )


@mutant("bias_variance_decomposition")
def errors_in_place(predictions, y_true):
    # predictions -= y_true to get the errors: overwrites the caller's float64 array  (contract)
    P, y = _rt_prep(predictions, y_true)
    m = P.mean(axis=0)
    var = np.mean((P - m) ** 2)
    P -= y
    return float(np.mean(P**2)), float(np.mean((m - y) ** 2)), float(var)


@mutant("bias_variance_decomposition")
def swapped_when_square(predictions, y_true):
    # "rounds on axis 1" when the matrix is square (picks the axis by matching y's length with
    # shape[0] first). differs on: a 2x2 predictions whose rows and columns differ  (shape)
    P, y = _rt_prep(predictions, y_true)
    if P.shape[0] == y.shape[0]:
        P = P.T
    return _rt_out(P, y)


@mutant("bias_variance_decomposition", level=3)
def loop_over_points(predictions, y_true):
    """Correct, one point and one round at a time in Python."""
    P, y = _rt_prep(predictions, y_true)
    rounds, points = P.shape
    loss = bias = variance = 0.0
    for i, target in enumerate(y.tolist()):
        column = P[:, i].tolist()
        main = sum(column) / rounds
        loss += sum((f - target) ** 2 for f in column) / rounds
        bias += (main - target) ** 2
        variance += sum((f - main) ** 2 for f in column) / rounds
    return loss / points, bias / points, variance / points
