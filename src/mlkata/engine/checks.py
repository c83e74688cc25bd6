"""Running one check: the only place a grader check's failure is caught and judged."""

from __future__ import annotations

from collections.abc import Mapping

from mlkata.engine.results import CheckResult
from mlkata.engine.specs import CheckSpec
from mlkata.grading import capture
from mlkata.grading.failures import GradeFailure, NotImplementedYet


def grader_bug_message(error: BaseException) -> str:
    """What a learner reads when the grader itself failed (mlkata's bug, not theirs).

    >>> grader_bug_message(KeyError("w"))
    "the grader itself failed (KeyError: 'w'): a bug in mlkata, not in your code; please report it"
    """
    return (
        f"the grader itself failed ({type(error).__name__}: {error}): "
        "a bug in mlkata, not in your code; please report it"
    )


def run_check(check: CheckSpec, functions: Mapping[str, object]) -> CheckResult:
    """Run ``check`` on the learner's ``functions`` (parameter name -> what the check is given).

    A :class:`~mlkata.grading.failures.GradeFailure` is the learner's failure, with the
    grader's message; any other ``Exception`` is the grader's own bug (``crashed``). What is
    not an ``Exception`` (KeyboardInterrupt, pytest's skip and exit) goes on up.

    Examples
    --------
    >>> from mlkata.engine.specs import CheckSpec
    >>> def test_positive(f):
    ...     if f() <= 0:
    ...         raise GradeFailure("f() should be positive")
    >>> check = CheckSpec.of("test_positive", test_positive)
    >>> run_check(check, {"f": lambda: 1}).passed
    True
    >>> run_check(check, {"f": lambda: -1}).message
    'f() should be positive'
    """
    given = {name: functions[name] for name in check.functions}  # a KeyError here is the caller's
    capture.check_started()
    try:
        check.function(**given)
    except GradeFailure as failure:
        capture.check_failed(check.name, failure, given)  # the failed call, for `mlkata repro`
        not_implemented = isinstance(failure, NotImplementedYet)
        return CheckResult(
            check.name, check.points, False, str(failure), not_implemented, check.hidden, level=check.level
        )
    except Exception as error:
        return CheckResult(
            check.name,
            check.points,
            False,
            grader_bug_message(error),
            hidden=check.hidden,
            crashed=True,
            level=check.level,
        )
    return CheckResult(check.name, check.points, True, hidden=check.hidden, level=check.level)
