"""The reference-answer store: every answer a reference gave, kept across runs and shipped.

Graders draw their inputs from fixed seeds, so a reference (scikit-learn, SciPy, nltk...)
gives the same answers on every run. :func:`mlkata.grading.memo.cached_reference` looks an
answer up here before calling the reference, so that a grading run imports a reference
library only when an answer is missing (graders import them lazily:
:mod:`mlkata.grading.references`). An answer is keyed by

- the reference: its qualified name, the text of its source file and what its closure holds
  (other functions by their file and name, lazy references by their dotted name, data by
  content), and the text of every module of :mod:`mlkata.grading` (edit any and every key
  changes: a stale answer is never read);
- the versions of the reference libraries those files import (a library that is not
  installed counts at the version the shipped answers were made with);
- the inputs' content (:func:`mlkata.grading.memo.fingerprint`).

Two SQLite files hold answers: the one shipped in the package (``mlkata/answers.sqlite3``,
written by ``mlkata dev answers`` from the real libraries, read-only otherwise, and checked
against live calls by the test suite), then ``answers.sqlite3`` in the user's data folder
(``MLKATA_DATA_DIR``), filled as answers are computed. ``MLKATA_ANSWERS=off`` turns the store
off; ``MLKATA_ANSWERS=verify`` computes every answer live and fails on one the store holds
otherwise; ``MLKATA_ANSWERS=record`` reads nothing and writes every answer computed;
``MLKATA_ANSWERS_WRITE=FILE`` writes new answers to FILE instead of the data folder.
"""

from __future__ import annotations

import ast
import base64
import dataclasses
import functools
import hashlib
import json
import os
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from mlkata.grading.content import LIBRARIES, fingerprint, library_version

SHIPPED = Path(__file__).resolve().parents[1] / "answers.sqlite3"
ENCODING = 1
"""The version of :func:`encode`'s format, part of every key: a user's store outlives mlkata
versions, and a row written in another format must never be read as this one's."""
"""The answers shipped in the package (made by ``mlkata dev answers``)."""

_SCHEMA = "CREATE TABLE IF NOT EXISTS answers (key TEXT PRIMARY KEY, answer BLOB NOT NULL);"

LARGEST = 64_000
"""Bytes an answer may take, compressed, to be kept (a larger one is computed each time). It is
the compressed size that counts: a one-hot matrix of 5 x 100,000 is 5 MB of JSON and 8 kB kept."""
_META = "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);"


class Unstorable(Exception):
    """An answer or a reference that cannot be written as data (it is then computed each time)."""


# --- answers as JSON -------------------------------------------------------------------------


def encode(value: Any) -> Any:
    """``value`` as JSON data, exactly (arrays and numpy scalars by dtype and bytes).

    Examples
    --------
    >>> decode(json.loads(json.dumps(encode((1.5, np.arange(3), {"a": np.float32(2)})))))
    (1.5, array([0, 1, 2]), {'a': np.float32(2.0)})
    >>> encode(object())
    Traceback (most recent call last):
    ...
    mlkata.grading.answers.Unstorable: object
    """
    if isinstance(value, np.ndarray | np.generic):
        array = np.asarray(value)
        if array.dtype.hasobject:
            raise Unstorable("an array of objects")
        data = base64.b64encode(np.ascontiguousarray(array).tobytes()).decode("ascii")
        tag = "array" if isinstance(value, np.ndarray) else "scalar"
        return {tag: [array.dtype.str, list(array.shape), data]}
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if np.isfinite(value) else {"float": repr(value)}
    if isinstance(value, tuple | list):
        return {type(value).__name__: [encode(item) for item in value]}
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {"dict": {k: encode(v) for k, v in value.items()}}
    raise Unstorable(type(value).__name__)


def decode(data: Any) -> Any:
    """The value :func:`encode` wrote."""
    if not isinstance(data, dict):
        return data
    ((tag, body),) = data.items()
    if tag in ("array", "scalar"):
        dtype, shape, raw = body
        array = np.frombuffer(base64.b64decode(raw), dtype=np.dtype(dtype)).reshape(shape).copy()
        return array if tag == "array" else array[()]
    if tag == "float":
        return float(body)
    if tag == "tuple":
        return tuple(decode(item) for item in body)
    if tag == "list":
        return [decode(item) for item in body]
    return {k: decode(v) for k, v in body.items()}


# --- what a reference is ------------------------------------------------------------------------


@functools.cache
def _file(path: str) -> tuple[str, frozenset[str]]:
    """The digest of a source file's text, and the reference libraries it imports."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        raise Unstorable(f"no source file {path}") from None
    roots = set()
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            roots |= {a.name.partition(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.partition(".")[0])
    return hashlib.sha256(text.encode()).hexdigest(), frozenset(roots & set(LIBRARIES))


@functools.cache
def grading_code() -> str:
    """A digest of every module of :mod:`mlkata.grading`: part of every key."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for path in sorted(here.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _describe(value: Any, roots: set[str], depth: int = 0) -> str:
    """A stable text for what a reference's closure holds (and the libraries it brings)."""
    if depth > 4:
        raise Unstorable("a closure nested too deep")
    if isinstance(getattr(type(value), "dotted", None), property):  # a LazyReference
        roots.add(value.dotted.partition(".")[0])
        return f"lazy:{value.dotted}"
    code = getattr(value, "__code__", None)
    if code is not None:
        digest, imported = _file(code.co_filename)
        roots |= imported
        cells = [_describe(cell.cell_contents, roots, depth + 1) for cell in value.__closure__ or ()]
        return f"function:{digest}:{value.__qualname__}({','.join(cells)})"
    module = getattr(value, "__module__", None) or ""
    if module.partition(".")[0] in LIBRARIES and hasattr(value, "__qualname__"):
        roots.add(module.partition(".")[0])
        return f"object:{module}.{value.__qualname__}"
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = [_describe(getattr(value, f.name), roots, depth + 1) for f in dataclasses.fields(value)]
        return f"{type(value).__qualname__}({','.join(fields)})"
    printed = fingerprint(value)
    if printed is None:
        raise Unstorable(type(value).__name__)
    return printed.hex()


def namespace(function: Callable[..., Any]) -> tuple[str, frozenset[str]] | None:
    """What names ``function``'s answers in the store, and the libraries it may use.

    ``None`` when the function is not from a source file, or holds what cannot be described.

    Examples
    --------
    >>> namespace(lambda x: x) is None  # a doctest has no source file
    True
    """
    roots: set[str] = set()
    try:
        described = _describe(function, roots)
    except Unstorable:
        return None
    text = f"{grading_code()}|{described}"
    return hashlib.sha256(text.encode()).hexdigest(), frozenset(roots)


def same(a: Any, b: Any) -> bool:
    """Whether two answers agree: same structure, numbers equal to 1e-9 (NaN equals NaN).

    Examples
    --------
    >>> same((1.0, np.array([np.nan, 2.0])), (1.0 + 1e-12, np.array([np.nan, 2.0])))
    True
    >>> same([1.0], (1.0,)), same({"a": 1}, {"a": 2})
    (False, False)
    """
    if type(a) is not type(b) and not (
        isinstance(a, np.generic | float) and isinstance(b, np.generic | float)
    ):
        return False
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, np.ndarray | np.generic | float | int) and not isinstance(a, bool):
        x, y = np.asarray(a), np.asarray(b)
        if x.shape != y.shape or x.dtype.kind != y.dtype.kind:
            return False
        if x.dtype.kind in "fc":
            return bool(np.allclose(x, y, rtol=1e-9, atol=1e-12, equal_nan=True))
        return bool(np.array_equal(x, y))
    return a == b


# --- the two files ------------------------------------------------------------------------------


def _connect(path: Path, *, write: bool) -> sqlite3.Connection | None:
    try:
        if write:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=2.0, isolation_level=None)
            connection.execute(_SCHEMA)
            connection.execute(_META)
        else:
            if not path.is_file():
                return None
            connection = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        return connection
    except sqlite3.Error:
        return None


class AnswerStore:
    """The shipped answers, then the user's; :meth:`put` writes to the user's (or ``write_to``)."""

    def __init__(self, shipped: Path = SHIPPED, user: Path | None = None) -> None:
        self.shipped = _connect(shipped, write=False)
        self.user_path = user
        self._user: sqlite3.Connection | None = None
        self.shipped_versions: dict[str, str] = {}
        if self.shipped is not None:
            try:
                rows = self.shipped.execute("SELECT name, value FROM meta").fetchall()
                self.shipped_versions = dict(rows)
            except sqlite3.Error:
                self.shipped = None

    def _user_db(self) -> sqlite3.Connection | None:
        if self._user is None and self.user_path is not None:
            self._user = _connect(self.user_path, write=True)
        return self._user

    def versions(self, roots: frozenset[str]) -> str:
        """The versions of the libraries ``roots``: installed, else the shipped answers' own."""
        found = []
        for root in sorted(roots):
            found.append(f"{root}={library_version(root) or self.shipped_versions.get(root, 'missing')}")
        return ";".join(found)

    def get(self, key: str) -> tuple[bool, Any]:
        """``(True, answer)`` when a file holds ``key``, else ``(False, None)``."""
        for connection in (self.shipped, self._user_db()):
            if connection is None:
                continue
            try:
                row = connection.execute("SELECT answer FROM answers WHERE key = ?", (key,)).fetchone()
            except sqlite3.Error:
                continue
            if row is None:
                continue
            try:
                return True, decode(json.loads(zlib.decompress(row[0])))
            except (TypeError, ValueError, KeyError, AttributeError, IndexError, zlib.error):
                continue  # a row some other version of mlkata wrote: computed again, then replaced
        return False, None

    def put(self, key: str, answer: Any, roots: frozenset[str]) -> None:
        """Keep ``answer`` (best effort: a store that cannot be written never stops grading)."""
        connection = self._user_db()
        if connection is None:
            return
        try:
            text = json.dumps(encode(answer), separators=(",", ":"))
        except Unstorable:
            return
        try:
            blob = zlib.compress(text.encode("ascii"), 6)
            if len(blob) > LARGEST:
                return
            connection.execute("INSERT OR REPLACE INTO answers VALUES (?, ?)", (key, blob))
            for root in roots:
                installed = library_version(root)
                if installed:
                    connection.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (root, installed))
        except sqlite3.Error:
            pass


def mode() -> str:
    """``MLKATA_ANSWERS``: ``on`` (the default), ``off``, ``verify`` or ``record``."""
    return os.environ.get("MLKATA_ANSWERS", "on").strip().lower() or "on"


@functools.cache
def _store_for(write_to: str, data: str) -> AnswerStore:
    if write_to:
        return AnswerStore(user=Path(write_to))
    return AnswerStore(user=Path(data) / "answers.sqlite3" if data else None)


def store() -> AnswerStore:
    """The store this process uses, as the environment says (one per setting)."""
    write_to = os.environ.get("MLKATA_ANSWERS_WRITE", "")
    data = os.environ.get("MLKATA_DATA_DIR", "")
    if not data and not write_to:
        import platformdirs

        data = platformdirs.user_data_dir("mlkata", appauthor=False)
    return _store_for(write_to, data)


def key_of(space: str, versions: str, inputs: bytes) -> str:
    """The key of one answer: the reference's namespace, the libraries' versions, the inputs.

    Examples
    --------
    >>> len(key_of("ns", "scipy=1.14.0", b"inputs"))
    40
    """
    text = f"{ENCODING}|{space}|{versions}|"
    return hashlib.blake2b(text.encode() + inputs, digest_size=20).hexdigest()


def call(reference: Any, args: tuple, kwargs: dict) -> Any:
    """Call a lazy reference (``reference.dotted``) on ``args``: its stored answer, else a live call.

    A library function called directly by a grader (``sklearn_mse(y, p)``) is a reference too:
    its answers are keyed by its dotted name, its library's version and the inputs. An answer
    that cannot be written as data (an estimator, a result object) is computed each time.
    """
    how = mode()
    inputs = fingerprint(*args, **kwargs) if how != "off" else None
    if inputs is None:
        return reference.resolve()(*args, **kwargs)
    dotted = reference.dotted
    root = frozenset({dotted.partition(".")[0]})
    where = store()
    key = key_of(f"call:{dotted}", where.versions(root), inputs)
    found, answer = (False, None) if how == "record" else where.get(key)
    if found and how != "verify":
        return answer
    live = reference.resolve()(*args, **kwargs)
    if found and not same(answer, live):
        raise AssertionError(f"{dotted}: the stored answer {answer!r} is not the live {live!r}")
    if not found:
        where.put(key, live, root)
    return live
