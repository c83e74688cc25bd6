"""Wrong versions of attention/positional_encoding."""

import math

import numpy as np

from mlkata.mutants import mutant


def _checked(n_positions, d_model):
    for value in (n_positions, d_model):
        if not isinstance(value, int | np.integer):
            raise ValueError("sizes must be integers")
    if n_positions < 1 or d_model < 2 or d_model % 2:
        raise ValueError("bad sizes")


def _interleave(sines, cosines):
    n, half = sines.shape
    out = np.empty((n, 2 * half))
    out[:, 0::2], out[:, 1::2] = sines, cosines
    return out


@mutant("positional_encoding", hint="share one frequency")
def frequency_per_column(n_positions, d_model):
    """div_term = 10000 ** (np.arange(d_model) / d_model): right for the even columns only."""
    _checked(n_positions, d_model)
    angles = np.arange(n_positions)[:, None] / 10000 ** (np.arange(d_model) / d_model)
    return _interleave(np.sin(angles[:, 0::2]), np.cos(angles[:, 1::2]))


@mutant("positional_encoding", hint="left out the 2")
def exponent_without_the_2(n_positions, d_model):
    _checked(n_positions, d_model)
    angles = np.arange(n_positions)[:, None] / 10000 ** (np.arange(d_model // 2) / d_model)
    return _interleave(np.sin(angles), np.cos(angles))


@mutant("positional_encoding", hint="you swapped them")
def cosines_on_the_even_columns(n_positions, d_model):
    _checked(n_positions, d_model)
    angles = np.arange(n_positions)[:, None] / 10000 ** (np.arange(0, d_model, 2) / d_model)
    return _interleave(np.cos(angles), np.sin(angles))


@mutant("positional_encoding", hint="all the sines first")
def sines_then_cosines(n_positions, d_model):
    _checked(n_positions, d_model)
    angles = np.arange(n_positions)[:, None] / 10000 ** (np.arange(0, d_model, 2) / d_model)
    return np.hstack([np.sin(angles), np.cos(angles)])


@mutant("positional_encoding", hint="start at 1")
def positions_from_one(n_positions, d_model):
    _checked(n_positions, d_model)
    angles = np.arange(1, n_positions + 1)[:, None] / 10000 ** (np.arange(0, d_model, 2) / d_model)
    return _interleave(np.sin(angles), np.cos(angles))


@mutant("positional_encoding", hint="you multiplied")
def multiplied_by_the_wavelength(n_positions, d_model):
    _checked(n_positions, d_model)
    angles = np.arange(n_positions)[:, None] * 10000 ** (np.arange(0, d_model, 2) / d_model)
    return _interleave(np.sin(angles), np.cos(angles))


@mutant("positional_encoding")
def in_float32(n_positions, d_model):
    """Everything in float32, as a GPU would: angles in the thousands lose their digits."""
    _checked(n_positions, d_model)
    positions = np.arange(n_positions, dtype=np.float32)[:, None]
    angles = positions / np.float32(10000) ** (np.arange(0, d_model, 2, dtype=np.float32) / d_model)
    return _interleave(np.sin(angles), np.cos(angles)).astype(np.float32)


@mutant("positional_encoding")
def odd_width_accepted(n_positions, d_model):
    """An odd d_model gives one sine too many, silently."""
    if n_positions < 1 or d_model < 1:
        raise ValueError("bad sizes")
    angles = np.arange(n_positions)[:, None] / 10000 ** (np.arange(0, d_model, 2) / d_model)
    out = np.zeros((n_positions, d_model))
    out[:, 0::2] = np.sin(angles)
    out[:, 1::2] = np.cos(angles[:, : d_model // 2])
    return out


@mutant("positional_encoding")
def fractional_sizes_truncated(n_positions, d_model):
    if n_positions < 1 or d_model < 2 or int(d_model) % 2:
        raise ValueError("bad sizes")
    n_positions, d_model = int(n_positions), int(d_model)
    angles = np.arange(n_positions)[:, None] / 10000 ** (np.arange(0, d_model, 2) / d_model)
    return _interleave(np.sin(angles), np.cos(angles))


@mutant("positional_encoding", hint="which no input is")
def float32_table(n_positions, d_model):
    """The table made float32 (to add to float32 embeddings): the docstring promises float64."""
    _checked(n_positions, d_model)
    angles = np.arange(n_positions)[:, None] / 10000 ** (np.arange(0, d_model, 2) / d_model)
    return _interleave(np.sin(angles), np.cos(angles)).astype(np.float32)


@mutant("positional_encoding", level=3)
def entry_by_entry(n_positions, d_model):
    """Correct, one entry at a time with math.sin and math.cos."""
    _checked(n_positions, d_model)
    out = np.empty((n_positions, d_model))
    for p in range(n_positions):
        for i in range(0, d_model, 2):
            angle = p / 10000.0 ** (i / d_model)
            out[p, i] = math.sin(angle)
            out[p, i + 1] = math.cos(angle)
    return out
