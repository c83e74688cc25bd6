"""``mlkata new TOPIC/NAME``: a new exercise's files, written from its row of the curriculum.

The row (``src/mlkata/curriculum.tsv``) gives the signatures, the reference and the notes;
:func:`new_exercise` writes the solution, the grader, the mutants file and a benchmark case,
each carrying :data:`TODO` where the maintainer's work goes. ``mlkata dev check`` reports
every file that still carries it, and the grader fails until its reference is written, so a
scaffold is never mistaken for a finished exercise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from mlkata.curriculum import Row, rows
from mlkata.engine.files import atomic_write

TODO = "TODO(mlkata new)"
"""The marker left where the maintainer must write something."""


@dataclass(frozen=True)
class Signature:
    """A function the row names: ``name`` and its parameter list as the contract writes it."""

    name: str
    parameters: str


def row_of(topic: str, module: str) -> Row:
    """The curriculum row listing ``topic/module``; :class:`KeyError` with what to do if none.

    >>> row_of("losses", "hinge_loss").reference
    'sklearn.metrics.hinge_loss'
    """
    for row in rows():
        if row.topic == topic and module in row.modules:
            return row
    raise KeyError(f"{topic}/{module} is in no row of curriculum.tsv: add its row there first")


def signatures(row: Row, module: str) -> list[Signature]:
    """The functions of ``row`` that ``module`` defines (one per module when the row has several).

    >>> [s.name for s in signatures(row_of("metrics", "recall"), "recall")]
    ['recall']
    >>> signatures(row_of("losses", "huber_loss"), "huber_loss")[0].parameters
    'y_true, y_pred, delta=1.0'
    """
    found = [Signature(n, p) for n, p in re.findall(r"`(\w+)\(([^`]*)\)", row.api)]
    if len(row.modules) > 1:
        found = [s for s in found if s.name == module]
    known = {s.name: s for s in found}
    return [
        s if s.parameters not in ("", "...") else Signature(s.name, _first_parameters(known)) for s in found
    ]


def _first_parameters(known: dict[str, Signature]) -> str:
    """``recall(...)`` in a row means: the parameters of the row's first function."""
    return next((s.parameters for s in known.values() if s.parameters not in ("", "...")), "")


def _solution(row: Row, module: str, functions: list[Signature]) -> str:
    blocks = []
    for s in functions:
        blocks.append(
            f'''def {s.name}({s.parameters}):
    r"""{TODO}: one line on what {s.name} computes.

    .. math::

        {TODO}: the formula

    Parameters
    ----------
    {TODO}: each parameter, its type, shape and default

    Returns
    -------
    {TODO}

    Raises
    ------
    ValueError
        {TODO}: every invalid input, on every argument.

    See Also
    --------
    {row.reference} : the reference the grader compares with.

    Notes
    -----
    {row.notes or TODO}

    Examples
    --------
    >>> {TODO}  # a small worked example, checked by hand  # doctest: +SKIP
    """
    ### BEGIN SOLUTION
    raise NotImplementedError("{TODO}: the vectorised reference solution")
    ### END SOLUTION
'''
        )
    hints = ", ".join(f'"{TODO}: hint {i}"' for i in (1, 2, 3))
    return (
        f'"""{TODO}: one line on {module}."""\n\nimport numpy as np  # noqa: F401\n\n\n'
        + "\n\n".join(blocks)
        + f"\n\n### BEGIN META\nDIFFICULTY = 2\nHINTS = ({hints})\n### END META\n"
    )


def _grader(row: Row, topic: str, module: str, functions: list[Signature]) -> str:
    fixtures = "\n".join(f'{s.name} = student_function("{s.name}")' for s in functions)
    first = functions[0]
    return f'''"""Grader for {topic}/{module}, against {row.reference}."""

import numpy as np

from mlkata.grading import Mistake, points, student_function
from mlkata.grading.checks import BadInput, Differential, expect_cases, expect_rejected
from mlkata.grading.domains import Domain, Param, Reals  # noqa: F401
from mlkata.grading.memo import cached_reference

{fixtures}
REFERENCE = "{row.reference}"

# {TODO}: the inputs the docstring allows, with the adversarial corners (dtypes, scales,
# shapes, label sets, every keyword, ties, degenerate data); see grading/domains.py.
DOMAIN = Domain(seed={abs(hash(module)) % 9000 + 1000}, args=(Reals("x"),), sizes={{"n": (1, 5, 50)}})


@cached_reference
def reference(*args, **kwargs):
    raise NotImplementedError("{TODO}: call {row.reference}")


MISTAKES: tuple[Mistake, ...] = ()  # {TODO}: the known mistakes, each with its teaching hint


@points(3)
def test_every_case_of_the_domain({first.name}):
    expect_cases({first.name}, DOMAIN.corner_cases(), reference, reference_name=REFERENCE, mistakes=MISTAKES)


@points(1)
def test_rejects_bad_input({first.name}):
    expect_rejected({first.name}, [BadInput("{TODO}: why", (np.array([]),)), *DOMAIN.bad_inputs()])


PROPERTIES = (Differential("{first.name}", DOMAIN, reference, REFERENCE),)
'''


def _mutants(topic: str, module: str, functions: list[Signature]) -> str:
    s = functions[0]
    return f'''"""Wrong versions of {topic}/{module}."""

from mlkata.mutants import mutant


# {TODO}: at least three realistic mistakes, each with a fragment of the hint the grader gives.
@mutant("{s.name}", hint="{TODO}")
def a_first_mistake({s.parameters}):
    raise NotImplementedError("{TODO}")
'''


def _case(row: Row, topic: str, module: str, functions: list[Signature]) -> str:
    cases = []
    for s in functions:
        function = f', function="{s.name}"' if s.name != module else ""
        cases.append(
            f'''

@case("{topic}/{module}", "{row.reference}"{function})
def _{s.name}(m, n, rng):
    raise NotImplementedError("{TODO}: inputs of size n, the solution and its reference as a Trial")
'''
        )
    return "".join(cases)


def new_exercise(root: Path, key: str) -> list[Path]:
    """Write the files of the exercise ``key`` (``topic/module``) under ``root``; return them.

    Raises
    ------
    KeyError
        When no row of the curriculum lists ``key``.
    FileExistsError
        When the exercise's solution, grader or mutants file exists already.
    """
    topic, _, module = key.partition("/")
    row = row_of(topic, module)
    functions = signatures(row, module)
    files = {
        root / "solutions" / topic / f"{module}.py": _solution(row, module, functions),
        root / "graders" / topic / f"test_{module}.py": _grader(row, topic, module, functions),
        root / "tests" / "mutants" / topic / f"{module}.py": _mutants(topic, module, functions),
    }
    existing = [str(p.relative_to(root)) for p in files if p.exists()]
    if existing:
        raise FileExistsError(f"{key} exists already: {', '.join(existing)}")
    cases = root / "benchmarks" / "cases" / f"{topic}.py"
    header = (
        f'"""Benchmark cases of the {topic.replace("_", " ")} exercises."""\n\n'
        "from __future__ import annotations\n\nfrom . import case  # noqa: F401\n"
    )
    current = cases.read_text(encoding="utf-8") if cases.exists() else header
    files[cases] = current + _case(row, topic, module, functions)
    for path, text in files.items():
        atomic_write(path, text)
    return list(files)
