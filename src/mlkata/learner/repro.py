"""``mlkata repro NAME``: the first failing check's call, as a script to step through in a debugger.

The exercise is graded as ``mlkata check NAME`` grades it, recording each failed check's call
(:mod:`mlkata.grading.capture`). The first failing check's call is shrunk when its input comes
from the exercise's domain (:mod:`mlkata.learner.shrink`) and written as a standalone script,
numpy only (:mod:`mlkata.learner.repro_script`): it loads the learner's file by path, rebuilds
the very arguments the grader passed (values, dtypes, read-only flags), prints the grader's
message and the expected value, then calls the function, which returns the same value or raises
the same exception as it did under the grader.
"""

from __future__ import annotations

import copy
import keyword
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from mlkata.catalog import Exercise
from mlkata.grading.capture import NOT_KNOWN, FailedCall
from mlkata.learner.repro_script import Encoder, Unreproducible, parameter_names, write_files


@dataclass(frozen=True)
class Repro:
    """What ``mlkata repro`` did: ``message`` for the learner, the files written (script first)."""

    message: str
    written: tuple[Path, ...] = field(default=())
    failing: bool = False
    """Whether a check fails (with or without a script to show it)."""


def script_path(exercise: Exercise, out: Path | None) -> Path:
    """Where the script goes: ``out`` (a file, or a folder to put it in), else the current folder.

    >>> from mlkata.catalog import find_exercise
    >>> script_path(find_exercise("hinge_loss"), None).name
    'repro_hinge_loss.py'
    """
    name = f"repro_{exercise.module}.py"
    if out is None:
        return Path.cwd() / name
    return out / name if out.is_dir() else out


def reproduce(
    exercise: Exercise,
    folder: Path | None = None,
    *,
    root: Path | None = None,
    out: Path | None = None,
    shrinking: bool = True,
) -> Repro:
    """Grade ``exercise`` and write the script of its first failing check's call.

    Parameters
    ----------
    exercise : Exercise
        The exercise to grade (its file in ``folder``, else ``exercises/``).
    folder : Path, optional
        A folder laid out like ``exercises/``.
    root : Path, optional
        The project root.
    out : Path, optional
        The script's path (or its folder); ``repro_<module>.py`` in the current folder by default.
    shrinking : bool
        Whether to shrink an input drawn from the exercise's domain.
    """
    from mlkata.grading.capture import recording
    from mlkata.learner.grade import grade_exercise, shown

    with recording() as failed_calls:
        grade = grade_exercise(exercise, folder, root=root)
    if grade.problem:
        return Repro(f"{exercise.key}: {grade.problem}; nothing to reproduce.")
    first = next((c for c in grade.checks if not c.passed), None)
    if first is None:
        return Repro(f"Every check of {exercise.key} passes: there is no failure to reproduce.")
    if first.not_implemented:
        return Repro(
            f"{shown(grade.path)} is not implemented yet (it raises NotImplementedError): write the "
            f"function first, then `mlkata repro {exercise.module}` reproduces its first failure.",
            failing=True,
        )
    if first.crashed:
        return Repro(
            f"The first failing check, {first.name}, failed in the grader itself:\n{first.message}",
            failing=True,
        )
    failed = failed_calls.get(first.name)
    if failed is None:
        return Repro(
            f"The first failing check, {first.name}, failed before calling your function, so there is "
            f"no call to reproduce; fix this first:\n{first.message}",
            failing=True,
        )
    note = "Not shrunk (--no-shrink)."
    if shrinking:
        from mlkata.learner.shrink import shrink

        result = shrink(failed, exercise.grader_path(root))
        failed, note = result.failed, result.note
    path = script_path(exercise, out).resolve()
    try:
        written = write_script(failed, exercise, path, exercise.solution_path(root))
    except Unreproducible as problem:
        return Repro(
            f"The first failing check, {first.name}, fails on a call that a standalone script cannot "
            f"rebuild: {problem}. Its message:\n{first.message}",
            failing=True,
        )
    script = shown(written[0])
    data = f" (and {', '.join(shown(p) for p in written[1:])})" if written[1:] else ""
    return Repro(
        f"Wrote {script}{data}: the call that check {first.name} failed on. {note}\n"
        f"Run it: python {script}\n"
        f"Step through it: python -m pdb {script}",
        written,
        failing=True,
    )


def _names(failed: FailedCall, count: int, taken: set[str], solution: Path | None = None) -> list[str]:
    """Variable names for the positional arguments: the learner's parameter names when valid."""
    found = parameter_names(Path(failed.function.path), failed.function.name) if failed.function.path else []
    if len(found) < count and solution is not None:  # the learner's file says nothing: the exercise's
        found = parameter_names(solution, failed.function.name) or found
    names = []
    for i in range(count):
        name = found[i] if i < len(found) else f"arg{i}"
        if not name.isidentifier() or keyword.iskeyword(name) or name in taken or name in names:
            name = f"arg{i}_"
        names.append(name)
    return names


def write_script(
    failed: FailedCall, exercise: Exercise, path: Path, solution: Path | None = None
) -> tuple[Path, ...]:
    """Write the script (and its ``.npy`` files beside it) reproducing ``failed``; the paths.

    ``solution`` is the exercise's solution file, whose parameter names the script's variables
    take when the learner's file does not define the function under its own name.
    """
    from mlkata.grading.proxy import Handle

    args = tuple(_given(a, Handle) for a in failed.args)  # what the learner's code was handed
    kwargs = {k: _given(v, Handle) for k, v in failed.kwargs.items()}
    function = failed.function.name
    encoder = Encoder(path.stem)
    taken = {"np", "HERE", "LEARNER_FILE", "EXPECTED", "GRADER_SAID", "result", "read_only", function}
    names = _names(failed, len(args), taken, solution)
    lines = [f"{name} = {encoder.expression(value, name)}" for name, value in zip(names, args, strict=True)]
    keywords = {k: f"{k}_" if k in taken or k in names else k for k in kwargs}
    lines += [f"{keywords[k]} = {encoder.expression(v, k)}" for k, v in kwargs.items()]
    call = ", ".join([*names, *(f"{k}={keywords[k]}" for k in kwargs)])
    expected = _expected_line(failed, encoder)
    text = _template(failed, exercise, path, function, lines, expected, call, encoder.needs_read_only)
    written = write_files(encoder, path.parent)
    path.write_text(text, encoding="utf-8")
    return (path, *written)


def _given(value: object, handle: type) -> object:
    """``value`` as the proxy hands it to the learner's code: a deep copy, read-only kept, a kept
    result (:class:`~mlkata.grading.proxy.Handle`) unwrapped."""
    copied = copy.deepcopy(value)
    return copied.value if isinstance(copied, handle) else copied


def _expected_line(failed: FailedCall, encoder: Encoder) -> str:
    if failed.expected_text:
        return f"EXPECTED = {failed.expected_text!r}"
    if failed.expected is NOT_KNOWN:
        return "EXPECTED = None  # the grader's judge of this call knows no single expected value"
    try:
        return f"EXPECTED = {encoder.expression(failed.expected, 'expected')}"
    except Unreproducible:
        return f"EXPECTED = {str(failed.expected)!r}  # as the grader showed it"


def _template(
    failed: FailedCall,
    exercise: Exercise,
    path: Path,
    function: str,
    lines: list[str],
    expected: str,
    call: str,
    needs_read_only: bool,
) -> str:
    said = failed.message.replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    reference = f"  # {failed.reference}" if failed.reference else ""
    part = f" (for the part{failed.part} of what it returns)" if failed.part else ""
    helper = (
        textwrap.dedent(
            '''
            def read_only(array):
                """The array made read-only, as the grader handed it (writing into it raises)."""
                array.flags.writeable = False
                return array

            '''
        )
        if needs_read_only
        else ""
    )
    head = textwrap.dedent(
        f'''\
        """Reproduce {exercise.key}: the call the check {failed.check} failed on.

        Written by `mlkata repro {exercise.module}`; numpy only. Run it: python {path.name}
        """

        import importlib.util
        import sys
        import warnings
        from pathlib import Path

        import numpy as np

        np.set_printoptions(floatmode="unique")  # every digit, as the grader compared them
        warnings.simplefilter("always")  # every warning, as the grader records them
        HERE = Path(__file__).resolve().parent

        GRADER_SAID = """\\
        '''
    )
    body = [head + said + '"""', "", f"LEARNER_FILE = Path({str(Path(failed.function.path).resolve())!r})"]
    body += [
        f'_spec = importlib.util.spec_from_file_location("learner_{exercise.module}", LEARNER_FILE)',
        "_module = importlib.util.module_from_spec(_spec)",
        "sys.modules[_spec.name] = _module",
        "_spec.loader.exec_module(_module)",
        f"{function} = _module.{function}",
        helper,
        "# The arguments exactly as the grader passed them (values, dtypes, read-only flags):",
        *lines,
        "",
        expected + reference,
        "",
        'if __name__ == "__main__":',
        '    print("The grader said:")',
        "    print(GRADER_SAID)",
        "    print()",
        f'    print("expected{part}:", repr(EXPECTED))',
        f'    print("calling {function}(...)")',
    ]
    call_line = len("\n".join(body).splitlines()) + 1
    body += [
        f"    result = {function}({call})  # in pdb: `s` steps into your function",
        '    print("returned:", repr(result))',
        "    # breakpoint()  # uncomment to stop here and look at result and the inputs",
        f"# Step through it: python -m pdb {path.name}, then `b {call_line}`, `c`, `s`.",
        "",
    ]
    return "\n".join(body)
