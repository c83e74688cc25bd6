"""The curriculum contract as the repository carries it: ``docs/curriculum.md``.

Generated from the manifest (:mod:`mlkata.curriculum`) and checked against the solutions:
every function a row names is a public function of the row's modules. ``mlkata generate``
writes it with the stubs, and ``mlkata generate --check`` (which the test suite runs) fails
when it has drifted.
"""

from __future__ import annotations

import re
from pathlib import Path

from mlkata.catalog import all_exercises
from mlkata.curriculum import CurriculumError, rows, topics
from mlkata.engine.files import atomic_write
from mlkata.paths import project_root

CONTRACT = Path("docs") / "curriculum.md"
"""Where the contract lives, relative to the project root."""

PREAMBLE = """\
# mlkata curriculum: the public API of every exercise

Generated from `src/mlkata/curriculum.tsv` by `mlkata generate`; do not edit by hand.

This is the contract. Topic folders, module names, function names and signatures below are
fixed: learners, classroom notebooks, batch grading and outside checks all call them by these
names. Each exercise is one module `<topic>/<function>.py` defining that function (a module may
define small private helpers too); where a row pairs a model's fit and predict functions, both
live in one module named after the model (`probability/gaussian_nb.py`). A submission folder has
the same layout as `exercises/`. Inputs are array-likes (lists or numpy arrays); outputs are
Python floats or numpy arrays as stated. Where a well-kept library computes the same thing, the
grader checks against it (the "reference" column), on seeded random inputs and on edge cases,
with a tolerance that a correct float64 implementation always meets.

Every exercise also documents, in its docstring: the formula (plain text or LaTeX-ish), one
worked example that runs as a doctest, and its behaviour on bad input. Bad input means a shape
or length mismatch, an empty input, a label outside the allowed set, a probability outside
[0, 1]: the function raises `ValueError` with a message that names the problem. The graders
check that too.

Learners may use numpy and the Python standard library. The grader rejects a learner module that
imports scikit-learn, scipy or the package's own solutions (with a clear message), except where a
row says otherwise.
"""


def named_functions(api: str) -> list[str]:
    """The function names a row's API cell names.

    >>> named_functions("`relu(z)`, `softmax(z, axis=-1)`")
    ['relu', 'softmax']
    """
    return re.findall(r"`(\w+)\(", api)


def contract_markdown(root: Path | None = None) -> str:
    """The text of ``docs/curriculum.md``.

    Raises
    ------
    CurriculumError
        When a row names a function its modules do not define.
    """
    root = root or project_root()
    functions = {(e.topic, e.module): e.functions for e in all_exercises(root)}
    parts = [PREAMBLE]
    for topic in topics():
        parts.append(f"\n## {topic}\n| function | reference | notes |\n|---|---|---|\n")
        for row in (r for r in rows() if r.topic == topic):
            defined = {f for m in row.modules for f in functions.get((topic, m), ())}
            missing = [f for f in named_functions(row.api) if defined and f not in defined]
            if missing:
                raise CurriculumError(
                    f"{topic}: the contract names {', '.join(missing)}, not defined in {row.modules}"
                )
            cells = (row.api, row.reference, row.notes)
            parts.append("|" + "|".join(f" {cell} " if cell else " " for cell in cells) + "|\n")
    return "".join(parts)


def write_contract(root: Path | None = None) -> bool:
    """Write ``docs/curriculum.md``; whether it changed."""
    root = root or project_root()
    path = root / CONTRACT
    text = contract_markdown(root)
    if path.is_file() and path.read_text(encoding="utf-8") == text:
        return False
    atomic_write(path, text)
    return True


def contract_drifted(root: Path | None = None) -> bool:
    """Whether ``docs/curriculum.md`` differs from what :func:`write_contract` writes."""
    root = root or project_root()
    path = root / CONTRACT
    return not path.is_file() or path.read_text(encoding="utf-8") != contract_markdown(root)
