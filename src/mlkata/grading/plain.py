"""Turn whatever a learner's function returned into plain, trusted data.

Graders never compare the learner's objects themselves: an object may define
``__eq__``, ``__float__`` or ``__array__`` to lie. :func:`to_plain` copies a result
into built-in Python scalars, lists, tuples, dicts and base-class numpy arrays, and
refuses anything else, so every later comparison runs on data the grader owns.
"""

from __future__ import annotations

from typing import Any

import numpy as np

PlainValue = Any
MAX_DEPTH = 16
_NUMPY_SCALARS = tuple(t for t in set(np.sctypeDict.values()) if issubclass(t, np.number | np.bool_))


class NotPlain(TypeError):
    """The value is not something a grader can compare (a custom object, a generator...)."""


def type_name(value: object) -> str:
    kind = type(value)
    module = kind.__module__
    return kind.__qualname__ if module in ("builtins", "numpy") else f"{module}.{kind.__qualname__}"


def to_plain(value: object, _depth: int = 0) -> PlainValue:
    """Copy ``value`` into built-in types and base ``numpy.ndarray``.

    Parameters
    ----------
    value : object
        What a learner's function returned.

    Returns
    -------
    object
        ``None``, ``bool``, ``int``, ``float``, ``complex``, ``str``, a base-class
        numeric or string ``ndarray``, or a ``list``/``tuple``/``dict`` of those.

    Raises
    ------
    NotPlain
        For any other type, including subclasses that could change how comparison works
        and object arrays holding such values.

    Examples
    --------
    >>> to_plain((np.float64(0.5), [1, 2]))
    (0.5, [1, 2])
    >>> class Liar(float):
    ...     def __eq__(self, other):
    ...         return True
    >>> type(to_plain(Liar(3.0)))
    <class 'float'>
    """
    if _depth > MAX_DEPTH:
        raise NotPlain("the result is nested too deeply")
    kind = type(value)
    if value is None or kind in (bool, int, float, complex, str):
        return value
    if kind in _NUMPY_SCALARS:
        return value.item()  # type: ignore[union-attr]
    if isinstance(value, np.ndarray):
        dtype = np.dtype(value.dtype)
        if dtype.kind in "biufc" or dtype.kind in "US":
            return np.array(value, dtype=dtype, copy=True, subok=False)
        if dtype.kind == "O":
            items = [to_plain(item, _depth + 1) for item in value.ravel().tolist()]
            try:
                return np.array(items, dtype=np.float64).reshape(value.shape)
            except (TypeError, ValueError) as error:
                raise NotPlain("an object array that does not hold numbers") from error
        raise NotPlain(f"an array of dtype {dtype}")
    if isinstance(value, bool):  # subclasses of the built-in scalars keep only their value
        return bool(int.__int__(value))
    if isinstance(value, int):
        return int.__int__(value)
    if isinstance(value, float):
        return float.__float__(value)
    if isinstance(value, str):
        return str.__str__(value)
    if isinstance(value, list | tuple):
        items = [to_plain(item, _depth + 1) for item in list.__iter__(list(value))]
        return items if isinstance(value, list) else tuple(items)
    if isinstance(value, dict):
        return {to_plain(k, _depth + 1): to_plain(v, _depth + 1) for k, v in dict.items(value)}
    raise NotPlain(f"an object of type {type_name(value)}")
