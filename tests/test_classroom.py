"""The classroom variant: generated nbgrader notebooks, graded by real nbgrader.

The round trip runs nbgrader in-process (``NbGraderAPI``) on a course built in a temporary
folder, with ``JUPYTER_CONFIG_DIR`` pointing at an empty folder so that no user
configuration leaks in: build, generate_assignment, autograde of submissions made from
the solutions, from the release, with a common mistake, with an infinite loop and with
monkeypatched numpy and scikit-learn, export to CSV and feedback. Expected scores come
from running the graders directly (:func:`mlkata.grading.direct.run_checks`), so the
notebook's points must equal pytest's, check by check.
"""

from __future__ import annotations

import ast
import csv
import inspect
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

nbgrader = pytest.importorskip("nbgrader")
nbformat = pytest.importorskip("nbformat")

# nbgrader's gradebook triggers SQLAlchemy warnings about its own sessions; grades are right.
pytestmark = pytest.mark.filterwarnings("ignore::sqlalchemy.exc.SAWarning")

from mlkata import stubs  # noqa: E402
from mlkata.catalog import all_exercises, exercises_of, split_meta  # noqa: E402
from mlkata.classroom import kernel  # noqa: E402
from mlkata.classroom.config import check_budget  # noqa: E402
from mlkata.classroom.course import build_course, render_notebooks  # noqa: E402
from mlkata.classroom.notebook import CHECK_CALL, HIDDEN_BEGIN, HIDDEN_END, answer_source  # noqa: E402
from mlkata.grading.direct import grader_tests, run_checks  # noqa: E402
from mlkata.mutants import load_mutants  # noqa: E402
from tests.helpers import ROOT, load_solution  # noqa: E402

ASSIGNMENT = "ps1"
TOPIC = "losses"
LOSSES = exercises_of([TOPIC], ROOT)
WRONG = "hinge_loss"  # the exercise the partial and the monkeypatching submissions get wrong
WRONG_MUTANT = "squared_hinge"
LOOPING = "mean_squared_error"  # the exercise whose function never returns
SCRATCH_LOOP = "huber_loss"  # the answer cell that ends in a loop of scratch code
TIMEOUT = 5  # the course's cell timeout: shorter than the default 10 s, to keep the loops quick

# The markers and the judge's plumbing: none of it may reach a learner's feedback.
INTERNALS = ("BEGIN HIDDEN", "END HIDDEN", CHECK_CALL, "mlkata.classroom", "InteractiveTB", "judge")


def solution_functions(exercise) -> dict:
    module = load_solution(exercise.topic, exercise.module)
    return {name: getattr(module, name) for name in exercise.functions}


def expected_points(exercise, functions: dict | None = None) -> dict[str, float]:
    """Points per test cell (grade id) that the pytest grader gives ``functions``."""
    functions = {**solution_functions(exercise), **(functions or {})}
    outcomes = run_checks(exercise.grader_path(ROOT), functions)
    return {f"{exercise.module}-{o.name}": float(o.points if o.passed else 0) for o in outcomes}


def full_points(exercise) -> dict[str, float]:
    return {
        f"{exercise.module}-{name}": float(worth)
        for name, _, worth in grader_tests(exercise.grader_path(ROOT))
    }


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
    exercise = next(e for e in LOSSES if e.module == SCRATCH_LOOP)
    return (
        answer_source(exercise, ROOT)
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


def always_zero_hinge(y_true, decision):
    """What MONKEYPATCHING_ANSWER's hinge_loss is, outside the patched kernel."""
    import numpy as np

    y, d = np.asarray(y_true), np.asarray(decision, dtype=float)
    if y.ndim != 1 or y.shape != d.shape or y.size == 0 or not np.all((y == 1) | (y == -1)):
        raise ValueError("bad input")
    return 0.0


@dataclass
class Course:
    directory: Path
    api: object
    seconds: float
    """How long building and generate_assignment took."""
    graded: list[str] = field(default_factory=list)

    @property
    def release(self) -> Path:
        return self.directory / "release" / ASSIGNMENT / f"{TOPIC}.ipynb"

    def submit(
        self, student: str, answers: dict[str, str] | None, files: dict[str, str] | None = None
    ) -> None:
        """Hand in the release notebook with the solutions, except for ``answers``.

        ``answers=None`` hands in the release as it is (the stubs); ``files`` are handed in
        beside the notebook (path -> text).
        """
        notebook = nbformat.read(self.release, as_version=4)
        for cell in notebook.cells:
            grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
            if answers is not None and grade_id.endswith("-answer"):
                module = grade_id.removesuffix("-answer")
                exercise = next(e for e in LOSSES if e.module == module)
                cell.source = answers.get(module, answer_source(exercise, ROOT))
        folder = self.directory / "submitted" / student / ASSIGNMENT
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(notebook, folder / f"{TOPIC}.ipynb")
        for name, text in (files or {}).items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_text(text, encoding="utf-8")

    def autograde(self, student: str) -> None:
        result = self.api.autograde(ASSIGNMENT, student)
        assert result["success"], result.get("error", "") + result.get("log", "")
        self.graded.append(student)

    def cell_scores(self, student: str) -> dict[str, float]:
        from nbgrader.api import Gradebook

        with Gradebook(self.api.coursedir.db_url, self.api.coursedir.course_id) as gradebook:
            submission = gradebook.find_submission_notebook(TOPIC, ASSIGNMENT, student)
            return {grade.name: float(grade.score) for grade in submission.grades}

    def autograded(self, student: str):
        path = self.directory / "autograded" / student / ASSIGNMENT / f"{TOPIC}.ipynb"
        return nbformat.read(path, as_version=4)


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Course:
    """A losses course built, loaded with its own nbgrader_config.py, and generated."""
    from nbgrader.apps import NbGraderAPI
    from traitlets.config.loader import PyFileConfigLoader

    base = tmp_path_factory.mktemp("classroom")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JUPYTER_CONFIG_DIR", str(base / "jupyter-config"))
        # nbgrader runs the `alembic` command of its environment: find it without an activated venv.
        patch.setenv("PATH", os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]))
        # The course's config sets these for the kernels; the patch restores them afterwards.
        for name in ("MLKATA_ROOT", "MLKATA_CHECK_SECONDS", kernel.LOG_ENV):
            patch.delenv(name, raising=False)
        start = time.perf_counter()
        directory = base / "course"
        build_course(directory, [TOPIC], assignment=ASSIGNMENT, course_id="kata101", timeout=TIMEOUT)
        config = PyFileConfigLoader("nbgrader_config.py", path=str(directory)).load_config()
        assert os.environ["MLKATA_ROOT"] == str(ROOT.resolve())
        config.CourseDirectory.root = str(directory)
        config.Exchange.root = str(base / "exchange")
        api = NbGraderAPI(config=config)
        result = api.generate_assignment(ASSIGNMENT)
        assert result["success"], result.get("error", "") + result.get("log", "")
        yield Course(directory, api, time.perf_counter() - start)


# --- the notebooks are generated from the single sources --------------------------------------


def _test_cells(notebook) -> list:
    return [c for c in notebook.cells if c.metadata.get("nbgrader", {}).get("grade")]


def test_notebooks_are_deterministic_and_made_of_the_single_sources():
    first = render_notebooks([TOPIC], assignment=ASSIGNMENT, root=ROOT)
    assert first == render_notebooks([TOPIC], assignment=ASSIGNMENT, root=ROOT)
    notebook = nbformat.reads(first[f"{TOPIC}.ipynb"], as_version=4)
    assert notebook.metadata.kernelspec.name == "python3"
    cells = {c.metadata.nbgrader.grade_id: c for c in notebook.cells}
    for exercise in LOSSES:
        text, _ = split_meta(exercise.solution_path(ROOT).read_text(encoding="utf-8"))
        assert cells[f"{exercise.module}-answer"].source == text
        assert cells[f"{exercise.module}-statement"].metadata.nbgrader.locked
        points = {gid: c.metadata.nbgrader.points for gid, c in cells.items() if c.metadata.nbgrader.grade}
        assert {k: float(v) for k, v in points.items() if k.startswith(f"{exercise.module}-")} == full_points(
            exercise
        )
    for cell in _test_cells(notebook):
        source = cell.source
        assert source.count(HIDDEN_BEGIN) == 1 and source.count(HIDDEN_END) == 1, cell.id
        assert not isinstance(ast.parse(source).body[-1], ast.Expr), f"{cell.id} ends in an expression"
        code = [line for line in source.splitlines() if line.strip() and not line.startswith("# ")]
        assert code[:3] == [HIDDEN_BEGIN, "import warnings", 'warnings.simplefilter("ignore")'], cell.id
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
    for exercise in LOSSES:
        solution = exercise.solution_path(ROOT).read_text(encoding="utf-8")
        assert cells[f"{exercise.module}-answer"].source == stubs.make_stub(solution)
    text = course.release.read_text(encoding="utf-8")
    for internal in INTERNALS:
        assert internal not in text
    for cell in _test_cells(release):
        body = ast.parse(cell.source).body
        assert not body or not isinstance(body[-1], ast.Expr), f"{cell.id} ends in an expression"


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
    }
    for student, answers in submissions.items():
        course.submit(student, answers)
    seconds = {}
    for student in submissions:
        began = time.perf_counter()
        course.autograde(student)
        seconds[student] = time.perf_counter() - began

    full = {k: v for e in LOSSES for k, v in full_points(e).items()}
    total = sum(full.values())
    expected = {
        "perfect": full,
        "stubs": dict.fromkeys(full, 0.0),
        "partial": {
            **full,
            **expected_points(next(e for e in LOSSES if e.module == WRONG), {WRONG: wrong.function}),
        },
        "looping": {**full, **{k: 0.0 for k in full if k.startswith(f"{LOOPING}-")}},
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
    budget = check_budget(TIMEOUT)
    for grade_id in (k for k in full if k.startswith(f"{LOOPING}-")):  # stopped by the check's budget
        assert f"did not return within the {budget:g} s" in str(looping[grade_id].outputs)

    from nbgrader.api import Gradebook
    from nbgrader.plugins.export import CsvExportPlugin

    grades = course.directory / "grades.csv"
    exporter = CsvExportPlugin(parent=course.api)
    exporter.to = str(grades)
    with Gradebook(course.api.coursedir.db_url, course.api.coursedir.course_id) as gradebook:
        exporter.export(gradebook)
    with grades.open(newline="") as handle:
        rows = {row["student_id"]: row for row in csv.DictReader(handle)}
    for student, cells in expected.items():
        assert float(rows[student]["score"]) == sum(cells.values()), rows[student]
        assert float(rows[student]["max_score"]) == total

    result = course.api.generate_feedback(ASSIGNMENT)
    assert result["success"], result.get("error", "") + result.get("log", "")
    for student in submissions:
        html = (course.directory / "feedback" / student / ASSIGNMENT / f"{TOPIC}.html").read_text()
        for internal in INTERNALS:
            assert internal not in html, f"{student}'s feedback shows {internal!r}"
    partial_html = (course.directory / "feedback" / "partial" / ASSIGNMENT / f"{TOPIC}.html").read_text()
    assert "that is the squared hinge" in partial_html
    assert (
        "not implemented yet"
        in (course.directory / "feedback" / "stubs" / ASSIGNMENT / f"{TOPIC}.html").read_text()
    )

    elapsed = course.seconds + time.perf_counter() - start
    with capsys.disabled():
        shown = ", ".join(
            f"{s} {sum(c.values()):g}/{total:g} in {seconds[s]:.1f} s" for s, c in expected.items()
        )
        print(f"\nclassroom round trip: {elapsed:.1f} s (build + generate {course.seconds:.1f} s); {shown}")


# A fake of the kernel side handed in beside the notebook: a grading kernel must not import it.
SHADOW_PACKAGE = {
    "mlkata/__init__.py": "",
    "mlkata/classroom/__init__.py": "",
    "mlkata/classroom/kernel.py": "def check(*args, **kwargs):\n    pass\n\n\ndef warm_up():\n    pass\n",
}


def test_monkeypatching_numpy_and_sklearn_earns_no_hidden_points(course):
    """Nor does handing in a fake mlkata package next to the notebook."""
    course.submit("monkeypatcher", {WRONG: MONKEYPATCHING_ANSWER}, SHADOW_PACKAGE)
    course.autograde("monkeypatcher")
    exercise = next(e for e in LOSSES if e.module == WRONG)
    got = {k: v for k, v in course.cell_scores("monkeypatcher").items() if k.startswith(f"{WRONG}-")}
    expected = expected_points(exercise, {WRONG: always_zero_hinge})
    assert got == expected
    assert sum(got.values()) < sum(full_points(exercise).values())


# --- the judge, without nbgrader ---------------------------------------------------------------


@pytest.fixture
def judge(monkeypatch):
    """The kernel side in this process, with the default budget and the judge started first.

    That is what a grading kernel gets from the course's config (see ``config.WARM_UP``).
    """
    monkeypatch.setenv(kernel.BUDGET_ENV, str(kernel.DEFAULT_BUDGET))
    kernel.warm_up()
    return kernel


@pytest.mark.parametrize("exercise", all_exercises(ROOT), ids=lambda e: e.key)
def test_every_grader_check_passes_the_solution_through_the_judge(exercise, judge):
    if not exercise.grader_path(ROOT).is_file():
        pytest.skip(f"{exercise.key} has no grader yet")
    functions = solution_functions(exercise)
    for name, test, _ in grader_tests(exercise.grader_path(ROOT)):
        wanted = {p: functions[p] for p in inspect.signature(test).parameters}
        kernel.check(exercise.key, name, wanted)


def test_the_judge_gives_the_graders_message_and_stops_a_loop(judge, monkeypatch):
    import numpy as np

    def without_the_max(y_true, decision):
        return float(np.mean(1 - np.asarray(y_true) * np.asarray(decision)))

    with pytest.raises(AssertionError, match=r"did you forget the max\(0, \.\.\.\)"):
        kernel.check("losses/hinge_loss", "test_margin_cases", {"hinge_loss": without_the_max})

    def forever(y_true, decision):
        while True:
            pass

    monkeypatch.setenv(kernel.BUDGET_ENV, "1")
    began = time.perf_counter()
    with pytest.raises(AssertionError, match="did not return within the 1 s this check may take"):
        kernel.check("losses/hinge_loss", "test_margin_cases", {"hinge_loss": forever})
    assert time.perf_counter() - began < 3
    exercise = next(e for e in LOSSES if e.module == "hinge_loss")
    kernel.check("losses/hinge_loss", "test_margin_cases", solution_functions(exercise))


def test_an_answer_that_calls_a_reference_library_is_refused(judge):
    import sklearn.metrics

    def borrowed(y_true, decision):
        return sklearn.metrics.hinge_loss(y_true, decision)

    with pytest.raises(AssertionError, match="hinge_loss uses sklearn"):
        kernel.check("losses/hinge_loss", "test_margin_cases", {"hinge_loss": borrowed})


def test_a_kept_result_stays_in_the_kernel_and_comes_back_to_the_next_call(judge, tmp_path, monkeypatch):
    """A grader's keep(): the fitted model is not plain data, so only its number crosses the pipe."""
    (tmp_path / "solutions" / "probability").mkdir(parents=True)
    (tmp_path / "graders" / "probability").mkdir(parents=True)
    (tmp_path / "solutions" / "probability" / "counting_model.py").write_text(
        "def counting_fit(values):\n"
        '    """Fit.\n\n    >>> 1\n    1\n    """\n'
        "    ### BEGIN SOLUTION\n    return sum(values) / len(values)\n    ### END SOLUTION\n\n\n"
        "def counting_predict(model, x):\n"
        "    ### BEGIN SOLUTION\n    return model + x\n    ### END SOLUTION\n"
    )
    (tmp_path / "graders" / "probability" / "test_counting_model.py").write_text(
        "from mlkata.grading import expect_close, points, student_function\n\n"
        'counting_fit = student_function("counting_fit")\n'
        'counting_predict = student_function("counting_predict")\n\n\n'
        "@points(2)\n"
        "def test_predicts_with_the_kept_model(counting_fit, counting_predict):\n"
        "    model = counting_fit.keep([1.0, 2.0, 3.0])\n"
        '    expect_close(counting_predict.call(model, 10.0), 12.0, reference="mean + x")\n'
    )
    monkeypatch.setenv("MLKATA_ROOT", str(tmp_path))
    judge.warm_up()  # a judge for this project

    class Model:
        def __init__(self, mean):
            self.mean = mean

    def fit(values):
        return Model(sum(values) / len(values))

    def predict(model, x):
        return model.mean + x

    key, test = "probability/counting_model", "test_predicts_with_the_kept_model"
    kernel.check(key, test, {"counting_fit": fit, "counting_predict": predict})
    with pytest.raises(AssertionError, match=r"(?s)counting_predict\(<result of counting_fit\(.*got +-8\.0"):
        kernel.check(key, test, {"counting_fit": fit, "counting_predict": lambda model, x: model.mean - x})


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
    assert "c.Execute.timeout = 10" in config and "ClearHiddenTests" in config
    assert f"'MLKATA_CHECK_SECONDS', '{check_budget(10)}'" in config
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
