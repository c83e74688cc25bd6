"""Short, readable renderings of values and calls for learner-facing messages."""

from __future__ import annotations

from typing import Any

import numpy as np

MAX_CHARS = 240


def describe_value(value: Any, max_chars: int = MAX_CHARS) -> str:
    """Render a value compactly: arrays with 4 significant digits, long ones elided.

    Examples
    --------
    >>> describe_value(np.array([0.123456, 2.0]))
    'array([0.1235, 2.    ])'
    >>> describe_value([1, -1])
    '[1, -1]'
    >>> describe_value(1 / 3)
    '0.3333333333333333'
    """
    if isinstance(value, np.ndarray) and value.dtype.kind in "biufc":
        text = f"array({_array_text(value)})"
        if value.size > 20 or value.ndim > 1:
            text += f" (shape {value.shape}, dtype {value.dtype})"
    elif isinstance(value, list | tuple) and value and _is_numeric_seq(value):
        text = _array_text(np.asarray(value))
        if isinstance(value, tuple):
            text = "(" + text[1:-1] + ("," if len(value) == 1 else "") + ")"
    else:
        text = repr(value)
    if len(text) > max_chars:
        text = text[: max_chars - 4] + " ..."
    return text


def _array_text(array: np.ndarray) -> str:
    text = np.array2string(
        array, precision=4, threshold=20, edgeitems=3, separator=", ", max_line_width=10_000
    )
    return " ".join(text.split()).replace("[ ", "[")


def _is_numeric_seq(value: list | tuple) -> bool:
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        return False
    return array.dtype.kind in "biuf"


def describe_call(name: str, args: tuple, kwargs: dict) -> str:
    """Render a call as code a learner can paste into a REPL (values may be elided).

    Examples
    --------
    >>> describe_call("hinge_loss", ([1, -1], [0.5, 2.0]), {})
    'hinge_loss([1, -1], [0.5, 2. ])'
    """
    parts = [describe_value(a, 160) for a in args]
    parts += [f"{k}={describe_value(v, 160)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"
