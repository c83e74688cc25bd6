"""What the kernel and the judge say to each other: framed JSON messages.

A frame is one line of JSON, then the raw bytes of the arrays it refers to (their
lengths are listed in the line under ``"$blobs"``). Values travel as JSON with a few
tagged forms (a one-key object whose key starts with ``$``): tuples, dicts with any keys,
non-finite floats, complex numbers, numpy scalars and arrays (the bytes of ``np.save``,
read back with ``allow_pickle=False``), and references to results kept in the kernel.
Nothing is ever unpickled, so the judge can read what the kernel sends without trusting
it. Without a blob list, arrays are inlined as base64 (handy for tests and doctests).
"""

from __future__ import annotations

import base64
import io
import json
import math
import os
import select
import time
from typing import Any

import numpy as np

ARRAY_KINDS = "biufcUS"
"""The dtype kinds an array may have on the wire (no objects, no records)."""
MAX_BLOB = 1 << 31
"""The largest array, in bytes, a frame may carry."""


class WireError(ValueError):
    """A message could not be encoded or decoded."""


class Ref:
    """A result kept in the kernel (see ``StudentFunction.keep``), known by its number."""

    def __init__(self, number: int) -> None:
        self.number = number

    def __repr__(self) -> str:
        return f"Ref({self.number})"


def _array_bytes(array: np.ndarray) -> bytes:
    if array.dtype.kind not in ARRAY_KINDS:
        raise WireError(f"an array of dtype {array.dtype} cannot be sent")
    buffer = io.BytesIO()
    np.save(buffer, array, allow_pickle=False)
    return buffer.getvalue()


def _array_from(data: bytes) -> np.ndarray:
    try:
        array = np.load(io.BytesIO(data), allow_pickle=False)
    except (ValueError, OSError, EOFError) as error:
        raise WireError(f"unreadable array: {error}") from None
    if not isinstance(array, np.ndarray) or array.dtype.kind not in ARRAY_KINDS:
        raise WireError("an array of an unsupported dtype was sent")
    return array


def _pack(array: np.ndarray, blobs: list[bytes] | None) -> Any:
    data = _array_bytes(array)
    if blobs is None:
        return base64.b64encode(data).decode("ascii")
    blobs.append(data)
    return len(blobs) - 1


def _unpack(body: Any, blobs: list[bytes] | None) -> np.ndarray:
    if isinstance(body, str):
        try:
            return _array_from(base64.b64decode(body, validate=True))
        except ValueError as error:
            raise WireError(f"unreadable array: {error}") from None
    if type(body) is int and blobs is not None and 0 <= body < len(blobs):
        return _array_from(blobs[body])
    raise WireError("an array that is not in the frame")


def encode(value: Any, refs: dict[int, Any] | None = None, blobs: list[bytes] | None = None) -> Any:
    """Turn a value into JSON-ready data; arrays go to ``blobs`` when it is given.

    ``refs`` maps ``id()`` of objects that stand for kernel results to their
    :class:`Ref`; a :class:`Ref` itself is also sent as a reference.

    Examples
    --------
    >>> encode((1, [2.5, None], {"a": True}))
    {'$tuple': [1, [2.5, None], {'$dict': [['a', True]]}]}
    >>> decode(encode(np.arange(3)))
    array([0, 1, 2])
    """
    kind = type(value)
    if value is None or kind in (bool, int, str):
        return value
    if kind is float:
        return value if math.isfinite(value) else {"$float": repr(value)}
    if refs is not None and id(value) in refs:
        return {"$ref": refs[id(value)].number}
    if kind is Ref:
        return {"$ref": value.number}
    if kind is complex:
        return {"$complex": [encode(value.real), encode(value.imag)]}
    if isinstance(value, np.generic):
        return {"$scalar": _pack(np.asarray(value), None)}
    if isinstance(value, np.ndarray):
        return {"$array": _pack(np.asarray(value), blobs)}
    if kind is list:
        return [encode(item, refs, blobs) for item in value]
    if kind is tuple:
        return {"$tuple": [encode(item, refs, blobs) for item in value]}
    if kind is dict:
        return {"$dict": [[encode(k, refs, blobs), encode(v, refs, blobs)] for k, v in value.items()]}
    raise WireError(f"a value of type {kind.__qualname__} cannot be sent")


def decode(data: Any, resolve=None, blobs: list[bytes] | None = None) -> Any:
    """The value :func:`encode` encoded; ``resolve(number)`` turns references into objects.

    Without ``resolve``, references come back as :class:`Ref`.
    """
    if data is None or isinstance(data, bool | int | float | str):
        return data
    if isinstance(data, list):
        return [decode(item, resolve, blobs) for item in data]
    if not isinstance(data, dict) or len(data) != 1:
        raise WireError("malformed value")
    ((tag, body),) = data.items()
    if tag == "$float" and body in ("nan", "inf", "-inf"):
        return float(body)
    if tag == "$tuple" and isinstance(body, list):
        return tuple(decode(item, resolve, blobs) for item in body)
    if tag == "$dict" and isinstance(body, list):
        if not all(isinstance(pair, list) and len(pair) == 2 for pair in body):
            raise WireError("malformed dict")
        try:
            return {decode(k, resolve, blobs): decode(v, resolve, blobs) for k, v in body}
        except TypeError:
            raise WireError("a dict key that cannot be hashed") from None
    if tag == "$complex" and isinstance(body, list) and len(body) == 2:
        parts = [decode(part) for part in body]
        if not all(type(part) is float for part in parts):
            raise WireError("malformed complex number")
        return complex(*parts)
    if tag == "$array":
        return _unpack(body, blobs)
    if tag == "$scalar":
        array = _unpack(body, None)
        if array.ndim != 0:
            raise WireError("a scalar must be 0-dimensional")
        return array[()]
    if tag == "$ref" and type(body) is int:
        return Ref(body) if resolve is None else resolve(body)
    raise WireError(f"unknown tag {tag!r}")


def frame(message: dict, blobs: list[bytes] = ()) -> bytes:
    """One message and its arrays, as the bytes to write."""
    head = {**message, "$blobs": [len(blob) for blob in blobs]}
    line = json.dumps(head, separators=(",", ":"), allow_nan=False).encode("utf-8") + b"\n"
    return b"".join([line, *blobs])


class LineReader:
    """Reads frames from a file descriptor, waiting at most until a deadline."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        self._buffer = bytearray()

    def _fill(self, deadline: float | None) -> bool:
        """Read what is available into the buffer; ``False`` at end of file."""
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError
            ready, _, _ = select.select([self.fd], [], [], left)
            if not ready:
                raise TimeoutError
        chunk = os.read(self.fd, 1 << 20)
        self._buffer.extend(chunk)
        return bool(chunk)

    def read_line(self, deadline: float | None = None) -> bytes | None:
        """The next line, ``None`` at end of file; :class:`TimeoutError` past ``deadline``.

        ``deadline`` is a :func:`time.monotonic` value; ``None`` waits forever.
        """
        while (end := self._buffer.find(b"\n")) < 0:
            if not self._fill(deadline):
                return None
        line = bytes(self._buffer[: end + 1])
        del self._buffer[: end + 1]
        return line

    def read_bytes(self, count: int, deadline: float | None = None) -> bytes | None:
        """Exactly ``count`` bytes, ``None`` if the input ends first."""
        while len(self._buffer) < count:
            if not self._fill(deadline):
                return None
        data = bytes(self._buffer[:count])
        del self._buffer[:count]
        return data

    def read_frame(self, deadline: float | None = None) -> tuple[dict, list[bytes]] | None:
        """The next message and its arrays; ``None`` at end of input.

        Raises
        ------
        WireError
            When the frame is malformed.
        TimeoutError
            Past ``deadline``.
        """
        line = self.read_line(deadline)
        if line is None:
            return None
        try:
            message = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise WireError(f"unreadable message: {error}") from None
        if not isinstance(message, dict):
            raise WireError("a message must be a JSON object")
        sizes = message.pop("$blobs", [])
        if not isinstance(sizes, list) or not all(type(n) is int and 0 <= n <= MAX_BLOB for n in sizes):
            raise WireError("malformed array sizes")
        blobs = []
        for size in sizes:
            blob = self.read_bytes(size, deadline)
            if blob is None:
                return None
            blobs.append(blob)
        return message, blobs
