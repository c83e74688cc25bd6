"""Calling a learner's function and recording what happened: the one way, everywhere.

:func:`call_and_record` is used in-process (:class:`mlkata.grading.proxy.StudentFunction`) and
in the sandbox worker (:mod:`mlkata.sandbox.worker`), so that both record the same things the
same way: the value, or the exception's class name, message and the learner's own frames, and
the warnings. A :class:`Call` crosses the sandbox's wire as :meth:`Call.reply` (a plain dict)
and is read back on the grader's side by :meth:`Call.from_reply`, which trusts nothing in it.

Standard library only: the worker imports this module inside the sandbox.
"""

from __future__ import annotations

import os
import time
import traceback
import warnings
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

MAX_TEXT = 4000
"""Characters of any text a call records (a message, a traceback, a warning)."""
MAX_WARNINGS = 20
"""Warnings a call records; the rest are dropped."""


def text_of(value: object, size: int = MAX_TEXT) -> str:
    """``str(value)``, cut to ``size`` characters; never raises, whatever ``__str__`` does.

    >>> text_of("x" * 10, size=8)
    'xxxx ...'
    >>> class Hostile:
    ...     def __str__(self):
    ...         raise RuntimeError
    >>> text_of(Hostile())
    '<unprintable>'
    """
    try:
        text = str(value)
    except BaseException:
        text = "<unprintable>"
    if type(text) is not str:
        text = "<unprintable>"
    return text if len(text) <= size else text[: size - 4] + " ..."


def learner_traceback(error: BaseException, path: str) -> str:
    """The frames of ``error``'s traceback that lie in the learner's file ``path``, briefly.

    Only those frames' lines are read; nothing here raises.
    """
    try:
        summary = traceback.StackSummary.extract(traceback.walk_tb(error.__traceback__), lookup_lines=False)
        frames = [f for f in summary if f.filename == path]
        name = os.path.basename(path)
        return text_of(
            "\n".join(f"    {name}, line {f.lineno}, in {f.name}: {(f.line or '').strip()}" for f in frames)
        )
    except BaseException:
        return ""


@dataclass(frozen=True)
class Call:
    """What one call of a learner's function did.

    ``status`` is ``"ok"`` (``value`` holds what it returned), ``"raised"`` (``type_name``,
    ``message``, ``traceback`` and ``is_value_error`` describe the exception) or ``"memory"``
    (it ran out of memory).
    """

    status: str
    value: Any = None
    type_name: str = ""
    message: str = ""
    traceback: str = ""
    is_value_error: bool = False
    warnings: tuple[str, ...] = ()
    seconds: float = 0.0

    def reply(self) -> dict:
        """The call as the worker sends it, without the value (which travels on its own).

        >>> Call("raised", type_name="ValueError", message="bad", is_value_error=True).reply()["status"]
        'raised'
        """
        data: dict = {"status": self.status, "warnings": list(self.warnings)}
        if self.status == "raised":
            data.update(
                type_name=self.type_name,
                message=self.message,
                traceback=self.traceback,
                is_value_error=self.is_value_error,
            )
        return data

    @classmethod
    def from_reply(cls, reply: dict, seconds: float = 0.0) -> Call:
        """A call read from a worker's reply (hostile): only strings and flags of sane sizes.

        >>> Call.from_reply({"status": "raised", "type_name": 7, "message": "m" * 9000}).message[-4:]
        ' ...'
        """
        status = reply.get("status")
        found = reply.get("warnings", ())
        shown = tuple(text_of(w) for w in (found if isinstance(found, list) else ())[:MAX_WARNINGS])
        if status != "raised":
            return cls(str(status), warnings=shown, seconds=seconds)
        return cls(
            "raised",
            type_name=text_of(reply.get("type_name", "Exception"), 200)
            if isinstance(reply.get("type_name"), str)
            else "Exception",
            message=text_of(reply.get("message", ""), 2000) if isinstance(reply.get("message"), str) else "",
            traceback=text_of(reply.get("traceback", ""), 3000)
            if isinstance(reply.get("traceback"), str)
            else "",
            is_value_error=reply.get("is_value_error") is True,
            warnings=shown,
            seconds=seconds,
        )


def call_and_record(
    function: Callable[..., Any],
    args: tuple,
    kwargs: dict,
    path: str,
    *,
    passing: tuple[type[BaseException], ...] = (),
) -> Call:
    """Call ``function(*args, **kwargs)`` and record what it did; ``path`` is the learner's file.

    Every exception is recorded, except those of ``passing``, which propagate (the in-process
    caller's time limit, say). ``sys.exit()`` is recorded as what it is: a graded function
    must return its result.

    >>> call_and_record(lambda x: 1 / x, (0,), {}, "f.py").type_name
    'ZeroDivisionError'
    >>> call_and_record(lambda x: x + 1, (1,), {}, "f.py").value
    2
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        start = time.perf_counter()
        try:
            value = function(*args, **kwargs)
            record = Call("ok", value)
        except passing:
            raise
        except MemoryError as error:
            record = Call("memory", type_name="MemoryError", message=text_of(error))
        except BaseException as error:
            message = text_of(error)
            if isinstance(error, SystemExit):
                message = f"sys.exit({message}) was called: a graded function must return its result"
            record = Call(
                "raised",
                type_name=text_of(type(error).__name__, 200),
                message=message,
                traceback=learner_traceback(error, path),
                is_value_error=isinstance(error, ValueError),
            )
        seconds = time.perf_counter() - start
    try:
        shown = tuple(text_of(f"{w.category.__name__}: {w.message}") for w in caught[:MAX_WARNINGS])
    except BaseException:
        shown = ()
    return replace(record, warnings=shown, seconds=seconds)
