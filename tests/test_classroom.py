"""The classroom variant: generated nbgrader notebooks, graded by real nbgrader.

The round trip runs nbgrader in-process (``NbGraderAPI``) on a course built in a temporary
folder, with ``JUPYTER_CONFIG_DIR`` pointing at an empty folder so that no user
configuration leaks in: build, generate_assignment, autograde of submissions made from
the solutions, from the release, with a common mistake, with an infinite loop and with
monkeypatched numpy and scikit-learn, with an empty answer cell, export to CSV and
feedback. Expected scores come from running the graders directly
(:func:`mlkata.grading.direct.run_checks`), so the notebook's points must equal pytest's,
check by check. ``tests/test_classroom_tamper.py`` attacks the kernel.
"""

from __future__ import annotations

import ast
import os
import time
from pathlib import Path

import pytest

nbgrader = pytest.importorskip("nbgrader")
nbformat = pytest.importorskip("nbformat")

# nbgrader's gradebook triggers SQLAlchemy warnings about its own sessions; grades are right.
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")

from mlkata import stubs  # noqa: E402
from mlkata.catalog import exercises_of, split_meta  # noqa: E402
from mlkata.classroom.config import GRADE, PRELOAD  # noqa: E402
from mlkata.classroom.course import render_notebooks  # noqa: E402
from mlkata.classroom.notebook import answer_source, parse_check_header  # noqa: E402
from mlkata.mutants import load_mutants  # noqa: E402
from tests.classroom_course import (  # noqa: E402
    ASSIGNMENT,
    LOSSES,
    TOPIC,
    Course,
    all_full_points,
    exercise,
    expected_points,
    full_points,
    make_course,
)
from tests.helpers import ROOT  # noqa: E402

WRONG = "hinge_loss"  # the exercise the partial and the monkeypatching submissions get wrong
WRONG_MUTANT = "squared_hinge"
LOOPING = "mean_squared_error"  # the exercise whose function never returns
SCRATCH_LOOP = "huber_loss"  # the answer cell that ends in a loop of scratch code
TIMEOUT = 3  # the course's time limit: shorter than the default 10 s, to keep the loops quick
EXERCISE_TIMEOUT = 4.0  # and what one exercise's calls may take together (60 s by default)

# mlkata's plumbing: none of it may reach a learner's notebook or feedback.
INTERNALS = ("BEGIN HIDDEN", "END HIDDEN", "mlkata.classroom", "GradeInSandbox", "judge")


def mutant_answer(module: str, name: str) -> str:
    """An answer cell holding the mutant ``name`` of ``tests/mutants/losses/<module>.py``."""
    text = (ROOT / "tests" / "mutants" / TOPIC / f"{module}.py").read_text(encoding="utf-8")
    text = text.replace(
        "from mlkata.mutants import mutant",
        "def mutant(*args, **kwargs):\n    return lambda function: function",
    )
    return f"{text}\n\n{module} = {name}\n"


LOOP_ANSWER = "\n".join(
    [
        "import numpy as np",
        "",
        "",
        "def mean_squared_error(y_true, y_pred):",
        "    total = 0.0",
        "    while True:  # forgot to advance the index",
        "        total += 0.0",
        "",
    ]
)


def scratch_loop_answer() -> str:
    """The solution, then scratch code that never ends: the answer cell itself times out."""
    return (
        answer_source(exercise(SCRATCH_LOOP), ROOT)
        + "\n\ni = 0\nwhile i < 3:  # forgot i += 1\n    huber_loss([0.0], [1.0])\n"
    )


# A wrong hinge loss (always 0) with every reference a naive in-kernel test would use
# patched to agree with it.
MONKEYPATCHING_ANSWER = "\n".join(
    [
        "import numpy as np",
        "import sklearn.metrics",
        "",
        "np.mean = lambda *args, **kwargs: 0.0",
        "np.allclose = lambda *args, **kwargs: True",
        "np.isclose = lambda *args, **kwargs: True",
        "sklearn.metrics.hinge_loss = lambda *args, **kwargs: 0.0",
        "",
        "",
        "def hinge_loss(y_true, decision):",
        "    y, d = np.asarray(y_true), np.asarray(decision, dtype=float)",
        "    if y.ndim != 1 or y.shape != d.shape or y.size == 0 or not np.all((y == 1) | (y == -1)):",
        '        raise ValueError("bad input")',
        "    return 0.0",
        "",
    ]
)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Course:
    """A losses course built, loaded with its own nbgrader_config.py, and generated."""
    yield from make_course(tmp_path_factory.mktemp("classroom"), TIMEOUT, EXERCISE_TIMEOUT)


# --- the notebooks are generated from the single sources --------------------------------------


def _test_cells(notebook) -> list:
    return [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]


def test_notebooks_are_deterministic_and_made_of_the_single_sources():
    first = render_notebooks([TOPIC], assignment=ASSIGNMENT, root=ROOT)
    assert first == render_notebooks([TOPIC], assignment=ASSIGNMENT, root=ROOT)
    notebook = nbformat.reads(first[f"{TOPIC}.ipynb"], as_version=4)
    assert notebook.metadata.kernelspec.name == "python3"
    cells = {c.metadata.nbgrader.grade_id: c for c in notebook.cells}
    for chosen in LOSSES:
        text, _ = split_meta(chosen.solution_path(ROOT).read_text(encoding="utf-8"))
        assert cells[f"{chosen.module}-answer"].source == text
        assert cells[f"{chosen.module}-statement"].metadata.nbgrader.locked
        points = {gid: c.metadata.nbgrader.points for gid, c in cells.items() if c.metadata.nbgrader.grade}
        assert {k: float(v) for k, v in points.items() if k.startswith(f"{chosen.module}-")} == full_points(
            chosen
        )
    for cell in _test_cells(notebook):
        source = cell.source
        key, check = parse_check_header(source)
        assert cell.metadata.nbgrader.grade_id == f"{key.split('/')[1]}-{check}"
        assert "HIDDEN" not in source and "mlkata.classroom" not in source, cell.id
        tree = ast.parse(source)
        assert not tree.body or not isinstance(tree.body[-1], ast.Expr), f"{cell.id} ends in an expression"
        if tree.body:  # the worked examples silence warnings for their own lines only
            assert 'with warnings.catch_warnings():\n    warnings.simplefilter("ignore")' in source
    for cell in notebook.cells:
        assert "BEGIN SOLUTION" not in cell.source or cell.metadata.nbgrader.solution


def test_one_notebook_per_assignment_holds_every_chosen_topic():
    texts = render_notebooks(["losses", "metrics"], assignment="week1", per_topic=False, root=ROOT)
    assert list(texts) == ["week1.ipynb"]
    notebook = nbformat.reads(texts["week1.ipynb"], as_version=4)
    keys = notebook.metadata.mlkata.exercises
    assert keys == [e.key for e in exercises_of(["losses", "metrics"], ROOT)]


def test_no_hand_written_notebook_in_the_repository():
    found = []
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = [s for s in subfolders if not s.startswith(".") and s != "node_modules"]
        found += [os.path.join(folder, f) for f in files if f.endswith(".ipynb")]
    assert not found, f"notebooks are generated by `mlkata classroom build`, never committed: {found}"


def test_release_answer_cells_are_the_stubs_and_hold_no_hidden_test(course):
    release = nbformat.read(course.release, as_version=4)
    cells = {c.metadata.nbgrader.grade_id: c for c in release.cells}
    for chosen in LOSSES:
        solution = chosen.solution_path(ROOT).read_text(encoding="utf-8")
        assert cells[f"{chosen.module}-answer"].source == stubs.make_stub(solution)
    text = course.release.read_text(encoding="utf-8")
    for internal in INTERNALS:
        assert internal not in text
    source = nbformat.read(course.directory / "source" / ASSIGNMENT / f"{TOPIC}.ipynb", as_version=4)
    assert [c.source for c in _test_cells(release)] == [c.source for c in _test_cells(source)]


def test_the_config_puts_the_sandbox_between_execute_and_the_grades(course):
    steps = [str(s) for s in course.api.config.Autograde.autograde_preprocessors]
    names = [s.rsplit(".", 1)[-1] for s in steps]
    assert steps[0] == PRELOAD and steps[names.index("Execute") + 1] == GRADE
    assert names.index("GradeInSandbox") < names.index("SaveAutoGrades")
    assert course.api.config.Execute.timeout == course.api.config.SandboxGrading.timeout == TIMEOUT
    assert Path(course.api.config.Exchange.root) == course.directory / "exchange"


# --- the round trip ------------------------------------------------------------------------------


def test_round_trip_with_real_nbgrader(course, capsys):
    start = time.perf_counter()
    wrong = next(
        m for m in load_mutants(ROOT / "tests" / "mutants" / TOPIC / f"{WRONG}.py") if m.name == WRONG_MUTANT
    )
    submissions = {
        "perfect": {},
        "stubs": None,
        "partial": {WRONG: mutant_answer(WRONG, WRONG_MUTANT)},
        "looping": {LOOPING: LOOP_ANSWER, SCRATCH_LOOP: scratch_loop_answer()},
        "empty": {"mean_absolute_error": ""},
    }
    for student, answers in submissions.items():
        course.submit(student, answers)
    seconds = {}
    for student in submissions:
        began = time.perf_counter()
        course.autograde(student)
        seconds[student] = time.perf_counter() - began

    full = all_full_points()
    total = sum(full.values())
    zero_of = lambda module: {k: 0.0 for k in full if k.startswith(f"{module}-")}  # noqa: E731
    expected = {
        "perfect": full,
        "stubs": dict.fromkeys(full, 0.0),
        "partial": {**full, **expected_points(exercise(WRONG), {WRONG: wrong.function})},
        # An answer cell is graded as a module: one whose own code never ends defines nothing.
        "looping": {**full, **zero_of(LOOPING), **zero_of(SCRATCH_LOOP)},
        "empty": {**full, **zero_of("mean_absolute_error")},
    }
    for student, cells in expected.items():
        assert course.cell_scores(student) == cells, student
    assert 0 < sum(expected["partial"].values()) < total

    perfect = course.autograded("perfect")
    for cell in perfect.cells:
        for output in cell.get("outputs", []):
            assert output.output_type != "error", (cell.id, output)
            assert output.get("name") != "stderr", (cell.id, output)
    looping = {c.id: c for c in course.autograded("looping").cells}
    interrupted = looping[f"{SCRATCH_LOOP}-answer"].outputs  # stopped by nbgrader's Execute.timeout
    assert "CellTimeoutError" in [o.ename for o in interrupted if o.output_type == "error"], interrupted
    for grade_id in zero_of(LOOPING):  # stopped by the sandbox
        assert f"for more than {TIMEOUT} s and was stopped" in str(looping[grade_id].outputs) or (
            f"used up its {EXERCISE_TIMEOUT:g} s" in str(looping[grade_id].outputs)
        ), looping[grade_id].outputs
    empty = {c.id: c for c in course.autograded("empty").cells}
    first = next(iter(zero_of("mean_absolute_error")))
    assert "defines no function mean_absolute_error()" in empty[first].outputs[0].evalue

    rows = course.export()
    for student, cells in expected.items():
        assert float(rows[student]["score"]) == sum(cells.values()), rows[student]
        assert float(rows[student]["max_score"]) == total

    result = course.api.generate_feedback(ASSIGNMENT)
    assert result["success"], result.get("error", "") + result.get("log", "")
    for student in submissions:
        html = course.feedback(student)
        for internal in INTERNALS:
            assert internal not in html, f"{student}'s feedback shows {internal!r}"
    assert "that is the squared hinge" in course.feedback("partial")
    assert "not implemented yet" in course.feedback("stubs")

    elapsed = course.seconds + time.perf_counter() - start
    with capsys.disabled():
        shown = ", ".join(
            f"{s} {sum(c.values()):g}/{total:g} in {seconds[s]:.1f} s" for s, c in expected.items()
        )
        print(f"\nclassroom round trip: {elapsed:.1f} s (build + generate {course.seconds:.1f} s); {shown}")


# A fake of mlkata handed in beside the notebook: grading never imports it.
SHADOW_PACKAGE = {
    "mlkata/__init__.py": "",
    "mlkata/classroom/__init__.py": "",
    "mlkata/classroom/preprocess.py": "def grade_answers(*args, **kwargs):\n    return {}\n",
}


def test_monkeypatching_numpy_and_sklearn_earns_no_hidden_points(course):
    """Nor does handing in a fake mlkata package next to the notebook."""
    course.submit("monkeypatcher", {WRONG: MONKEYPATCHING_ANSWER}, SHADOW_PACKAGE)
    course.autograde("monkeypatcher")
    got = {k: v for k, v in course.cell_scores("monkeypatcher").items() if k.startswith(f"{WRONG}-")}
    assert sum(got.values()) == 0  # the answer cell imports sklearn: the sandbox refuses it
    html = course.autograded("monkeypatcher")
    assert "sklearn" in str([c.get("outputs") for c in html.cells if c.id.startswith(f"{WRONG}-test")])


# --- the command -------------------------------------------------------------------------------


def test_build_command_writes_the_course(tmp_path):
    from typer.testing import CliRunner

    from mlkata.cli import app

    runner = CliRunner()
    result = runner.invoke(
        app, ["classroom", "build", str(tmp_path), "--topics", "losses", "--assignment", "hw1"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "source" / "hw1" / "losses.ipynb").is_file()
    config = (tmp_path / "nbgrader_config.py").read_text()
    assert "TIMEOUT = 10\n" in config and "c.Execute.timeout = TIMEOUT" in config
    assert "c.SandboxGrading.timeout = TIMEOUT" in config and "ClearHiddenTests" in config
    result = runner.invoke(app, ["classroom", "build", str(tmp_path), "--topics", "no_such_topic"])
    assert result.exit_code == 2 and "unknown topic" in result.output
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    result = runner.invoke(app, ["classroom", "build", str(tmp_path), "--topics", "losses"])
    assert result.exit_code == 2 and "--force" in result.output


def test_without_nbgrader_the_command_names_the_extra(tmp_path, monkeypatch):
    import importlib.util

    from typer.testing import CliRunner

    from mlkata.cli import app

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "nbgrader" else real(name, *a)
    )
    result = CliRunner().invoke(app, ["classroom", "build", str(tmp_path)])
    assert result.exit_code == 1
    assert 'pip install -e ".[classroom]"' in " ".join(result.output.split())
