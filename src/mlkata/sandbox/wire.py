"""The encoding of messages between the grader and a sandbox worker.

A frame is a fixed header (magic, JSON length, number of binary blobs), a JSON document
and the blobs, each length-prefixed. Values travel as tagged JSON nodes; arrays travel
as ``.npy`` blobs read back with ``allow_pickle=False``. Nothing is ever unpickled, and
:func:`decode` accepts only the plain types graders compare (``None``, ``bool``, ``int``,
``float``, ``complex``, ``str``, lists, tuples, dicts and numeric or string arrays), so a
hostile worker can send nothing but data, and never more than the limits allow.
"""

from __future__ import annotations

import io
import json
import os
import select
import struct
import time
from typing import Any

import numpy as np

MAGIC = b"MLKW"
_HEADER = struct.Struct("!4sII")
_BLOB = struct.Struct("!Q")

MAX_JSON_BYTES = 32 * 2**20
MAX_BLOBS = 4096
MAX_FRAME_BYTES = 512 * 2**20
MAX_DEPTH = 24
ARRAY_KINDS = "biufcUS"

_NUMPY_SCALARS = tuple(t for t in set(np.sctypeDict.values()) if issubclass(t, np.number | np.bool_))


class WireError(Exception):
    """A frame or value that breaks the protocol (malformed, too big, wrong types)."""


class Timeout(WireError):
    """The other side did not answer in time."""


class Closed(WireError):
    """The other side closed the channel (the worker exited or died)."""


class RemoteRef:
    """A value kept in a worker, named by its number there."""

    __slots__ = ("number", "owner")

    def __init__(self, number: int, owner: object) -> None:
        self.number = number
        self.owner = owner


# --- values ----------------------------------------------------------------------------------


def _array_bytes(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    contiguous = array if array.flags.c_contiguous else np.array(array, order="C")  # keeps 0-d arrays 0-d
    np.lib.format.write_array(buffer, contiguous, allow_pickle=False)
    return buffer.getvalue()


def encode(value: Any, blobs: list[bytes], owner: object = None, _depth: int = 0) -> list:
    """Encode a plain value as a JSON node, appending array data to ``blobs``.

    ``owner`` is the channel a :class:`RemoteRef` must belong to to be sent.
    """
    if _depth > MAX_DEPTH:
        raise WireError("the value is nested too deeply")
    kind = type(value)
    if value is None:
        return ["N"]
    if kind is bool:
        return ["B", int(value)]
    if kind is int:
        return ["I", str(value)]
    if kind is float:
        return ["F", float.hex(value)]
    if kind is complex:
        return ["C", float.hex(value.real), float.hex(value.imag)]
    if kind is str:
        return ["S", value]
    if kind is list or kind is tuple:
        return ["L" if kind is list else "T", [encode(v, blobs, owner, _depth + 1) for v in value]]
    if kind is dict:
        return [
            "D",
            [
                [encode(k, blobs, owner, _depth + 1), encode(v, blobs, owner, _depth + 1)]
                for k, v in value.items()
            ],
        ]
    if kind in _NUMPY_SCALARS:
        blobs.append(_array_bytes(np.asarray(value)))
        return ["G", len(blobs) - 1]
    if kind is np.ndarray:
        if value.dtype.kind not in ARRAY_KINDS or value.dtype.names is not None:
            raise WireError(f"an array of dtype {value.dtype} cannot be sent")
        blobs.append(_array_bytes(value))
        return ["A", len(blobs) - 1]
    if kind is RemoteRef:
        if owner is not None and value.owner is not owner:
            raise WireError("a kept result can only go back to the process that made it")
        return ["H", value.number]
    raise WireError(f"a value of type {kind.__qualname__} cannot be sent to the sandbox")


def _read_array(blob: bytes) -> np.ndarray:
    try:
        array = np.lib.format.read_array(io.BytesIO(blob), allow_pickle=False)
    except Exception as error:  # any malformed .npy is a protocol error
        raise WireError(f"a malformed array ({type(error).__name__})") from None
    if type(array) is not np.ndarray or array.dtype.kind not in ARRAY_KINDS or array.dtype.names is not None:
        raise WireError("an array of a type graders do not compare")
    return np.array(array, copy=True)


def decode(node: Any, blobs: list[bytes], refs: dict | None = None, _depth: int = 0) -> Any:
    """Decode a JSON node made by :func:`encode` into plain values only.

    ``refs`` maps the numbers of kept values to what they stand for; without it a
    reference is refused.
    """
    if _depth > MAX_DEPTH:
        raise WireError("the value is nested too deeply")
    if type(node) is not list or not node or type(node[0]) is not str:
        raise WireError("a malformed value")
    tag, rest = node[0], node[1:]
    try:
        if tag == "N" and not rest:
            return None
        if tag == "B" and len(rest) == 1 and rest[0] in (0, 1):
            return bool(rest[0])
        if tag == "I" and len(rest) == 1 and type(rest[0]) is str and len(rest[0]) <= 4000:
            return int(rest[0])
        if tag == "F" and len(rest) == 1 and type(rest[0]) is str:
            return float.fromhex(rest[0])
        if tag == "C" and len(rest) == 2 and all(type(r) is str for r in rest):
            return complex(float.fromhex(rest[0]), float.fromhex(rest[1]))
        if tag == "S" and len(rest) == 1 and type(rest[0]) is str:
            return rest[0]
        if tag in ("L", "T") and len(rest) == 1 and type(rest[0]) is list:
            items = [decode(item, blobs, refs, _depth + 1) for item in rest[0]]
            return items if tag == "L" else tuple(items)
        if tag == "D" and len(rest) == 1 and type(rest[0]) is list:
            out = {}
            for pair in rest[0]:
                if type(pair) is not list or len(pair) != 2:
                    raise WireError("a malformed dict")
                key = decode(pair[0], blobs, refs, _depth + 1)
                if isinstance(key, list | dict | np.ndarray):
                    raise WireError("an unhashable dict key")
                out[key] = decode(pair[1], blobs, refs, _depth + 1)
            return out
        if tag in ("A", "G") and len(rest) == 1 and type(rest[0]) is int and 0 <= rest[0] < len(blobs):
            array = _read_array(blobs[rest[0]])
            if tag == "G":
                if array.ndim != 0:
                    raise WireError("a malformed scalar")
                return array[()]
            return array
        if tag == "H" and len(rest) == 1 and type(rest[0]) is int and refs is not None and rest[0] in refs:
            return refs[rest[0]]
    except (ValueError, OverflowError, TypeError) as error:
        raise WireError(f"a malformed value ({error})") from None
    raise WireError(f"a malformed value (tag {tag!r})")


# --- frames ------------------------------------------------------------------------------------


def frame(message: dict, blobs: list[bytes] = ()) -> bytes:
    """The bytes of one frame carrying ``message`` (JSON-able) and ``blobs``."""
    text = json.dumps(message, separators=(",", ":"), allow_nan=False).encode("utf-8")
    parts = [_HEADER.pack(MAGIC, len(text), len(blobs)), text]
    for blob in blobs:
        parts += [_BLOB.pack(len(blob)), blob]
    return b"".join(parts)


def write_all(fd: int, data: bytes, deadline: float | None = None) -> None:
    """Write ``data`` to ``fd``; with a deadline, ``fd`` must be non-blocking."""
    view = memoryview(data)
    poller = None
    while view:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Timeout("the worker stopped reading")
            if poller is None:
                poller = select.poll()
                poller.register(fd, select.POLLOUT)
            if not poller.poll(remaining * 1000):
                continue
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            continue
        except (BrokenPipeError, ConnectionResetError):
            raise Closed("the channel is closed") from None
        view = view[written:]


def _read_exact(fd: int, size: int, deadline: float | None, poller) -> bytes:
    chunks = []
    while size:
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Timeout("no answer in time")
            if not poller.poll(remaining * 1000):
                continue
        try:
            chunk = os.read(fd, min(size, 1 << 20))
        except BlockingIOError:
            continue
        except ConnectionResetError:
            chunk = b""
        if not chunk:
            raise Closed("the channel is closed")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def read_frame(fd: int, deadline: float | None = None, max_bytes: int = MAX_FRAME_BYTES) -> tuple[dict, list]:
    """Read one frame; refuse anything malformed or larger than ``max_bytes``."""
    poller = None
    if deadline is not None:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP)
    magic, length, count = _HEADER.unpack(_read_exact(fd, _HEADER.size, deadline, poller))
    if magic != MAGIC or length > MAX_JSON_BYTES or count > MAX_BLOBS:
        raise WireError("a malformed frame header")
    total = length
    if total > max_bytes:
        raise WireError("a frame larger than the limit")
    text = _read_exact(fd, length, deadline, poller)
    blobs = []
    for _ in range(count):
        (size,) = _BLOB.unpack(_read_exact(fd, _BLOB.size, deadline, poller))
        total += size
        if total > max_bytes:
            raise WireError(f"more than {max_bytes // 2**20} MB of data in one answer")
        blobs.append(_read_exact(fd, size, deadline, poller))
    try:
        message = json.loads(text.decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise WireError(f"a malformed frame ({type(error).__name__})") from None
    if type(message) is not dict:
        raise WireError("a malformed frame")
    return message, blobs
