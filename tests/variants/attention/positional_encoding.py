"""Correct, differently written versions of attention/positional_encoding."""

import math
import numbers

import numpy as np


def _checked(n_positions, d_model):
    for name, v in (("n_positions", n_positions), ("d_model", d_model)):
        if isinstance(v, bool) or not isinstance(v, numbers.Integral):
            raise ValueError(f"{name} must be an integer, got {v!r}")
    if n_positions < 1:
        raise ValueError("n_positions must be >= 1")
    if d_model < 2 or d_model % 2:
        raise ValueError("d_model must be even and >= 2")
    return int(n_positions), int(d_model)


def variant_loops_math(n_positions, d_model):
    """Entry by entry with math.sin / math.cos."""
    n, d = _checked(n_positions, d_model)
    rows = []
    for p in range(n):
        row = []
        for i in range(d // 2):
            angle = p / 10000 ** (2 * i / d)
            row += [math.sin(angle), math.cos(angle)]
        rows.append(row)
    return np.array(rows, dtype=np.float64)


def variant_log_space_frequencies(n_positions, d_model):
    """The PyTorch-tutorial form: div_term = exp(-ln(10000) * 2i / d), strided assignment."""
    n, d = _checked(n_positions, d_model)
    pos = np.arange(n, dtype=np.float64)[:, None]
    div = np.exp(np.arange(0, d, 2, dtype=np.float64) * (-math.log(10000.0) / d))
    pe = np.empty((n, d))
    pe[:, 0::2] = np.sin(pos * div)
    pe[:, 1::2] = np.cos(pos * div)
    return pe


def variant_complex_exponential(n_positions, d_model):
    """exp(i * p * w): imaginary part the sine, real part the cosine, interleaved by stacking."""
    n, d = _checked(n_positions, d_model)
    w = 1.0 / np.power(10000.0, np.arange(d // 2) * 2.0 / d)
    z = np.exp(1j * np.outer(np.arange(n), w))
    return np.stack([z.imag, z.real], axis=-1).reshape(n, d)
