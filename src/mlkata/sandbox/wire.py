"""The encoding of messages between the grader and a sandbox worker.

A frame is a fixed header (magic, JSON length, number of binary blobs), the blobs'
lengths, a JSON document and the blobs. Values travel as tagged JSON nodes; an array
travels as its dtype and shape in the node and its raw bytes in a blob, sent from the
array's own memory and received into memory the decoded array then owns (no copy on
either side, which matters for the megabytes of a distance matrix). Nothing is ever
unpickled or parsed but JSON, and :func:`decode` accepts only the plain types graders
compare (``None``, ``bool``, ``int``, ``float``, ``complex``, ``str``, lists, tuples,
dicts and numeric or string arrays), so a hostile worker can send nothing but data,
and never more than the limits allow.

One more kind travels from the grader to a worker only: a function given as data, a
:class:`~.formula.Formula` (``numerical_gradient(f, x)``). It is sent as its program of numpy
steps (an ``X`` node); only the worker decodes it (``decode(..., formulas=True)``), into a
formula of its own that the learner's code calls there. Without ``formulas=True``, as
everywhere in the grader's process, an ``X`` node is refused like any other malformed value.
"""

from __future__ import annotations

import json
import math
import os
import re
import select
import struct
import time
from typing import Any

import numpy as np

from .formula import MAX_STEPS, Formula, checked_steps

MAGIC = b"MLKW"
_HEADER = struct.Struct("!4sII")
_BLOB = struct.Struct("!Q")
_IOV_MAX = 512
"""Buffers per ``writev`` call, well under the system's limit (1024 on Linux)."""

MAX_JSON_BYTES = 32 * 2**20
MAX_BLOBS = 4096
MAX_FRAME_BYTES = 512 * 2**20
MAX_DEPTH = 24
MAX_DIMENSIONS = 32
ARRAY_KINDS = "biufcUS"
_DTYPE = re.compile(r"[<>|=]?[biufcUS][0-9]{1,5}")
"""The ``dtype.str`` of an array :func:`decode` accepts: one plain numeric or string type."""

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


def _array_node(tag: str, array: np.ndarray, blobs: list) -> list:
    """``[tag, blob, dtype, shape]``, the array's bytes appended to ``blobs`` (not copied).

    A read-only array gets a fifth element, ``1``, so that it arrives read-only too: a
    learner's function that writes into its input fails in the sandbox as it does in-process.
    """
    contiguous = array if array.flags.c_contiguous else np.array(array, order="C")  # keeps 0-d arrays 0-d
    blobs.append(memoryview(contiguous.reshape(-1).view(np.uint8)))
    node = [tag, len(blobs) - 1, contiguous.dtype.str, list(contiguous.shape)]
    return [*node, 1] if tag == "A" and not array.flags.writeable else node


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
        return _array_node("G", np.asarray(value), blobs)
    if kind is np.ndarray:
        if value.dtype.kind not in ARRAY_KINDS or value.dtype.names is not None:
            raise WireError(f"an array of dtype {value.dtype} cannot be sent")
        return _array_node("A", value, blobs)
    if kind is Formula:
        steps = [[op, list(ins), encode(data, blobs, owner, _depth + 1)] for op, ins, data in value.steps]
        return ["X", steps, value.name]
    if kind is RemoteRef:
        if owner is not None and value.owner is not owner:
            raise WireError("a kept result can only go back to the process that made it")
        return ["H", value.number]
    raise WireError(f"a value of type {kind.__qualname__} cannot be sent to the sandbox")


def _read_array(rest: list, blobs: list, used: set[int]) -> np.ndarray:
    """The array of an ``A``/``G`` node's ``[blob, dtype, shape(, 1 if read-only)]``, checked.

    Each blob backs one array only: two arrays sharing memory could change each other.
    """
    if len(rest) == 4 and rest[3] == 1:  # sent read-only
        *rest, _ = rest
        read_only = True
    else:
        read_only = False
    if len(rest) != 3:
        raise WireError("a malformed array")
    index, dtype_text, shape = rest
    if type(index) is not int or not 0 <= index < len(blobs) or index in used:
        raise WireError("a malformed array (no such blob)")
    if type(dtype_text) is not str or not _DTYPE.fullmatch(dtype_text):
        raise WireError("an array of a type graders do not compare")
    if type(shape) is not list or len(shape) > MAX_DIMENSIONS:
        raise WireError("a malformed array shape")
    if any(type(n) is not int or n < 0 for n in shape):
        raise WireError("a malformed array shape")
    try:
        dtype = np.dtype(dtype_text)
    except TypeError:
        raise WireError("an array of a type graders do not compare") from None
    if dtype.kind not in ARRAY_KINDS:
        raise WireError("an array of a type graders do not compare")
    blob = blobs[index]
    if math.prod(shape) * dtype.itemsize != len(blob):
        raise WireError("a malformed array (its data does not match its shape)")
    used.add(index)
    if dtype.itemsize == 0:  # "<U0": only empty strings, and no bytes to read them from
        array = np.zeros(shape, dtype)
    else:
        array = np.frombuffer(blob, dtype=dtype).reshape(shape)
        array = array if type(blob) is bytearray else array.copy()  # a read_frame blob becomes the array
    array.flags.writeable = not read_only
    return array


def decode(
    node: Any,
    blobs: list,
    refs: dict | None = None,
    _depth: int = 0,
    _used: set | None = None,
    *,
    formulas: bool = False,
) -> Any:
    """Decode a JSON node made by :func:`encode` into plain values only.

    ``refs`` maps the numbers of kept values to what they stand for; without it a
    reference is refused. Arrays decoded from :func:`read_frame`'s blobs use their memory.
    ``formulas`` (the worker's side only) accepts functions sent as data, as
    :class:`~.formula.Formula` objects; otherwise they are refused.
    """
    if _used is None:
        _used = set()
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
            items = [decode(item, blobs, refs, _depth + 1, _used, formulas=formulas) for item in rest[0]]
            return items if tag == "L" else tuple(items)
        if tag == "D" and len(rest) == 1 and type(rest[0]) is list:
            out = {}
            for pair in rest[0]:
                if type(pair) is not list or len(pair) != 2:
                    raise WireError("a malformed dict")
                key = decode(pair[0], blobs, refs, _depth + 1, _used, formulas=formulas)
                if isinstance(key, list | dict | np.ndarray):
                    raise WireError("an unhashable dict key")
                out[key] = decode(pair[1], blobs, refs, _depth + 1, _used, formulas=formulas)
            return out
        if tag in ("A", "G"):
            array = _read_array(rest, blobs, _used)
            if tag == "G":
                if array.ndim != 0:
                    raise WireError("a malformed scalar")
                return array[()]
            return array
        if tag == "X" and formulas and len(rest) == 2 and type(rest[0]) is list and type(rest[1]) is str:
            return _read_formula(rest[0], rest[1], blobs, _depth, _used)
        if tag == "H" and len(rest) == 1 and type(rest[0]) is int and refs is not None and rest[0] in refs:
            return refs[rest[0]]
    except (ValueError, OverflowError, TypeError) as error:
        raise WireError(f"a malformed value ({error})") from None
    raise WireError(f"a malformed value (tag {tag!r})")


def _read_formula(steps: list, name: str, blobs: list, depth: int, used: set) -> Formula:
    """The formula of an ``X`` node's steps, checked by :func:`.formula.checked_steps`."""
    if len(steps) > MAX_STEPS or len(name) > 200:
        raise WireError("a malformed formula")
    program = []
    for step in steps:
        if type(step) is not list or len(step) != 3 or type(step[1]) is not list:
            raise WireError("a malformed formula step")
        program.append((step[0], tuple(step[1]), decode(step[2], blobs, None, depth + 1, used)))
    try:
        return Formula(checked_steps(program), name)
    except ValueError as error:
        raise WireError(f"a malformed formula ({error})") from None


# --- frames ------------------------------------------------------------------------------------


def frame(message: dict, blobs: list = ()) -> list:
    """The buffers of one frame carrying ``message`` (JSON-able) and ``blobs``, for :func:`write_all`.

    The blobs are not copied: an array's memory is written as it is.
    """
    text = json.dumps(message, separators=(",", ":"), allow_nan=False).encode("utf-8")
    sizes = b"".join(_BLOB.pack(memoryview(blob).nbytes) for blob in blobs)
    return [_HEADER.pack(MAGIC, len(text), len(blobs)) + sizes + text, *blobs]


def write_all(fd: int, data, deadline: float | None = None) -> None:
    """Write ``data`` (bytes, or a list of buffers) to ``fd``.

    With a deadline, ``fd`` must be non-blocking.
    """
    views = [memoryview(part).cast("B") for part in ([data] if isinstance(data, bytes | bytearray) else data)]
    views = [view for view in views if view.nbytes]
    poller = None
    while views:
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
            written = os.writev(fd, views[:_IOV_MAX])
        except BlockingIOError:
            continue
        except (BrokenPipeError, ConnectionResetError):
            raise Closed("the channel is closed") from None
        while written:
            if written >= views[0].nbytes:
                written -= views.pop(0).nbytes
            else:
                views[0], written = views[0][written:], 0


def _read_into(fd: int, buffer: bytearray, deadline: float | None, poller) -> bytearray:
    view, filled = memoryview(buffer), 0
    while filled < len(buffer):
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise Timeout("no answer in time")
            if not poller.poll(remaining * 1000):
                continue
        try:
            count = os.readv(fd, [view[filled:]])
        except BlockingIOError:
            continue
        except ConnectionResetError:
            count = 0
        if not count:
            raise Closed("the channel is closed")
        filled += count
    return buffer


def read_frame(fd: int, deadline: float | None = None, max_bytes: int = MAX_FRAME_BYTES) -> tuple[dict, list]:
    """Read one frame; refuse anything malformed or larger than ``max_bytes``.

    The blobs come back as ``bytearray`` objects, which :func:`decode` turns into arrays
    without copying them.
    """
    poller = None
    if deadline is not None:
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLHUP)
    magic, length, count = _HEADER.unpack(_read_into(fd, bytearray(_HEADER.size), deadline, poller))
    if magic != MAGIC or length > MAX_JSON_BYTES or count > MAX_BLOBS:
        raise WireError("a malformed frame header")
    if length > max_bytes:
        raise WireError("a frame larger than the limit")
    head = _read_into(fd, bytearray(count * _BLOB.size + length), deadline, poller)
    sizes = [size for (size,) in _BLOB.iter_unpack(head[: count * _BLOB.size])]
    if length + sum(sizes) > max_bytes:
        raise WireError(f"more than {max_bytes // 2**20} MB of data in one answer")
    blobs = [_read_into(fd, bytearray(size), deadline, poller) for size in sizes]
    try:
        message = json.loads(head[count * _BLOB.size :].decode("utf-8"))
    except (ValueError, RecursionError) as error:
        raise WireError(f"a malformed frame ({type(error).__name__})") from None
    if type(message) is not dict:
        raise WireError("a malformed frame")
    return message, blobs
