"""Short, readable renderings of values and calls for learner-facing messages.

A value too long for a message is shortened *inside*: an array shows fewer of its
first and last entries (``[1, 2, ..., 9]``), a list fewer items, and an array or list
that was shortened, or has more than one dimension or more than 20 entries, always
ends with its shape. Nothing is ever cut in the middle of a number, a word or that
shape (no ``dtype fl ...``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

MAX_CHARS = 240
SMALL = 20
"""An array of at most this many entries is shown whole when it fits."""
ELLIPSIS = "..."


def describe_value(value: Any, max_chars: int = MAX_CHARS) -> str:
    """Render a value compactly: arrays with 4 significant digits, long ones elided.

    Parameters
    ----------
    value : Any
        What to show.
    max_chars : int
        About the longest the rendering may be (a shape is never left out to fit).

    Returns
    -------
    str
        The rendering, at most ``max_chars`` characters unless even the shortest form
        (``array([...]) (shape ..., dtype ...)``) is longer.

    Examples
    --------
    >>> describe_value(np.array([0.123456, 2.0]))
    'array([0.1235, 2.])'
    >>> describe_value([1, -1])
    '[1, -1]'
    >>> describe_value(1 / 3)
    '0.3333333333333333'
    >>> describe_value(np.arange(30.0).reshape(10, 3), 80)
    'array([[0., ..., 2.], ..., [27., ..., 29.]]) (shape (10, 3), dtype float64)'
    >>> describe_value(["the cat sat"] * 9, 50)
    "['the cat sat', 'the cat sat', ...] (length 9)"
    """
    if isinstance(value, np.ndarray) and value.dtype.kind in "biufc":
        return _describe_array(value, max_chars, "array({})", f", dtype {value.dtype}", value.ndim > 1)
    if isinstance(value, list | tuple) and value and _is_numeric_seq(value):
        array = np.asarray(value)
        if isinstance(value, tuple) and array.ndim == 1:
            text = _describe_array(array, max_chars, "({})", "", False)
            body, _, rest = text.partition(")")
            return "(" + body[2:-1] + ("," if len(value) == 1 else "") + ")" + rest
        return _describe_array(array, max_chars, "{}", "", False)
    if isinstance(value, list | tuple) and len(value) > 1:
        return _describe_items(value, max_chars)
    return _cut(repr(value), max_chars)


def _describe_array(array: np.ndarray, max_chars: int, form: str, dtype: str, nested: bool) -> str:
    """``form`` around the array's text, with fewer entries shown until it fits.

    The shape follows when entries were left out, when there are many, or when ``nested``.
    """
    suffix = f" (shape {array.shape}{dtype})"
    needs_shape = array.size > SMALL or nested
    whole = form.format(_array_text(array, threshold=SMALL, edgeitems=3))
    elided = ELLIPSIS in whole
    text = whole + (suffix if needs_shape or elided else "")
    if len(text) <= max_chars:
        return text
    for edgeitems in (2, 1):
        shorter = form.format(_array_text(array, threshold=0, edgeitems=edgeitems)) + suffix
        if len(shorter) <= max_chars:
            return shorter
    opening = "[" * max(array.ndim, 1)
    return form.format(f"{opening}{ELLIPSIS}{']' * max(array.ndim, 1)}") + suffix


def _array_text(array: np.ndarray, *, threshold: int, edgeitems: int) -> str:
    text = np.array2string(
        array,
        precision=4,
        threshold=threshold,
        edgeitems=edgeitems,
        separator=", ",
        max_line_width=10_000,
    )
    return " ".join(text.split()).replace("[ ", "[").replace(" ,", ",").replace(" ]", "]")


def _describe_items(value: list | tuple, max_chars: int) -> str:
    """A list or tuple of other things: as many whole items as fit, then ``...``."""
    opening, closing = ("[", "]") if isinstance(value, list) else ("(", ")")
    whole = repr(value)
    if len(whole) <= max_chars:
        return whole
    suffix = f" (length {len(value)})"
    budget = max_chars - len(suffix) - len(opening) - len(closing) - len(", " + ELLIPSIS)
    shown: list[str] = []
    used = 0
    for item in value:
        text = describe_value(item, max(budget // 2, 20))
        if shown and used + len(text) + 2 > budget:
            break
        shown.append(text)
        used += len(text) + 2
        if used > budget:
            break
    return f"{opening}{', '.join(shown)}, {ELLIPSIS}{closing}{suffix}"


def _cut(text: str, max_chars: int) -> str:
    """``text`` shortened at a space or comma (never mid-word), with `` ...`` at the end.

    >>> _cut("one two three four", 14)
    'one two ...'
    """
    if len(text) <= max_chars:
        return text
    room = max_chars - len(" " + ELLIPSIS)
    head = text[: room + 1]
    cut = max(head.rfind(" "), head.rfind(","))
    head = head[: cut if cut > room // 2 else room].rstrip(" ,")
    return f"{head} {ELLIPSIS}"


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
    'hinge_loss([1, -1], [0.5, 2.])'
    """
    parts = [describe_value(a, 160) for a in args]
    parts += [f"{k}={describe_value(v, 160)}" for k, v in kwargs.items()]
    return f"{name}({', '.join(parts)})"
