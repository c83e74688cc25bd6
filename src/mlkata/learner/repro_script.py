"""The standalone script ``mlkata repro`` writes: a failed call, rebuilt bit for bit, numpy only.

Every value is written so that the script rebuilds exactly what the grader passed: a small
array as ``np.array([...], dtype=...)`` of Python literals (``repr`` of a float round-trips
exactly), checked by rebuilding it here; bytes from hex (``np.frombuffer``) when a literal would
not be exact (an odd NaN); an ``.npy`` file beside the script when it is large. Read-only arrays
are made read-only again, Fortran-ordered ones Fortran-ordered.

Examples
--------
>>> encoder = Encoder("repro_mse")
>>> encoder.expression(np.array([0.1, -2.5], dtype=np.float32), "y")
"np.array([0.10000000149011612, -2.5], dtype='float32')"
>>> encoder.expression([1, 2.0, float("nan")], "x")
"[1, 2.0, float('nan')]"
>>> encoder.expression(np.arange(100), "big")
"np.load(HERE / 'repro_mse_big.npy')"
"""

from __future__ import annotations

import ast
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

LITERAL_LIMIT = 64
"""Arrays (and lists of numbers) with more values than this go to an ``.npy`` file beside the script."""


class Unreproducible(Exception):
    """A value a standalone script cannot rebuild (a fitted model of the learner's, say)."""


def _float(x: float) -> str:
    if math.isnan(x):
        return "float('nan')"
    if math.isinf(x):
        return "float('inf')" if x > 0 else "-float('inf')"
    return repr(x)


def _element(x: Any) -> str:
    """A Python literal of one value of ``ndarray.tolist()``; nan and inf spelled as numpy's."""
    if isinstance(x, list):
        return "[" + ", ".join(_element(v) for v in x) + "]"
    if isinstance(x, float):
        return (
            "np.nan"
            if math.isnan(x)
            else ("np.inf" if x == math.inf else "-np.inf" if x == -math.inf else repr(x))
        )
    return repr(x)


def identical(a: Any, b: Any) -> bool:
    """Whether ``a`` and ``b`` are the same values, types and bits (arrays: dtype, shape, flags).

    >>> identical([1.0, np.float32(2)], [1.0, np.float32(2)]), identical([1.0], [1])
    (True, False)
    >>> identical(0.0, -0.0), identical(float("nan"), float("nan"))
    (False, True)
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, np.ndarray):
        return (
            a.dtype == b.dtype
            and a.shape == b.shape
            and a.flags.writeable == b.flags.writeable
            and (a.flags.c_contiguous or not a.flags.f_contiguous)
            == (b.flags.c_contiguous or not b.flags.f_contiguous)
            and (a.dtype.hasobject or a.tobytes() == b.tobytes())
            and (not a.dtype.hasobject or identical(a.tolist(), b.tolist()))
        )
    if isinstance(a, np.generic):
        return a.dtype == b.dtype and np.asarray(a).tobytes() == np.asarray(b).tobytes()
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(identical(a[k], b[k]) for k in a)
    return a == b


def _count(value: Any) -> int:
    if isinstance(value, np.ndarray):
        return int(value.size)
    if isinstance(value, list | tuple):
        return sum(_count(v) for v in value)
    if isinstance(value, dict):
        return sum(_count(v) for v in value.values())
    return 1


def size_of(args: tuple, kwargs: dict) -> int:
    """How many values a call's arguments hold (what shrinking makes smaller).

    >>> size_of((np.zeros((3, 2)), [1, 2]), {"eps": 0.1})
    9
    """
    return _count(list(args)) + _count(list(kwargs.values()))


@dataclass
class Encoder:
    """Writes values as Python expressions; large arrays are kept in :attr:`files` (name -> array)."""

    stem: str
    files: dict[str, np.ndarray] = field(default_factory=dict)
    needs_read_only: bool = False

    def expression(self, value: Any, name: str) -> str:
        """An expression rebuilding ``value`` exactly (``np``, ``HERE`` and ``read_only`` in scope)."""
        text = self._expression(value, name)
        if "np.load" not in text:  # an array kept in a file is checked when it is saved
            rebuilt = eval(text, {"np": np, "read_only": _read_only})  # our own literal, just written
            if not identical(rebuilt, value):
                raise Unreproducible(f"{name} cannot be written exactly ({type(value).__name__})")
        return text

    def _expression(self, value: Any, name: str) -> str:
        from mlkata.grading.proxy import Handle

        if isinstance(value, Handle):
            raise Unreproducible(
                f"{name} is the result of an earlier call of your code ({value.made_by}), "
                "which a standalone script cannot rebuild"
            )
        if isinstance(value, np.ndarray):
            return self._array(value, name)
        if isinstance(value, np.generic):
            if value.dtype.hasobject:
                raise Unreproducible(f"{name} is a numpy object scalar")
            return f"np.{type(value).__name__}({self._array(np.asarray(value), name)})"
        if isinstance(value, float):
            return _float(value)
        if value is None or isinstance(value, bool | int | str | bytes):
            return repr(value)
        if isinstance(value, list | tuple):
            if _count(value) > LITERAL_LIMIT and _rectangular(value):
                array = np.asarray(value)
                self._save(array, name)
                return f"np.load(HERE / {self.stem + '_' + name + '.npy'!r}).tolist()"
            parts = [self._expression(v, f"{name}_{i}") for i, v in enumerate(value)]
            if isinstance(value, tuple):
                return "(" + ", ".join(parts) + ("," if len(parts) == 1 else "") + ")"
            return "[" + ", ".join(parts) + "]"
        if isinstance(value, dict) and all(isinstance(k, str | int) for k in value):
            return (
                "{"
                + ", ".join(f"{k!r}: {self._expression(v, f'{name}_{k}')}" for k, v in value.items())
                + "}"
            )
        raise Unreproducible(f"{name} is a {type(value).__name__}, which a standalone script cannot rebuild")

    def _array(self, array: np.ndarray, name: str) -> str:
        if array.dtype.hasobject:
            raise Unreproducible(f"{name} is an array of Python objects")
        if array.size > LITERAL_LIMIT:
            self._save(array, name)
            text = f"np.load(HERE / {self.stem + '_' + name + '.npy'!r})"
        else:
            text = self._small(array)
            if array.flags.f_contiguous and not array.flags.c_contiguous:
                text = f"np.asfortranarray({text})"
        if not array.flags.writeable:
            self.needs_read_only = True
            text = f"read_only({text})"
        return text

    def _small(self, array: np.ndarray) -> str:
        dtype = str(array.dtype) if array.dtype.byteorder in "=|" else array.dtype.str
        text = f"np.array({_element(array.tolist())}, dtype={dtype!r})"
        rebuilt = eval(text, {"np": np})  # our own literal, just written
        if (
            rebuilt.dtype == array.dtype
            and rebuilt.shape == array.shape
            and rebuilt.tobytes() == array.tobytes()
        ):
            return text
        hexed = array.tobytes().hex()
        dtype = array.dtype.str
        return f"np.frombuffer(bytes.fromhex({hexed!r}), dtype={dtype!r}).reshape({array.shape}).copy()"

    def _save(self, array: np.ndarray, name: str) -> None:
        file = f"{self.stem}_{name}.npy"
        if file in self.files:
            raise Unreproducible(f"two values would share the file {file}")
        self.files[file] = array


def _rectangular(value: list | tuple) -> bool:
    """Whether a list of numbers comes back identical from ``np.asarray(value).tolist()``."""
    try:
        array = np.asarray(value)
    except (ValueError, TypeError):
        return False
    return array.dtype.kind in "biuf" and isinstance(value, list) and identical(array.tolist(), value)


def _read_only(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


def write_files(encoder: Encoder, folder: Path) -> list[Path]:
    """Save the encoder's large arrays beside the script; the paths written."""
    written = []
    for file, array in encoder.files.items():
        path = folder / file
        np.save(path, array, allow_pickle=False)
        if not identical(np.load(path, allow_pickle=False), np.array(array, copy=True)):
            raise Unreproducible(f"{file} does not load back exactly")
        written.append(path)
    return written


def parameter_names(path: Path, function: str) -> list[str]:
    """The positional parameter names of ``function`` in the file ``path`` (``[]`` when unknown).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     file = Path(folder) / "m.py"
    ...     _ = file.write_text("def f(y_true, y_pred, *, eps=1e-9):\\n    pass\\n")
    ...     parameter_names(file, "f")
    ['y_true', 'y_pred']
    """
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"))
    except (OSError, SyntaxError, ValueError, UnicodeDecodeError):
        return []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == function:
            return [a.arg for a in (*node.args.posonlyargs, *node.args.args)]
    return []
