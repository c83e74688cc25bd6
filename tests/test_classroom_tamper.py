"""Students who tamper with the grading kernel score no more than a student who returns 0.0.

Every tampering student hands in the answer cells of the "zeros" student (each function
returns 0.0) and attacks the kernel from a cell of their own, added at the top of the
notebook: the judge (mlkata's own modules), numpy, ``sys.modules``, builtins, IPython's
exception handling, the cell outputs. Real nbgrader runs generate_assignment, autograde,
export and generate_feedback; the verdicts come from the sandbox, so each of them scores
exactly what the zeros student does, cell by cell. An honest student who deleted a test cell
keeps full marks, and a notebook whose JSON is broken is named by ``mlkata classroom check``.
"""

from __future__ import annotations

import time

import pytest

nbgrader = pytest.importorskip("nbgrader")
nbformat = pytest.importorskip("nbformat")

# SQLAlchemy warns about nbgrader's own sessions; nbgrader puts a deleted cell back without a cell id.
pytestmark = [
    pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning"),
    pytest.mark.filterwarnings("ignore::nbformat.warnings.MissingIDFieldWarning"),
]

from tests.classroom_course import (  # noqa: E402
    ASSIGNMENT,
    LOSSES,
    TOPIC,
    Course,
    all_full_points,
    make_course,
    zeros_answer,
)

ZEROS = {e.module: zeros_answer(e) for e in LOSSES}

PATCH_THE_JUDGE = """
import sys, types
import mlkata.classroom.preprocess as pre
import mlkata.engine.sandboxed as sandboxed
import mlkata.engine.checks as engine_checks
import mlkata.grading.checks as checks
pre.GradeInSandbox.preprocess = lambda self, nb, resources: (nb, resources)
pre.grade_answers = lambda *args, **kwargs: {}
pre.verdict_outputs = lambda *args, **kwargs: []
sandboxed.grade_module = lambda *args, **kwargs: None
engine_checks.run_check = lambda *args, **kwargs: None
for name in dir(checks):
    if name.startswith("expect"):
        setattr(checks, name, lambda *args, **kwargs: None)
fake = types.ModuleType("mlkata.classroom.kernel")
fake.check = lambda *args, **kwargs: None
sys.modules["mlkata.classroom.kernel"] = fake
"""

PATCH_NUMPY = """
import numpy as np
np.allclose = lambda *args, **kwargs: True
np.isclose = lambda *args, **kwargs: np.True_
np.array_equal = lambda *args, **kwargs: True
np.mean = lambda *args, **kwargs: 0.0
np.testing.assert_allclose = lambda *args, **kwargs: None
"""

PATCH_SYS_MODULES = """
import sys, types
for name in ("sklearn", "sklearn.metrics", "scipy", "scipy.stats", "mlkata.grading.checks",
             "mlkata.classroom.preprocess", "mlkata.batch.server", "nbgrader.utils"):
    fake = types.ModuleType(name)
    fake.__getattr__ = lambda attribute: (lambda *args, **kwargs: 0.0)
    sys.modules[name] = fake
"""

PATCH_BUILTINS = """
import builtins
builtins.AssertionError = type("AssertionError", (Warning,), {})
builtins.ValueError = type("ValueError", (Warning,), {})
builtins.abs = lambda value: 0
builtins.round = lambda *args, **kwargs: 0.0
builtins.print = lambda *args, **kwargs: None
"""

PATCH_IPYTHON = """
import sys
shell = get_ipython()
shell.showtraceback = lambda *args, **kwargs: None
shell.showsyntaxerror = lambda *args, **kwargs: None
shell.set_custom_exc((BaseException,), lambda *args, **kwargs: None)
sys.excepthook = lambda *args: None
"""

PATCH_OUTPUTS = """
import sys
from IPython.display import clear_output, display

def _looks_passed(result):
    clear_output()
    display({"text/plain": "1000"}, raw=True)
    print("all checks passed")

get_ipython().events.register("post_run_cell", _looks_passed)
sys.stderr = sys.stdout
"""

# The attack, written in the first answer cell itself.
IN_THE_ANSWER_CELL = (
    "import numpy as np\n"
    "import mlkata.classroom.preprocess as _k\n"
    "_k.grade_answers = lambda *a, **kw: {}\n"
    "np.allclose = lambda *a, **kw: True\n\n\n" + ZEROS["mean_absolute_error"]
)

ATTACKS = {
    "judge": PATCH_THE_JUDGE,
    "numpy": PATCH_NUMPY,
    "sys_modules": PATCH_SYS_MODULES,
    "builtins": PATCH_BUILTINS,
    "ipython": PATCH_IPYTHON,
    "outputs": PATCH_OUTPUTS,
}


def with_cell_first(source: str):
    """A notebook edit: a code cell of the student's own before the first exercise."""

    def edit(notebook) -> None:
        notebook.cells.insert(1, nbformat.v4.new_code_cell(source))

    return edit


def forged_outputs(notebook) -> None:
    """Test cells handed in with passing outputs, a partial-credit value and inflated points."""
    with_cell_first(PATCH_OUTPUTS)(notebook)
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            meta["points"] = 1000
            cell.outputs = [
                nbformat.v4.new_output("execute_result", {"text/plain": "1000"}, execution_count=1),
                nbformat.v4.new_output("stream", name="stdout", text="passed\n"),
            ]
            cell.execution_count = 1


def without_a_test_cell(notebook) -> None:
    notebook.cells = [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade_id") != DELETED]


DELETED = "hinge_loss-test_margin_cases"
# A shadow of mlkata handed in beside the notebook, for the judge's attacker.
SHADOW = {"mlkata/__init__.py": "raise SystemExit\n", "mlkata/classroom/preprocess.py": ""}


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Course:
    yield from make_course(tmp_path_factory.mktemp("tamper"), timeout=5)


def test_tampering_with_the_kernel_scores_no_more_than_returning_zero(course, capsys):
    from typer.testing import CliRunner

    from mlkata.cli import app

    course.submit("honest", {})
    course.submit("zeros", ZEROS)
    for student, attack in ATTACKS.items():
        edit = forged_outputs if student == "outputs" else with_cell_first(attack)
        course.submit(student, ZEROS, SHADOW if student == "judge" else None, edit)
    course.submit("answer_cell", {**ZEROS, "mean_absolute_error": IN_THE_ANSWER_CELL})
    course.submit("deleted_cell", {}, edit=without_a_test_cell)
    graded = ["honest", "zeros", *ATTACKS, "answer_cell", "deleted_cell"]
    seconds = {}
    for student in graded:
        began = time.perf_counter()
        course.autograde(student)
        seconds[student] = time.perf_counter() - began
    broken = course.directory / "submitted" / "broken" / ASSIGNMENT / f"{TOPIC}.ipynb"
    broken.parent.mkdir(parents=True)
    broken.write_text(course.release.read_text(encoding="utf-8")[:-200], encoding="utf-8")
    assert not course.autograde("broken", must_succeed=False)["success"]

    full = all_full_points()
    zeros = course.cell_scores("zeros")
    assert course.cell_scores("honest") == full
    assert course.cell_scores("deleted_cell") == full  # put back, graded
    assert 0 <= sum(zeros.values()) < sum(full.values()) / 2
    scores = {student: course.cell_scores(student) for student in graded}
    for student in ATTACKS:
        assert scores[student] == zeros, student
    assert sum(scores["answer_cell"].values()) <= sum(zeros.values())

    rows = course.export()
    for student in graded:
        assert float(rows[student]["score"]) == sum(scores[student].values()), rows[student]
        assert float(rows[student]["max_score"]) == sum(full.values())
    result = course.api.generate_feedback(ASSIGNMENT)
    assert result["success"], result.get("error", "") + result.get("log", "")
    assert "passed" in course.feedback("honest") and "CheckFailed" in course.feedback("numpy")

    checked = CliRunner().invoke(app, ["classroom", "check", str(course.directory)])
    assert checked.exit_code == 1, checked.output
    named = " ".join(checked.output.split())
    assert f"broken: {ASSIGNMENT}/{TOPIC}.ipynb: is not valid notebook JSON" in named
    assert "honest" not in named and "zeros" not in named
    with capsys.disabled():
        shown = ", ".join(f"{s} {sum(c.values()):g} in {seconds[s]:.1f} s" for s, c in scores.items())
        print(f"\ntampering students, of {sum(full.values()):g}: {shown}")
