"""The function has the wrong name: only this exercise should score 0."""

import numpy as np


def hinge(y_true, decision):
    return float(np.mean(np.maximum(0.0, 1.0 - np.asarray(y_true) * np.asarray(decision))))
