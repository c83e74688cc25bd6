"""What the answer store is keyed by: the inputs' content, and the reference libraries' versions.

The bottom of the reference machinery: :mod:`mlkata.grading.answers` (the store),
:mod:`mlkata.grading.memo` (``@cached_reference``) and :mod:`mlkata.grading.references`
(lazy imports) build on it.
"""

from __future__ import annotations

import hashlib
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import numpy as np

LIBRARIES = {
    "sklearn": "scikit-learn",
    "scipy": "scipy",
    "nltk": "nltk",
    "shapely": "shapely",
    "mlxtend": "mlxtend",
}
"""The reference libraries graders import lazily: top-level module -> distribution name."""


def library_version(root: str) -> str | None:
    """The installed version of reference library ``root`` (``None`` when it is not installed).

    Read from the package metadata: the library is not imported.

    Examples
    --------
    >>> library_version("numpy") is None  # not a reference library
    True
    >>> isinstance(library_version("scipy"), str)
    True
    """
    if root not in LIBRARIES:
        return None
    try:
        return version(LIBRARIES[root])
    except PackageNotFoundError:
        return None


class _Uncacheable(Exception):
    """An argument whose content cannot be fingerprinted (the call is then made as is)."""


def _feed(hasher: Any, value: Any) -> None:
    if isinstance(value, np.ndarray | np.generic):
        array = np.asarray(value)
        if array.dtype.hasobject:
            raise _Uncacheable
        hasher.update(f"A{array.dtype.str}{array.shape}".encode())
        hasher.update(np.ascontiguousarray(array).tobytes())
    elif value is None or isinstance(value, bool | int | float | complex | str | bytes):
        hasher.update(f"S{type(value).__name__}:{value!r};".encode())
    elif isinstance(value, list | tuple):
        hasher.update(f"L{type(value).__name__}{len(value)}(".encode())
        for item in value:
            _feed(hasher, item)
        hasher.update(b")")
    elif isinstance(value, dict):
        hasher.update(f"D{len(value)}(".encode())
        for key in sorted(value, key=repr):
            _feed(hasher, key)
            _feed(hasher, value[key])
        hasher.update(b")")
    else:
        raise _Uncacheable


def fingerprint(*args: Any, **kwargs: Any) -> bytes | None:
    """A digest of the arguments' content, or ``None`` when one cannot be read as data.

    Examples
    --------
    >>> fingerprint(np.arange(3.0)) == fingerprint(np.array([0.0, 1.0, 2.0]))
    True
    >>> fingerprint(np.arange(3.0)) == fingerprint(np.arange(3))  # another dtype
    False
    >>> fingerprint([1, 2]) == fingerprint((1, 2))
    False
    >>> fingerprint(object()) is None
    True
    """
    hasher = hashlib.blake2b(digest_size=20)
    try:
        _feed(hasher, (args, kwargs))
    except _Uncacheable:
        return None
    return hasher.digest()
