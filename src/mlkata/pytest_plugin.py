"""The pytest plugin that turns grader files into a grading run.

- ``--target DIR`` picks the folder graded (layout ``<topic>/<module>.py``); without it
  the graders grade the learner's ``exercises/``.
- ``pytest exercises/losses`` collects, for each exercise file, its grader
  ``graders/<topic>/test_<module>.py`` pointed at that file.
- ``--sandbox`` runs the learner's functions in confined worker processes instead of
  this one (:mod:`mlkata.grading.sandbox`); ``mlkata grade`` grades a class that way.
- Every failure carries the grader's learner-facing message instead of a traceback,
  and the run ends with a per-exercise table of points, or a JSON report with
  ``--mlkata-report``.
- A learner's run (``pytest exercises/...``) records each exercise whose checks all ran in
  the progress file, as ``mlkata check`` does, so that ``mlkata`` shows where they stand;
  ``--no-record`` leaves the file alone.
- A drill's folder (``.mlkata-drills/<time>/``, from ``mlkata drill``) is graded the same
  way, from inside it too (bare ``pytest`` there), and never recorded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata import limits
from mlkata.catalog import load_exercise
from mlkata.curriculum import topics
from mlkata.engine.checks import run_check
from mlkata.engine.results import CheckResult, ExerciseResult, write_report
from mlkata.engine.specs import CheckSpec, exercise_key_of, grader_module, solution_of
from mlkata.grading.failures import GradeFailure
from mlkata.grading.proxy import DEFAULT_CALL_TIMEOUT
from mlkata.grading.targets import TARGET_KEY
from mlkata.summary import GradedFile

EXERCISE_KEY = pytest.StashKey[str]()
RESULTS_KEY = pytest.StashKey["dict[str, ExerciseResult]"]()
LEARNER_MODE_KEY = pytest.StashKey[bool]()
GRADED_FILES_KEY = pytest.StashKey["dict[str, GradedFile]"]()
RECORD_PROBLEM_KEY = pytest.StashKey[str]()
"""Why the run could not be recorded in the progress file (empty when it was)."""
CHECK_KEY = pytest.StashKey[CheckResult]()
"""A grader check's result, as :func:`~mlkata.engine.checks.run_check` gave it."""
MARKERS = (
    "points(n): how many points a grader test is worth",
    "hidden: a grader test whose details batch results do not show",
    "robust: a grader test of level ★★ (extreme inputs an interviewer throws)",
)


class CheckFailed(GradeFailure):
    """How a failed check is told to pytest: the grader's message, no traceback."""


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mlkata", "mlkata grading")
    group.addoption(
        "--target",
        default=None,
        help="folder whose <topic>/<module>.py files the graders grade (default: exercises/)",
    )
    group.addoption(
        "--call-timeout",
        type=float,
        default=DEFAULT_CALL_TIMEOUT,
        help="seconds one call of a graded function may take (default: %(default)s)",
    )
    group.addoption("--mlkata-report", default=None, help="write the per-exercise results to this JSON file")
    group.addoption(
        "--sandbox",
        action="store_true",
        default=False,
        help="run the graded functions in confined worker processes (batch grading of untrusted code)",
    )
    group.addoption(
        "--exercise-timeout",
        type=float,
        default=limits.EXERCISE_TIMEOUT,
        help="with --sandbox: seconds all the calls of one exercise may take together (default: %(default)s)",
    )
    group.addoption(
        "--sandbox-memory",
        type=int,
        default=limits.MEMORY_MB,
        help="with --sandbox: megabytes of memory a worker may use (default: %(default)s)",
    )
    group.addoption(
        "--no-record",
        action="store_true",
        default=False,
        help="don't record this run of exercises/ in your progress file (mlkata's own list)",
    )


def pytest_configure(config: pytest.Config) -> None:
    for marker in MARKERS:  # so that graders run under --strict-markers in any project
        config.addinivalue_line("markers", marker)
    config.stash[RESULTS_KEY] = {}
    config.stash[LEARNER_MODE_KEY] = False
    config.stash[GRADED_FILES_KEY] = {}


# --- collection: `pytest exercises/<topic>` runs the graders of those files ---------------


def root_of(exercise_file: Path) -> tuple[Path, bool] | None:
    """The project root of a learner's file, and whether it is a drill's; ``None`` if neither.

    A learner's file is ``<root>/exercises/<topic>/<module>.py``; a drill's is
    ``<root>/.mlkata-drills/<time>/<topic>/<module>.py``.
    """
    from mlkata.learner.grade import DRILLS_FOLDER

    if exercise_file.suffix != ".py" or len(exercise_file.parents) < 4:
        return None
    layout = exercise_file.parents[1]
    if layout.name == "exercises":
        return layout.parent, False
    if layout.parent.name == DRILLS_FOLDER:
        return layout.parent.parent, True
    return None


def grader_of(exercise_file: Path) -> Path | None:
    """The grader of a learner's exercise file (or a drill's), if any."""
    found = root_of(exercise_file)
    if found is None:
        return None
    grader = found[0] / "graders" / exercise_file.parent.name / f"test_{exercise_file.name}"
    return grader if grader.is_file() else None


class GraderModule(pytest.Module):
    """An exercise file, collected as the tests of its grader aimed at that file."""

    grader: Path

    def _getobj(self):
        return grader_module(self.grader.resolve())


def _grader_module(exercise_file: Path, parent: pytest.Collector) -> pytest.Module | None:
    grader = grader_of(exercise_file)
    if grader is None:
        return None
    module = GraderModule.from_parent(parent, path=exercise_file)
    module.grader = grader
    module.stash[TARGET_KEY] = exercise_file.parents[1]
    parent.config.stash[LEARNER_MODE_KEY] = True
    key = exercise_key_of(grader)
    found = root_of(exercise_file)
    if key is not None and found is not None:
        from mlkata.learner.grade import file_hash

        parent.config.stash[GRADED_FILES_KEY][key] = GradedFile(
            exercise_file, found[0], file_hash(exercise_file), file_hash(grader), drill=found[1]
        )
    return module


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Module | None:
    if parent.session.isinitpath(file_path):
        return None  # an exercise file named on the command line: see pytest_pycollect_makemodule
    return _grader_module(file_path, parent)


@pytest.hookimpl(tryfirst=True)
def pytest_pycollect_makemodule(module_path: Path, parent: pytest.Collector):
    return _grader_module(module_path, parent)


def pytest_itemcollected(item: pytest.Item) -> None:
    module = item.getparent(pytest.Module)
    if isinstance(module, GraderModule):
        graded = item.config.stash[GRADED_FILES_KEY].get(exercise_key_of(module.grader) or "")
        if graded is not None:
            graded.collected += 1


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items) -> None:
    for item in items:
        module = getattr(item, "module", None)
        key = exercise_key_of(Path(module.__file__)) if module is not None else None
        if key is not None:
            item.stash[EXERCISE_KEY] = key
            if key not in config.stash[RESULTS_KEY]:
                order = _order(Path(module.__file__))
                config.stash[RESULTS_KEY][key] = ExerciseResult(key, order)
    if config.stash[LEARNER_MODE_KEY]:  # learners meet exercises in curriculum order
        results = config.stash[RESULTS_KEY]
        items.sort(
            key=lambda i: (
                results[i.stash[EXERCISE_KEY]].order if EXERCISE_KEY in i.stash else (len(topics()) + 1, 0)
            )
        )


def _order(grader_path: Path) -> tuple[int, int]:
    topic = grader_path.parent.name
    solution = solution_of(grader_path)
    place = load_exercise(solution).order if solution.is_file() else 999
    known = topics()
    return (known.index(topic) if topic in known else len(known), place)


def pytest_collection_finish(session: pytest.Session) -> None:
    config = session.config
    if config.stash[LEARNER_MODE_KEY] and config.get_verbosity() <= 0:
        # Learners read the mlkata summary; pytest's own failure listing would repeat it.
        config.option.tbstyle = "no"
        reporter = config.pluginmanager.get_plugin("terminalreporter")
        if reporter is not None:
            reporter.reportchars = ""


# --- the learner's module behind each grader ------------------------------------------------


# --- results -----------------------------------------------------------------------------------


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run a grader check through the engine, as every other way of grading does."""
    if EXERCISE_KEY not in pyfuncitem.stash:
        return None
    check = CheckSpec.of(pyfuncitem.name, pyfuncitem.obj)
    result = run_check(check, pyfuncitem.funcargs)
    pyfuncitem.stash[CHECK_KEY] = result
    if not result.passed:
        raise CheckFailed(result.message)
    return True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    report = yield
    key = item.stash.get(EXERCISE_KEY, None)
    if key is None:
        return report
    error = call.excinfo.value if call.excinfo is not None else None
    if isinstance(error, GradeFailure):
        report.longrepr = str(error)
    if report.when == "call" and report.failed:  # what the learner's code printed, for the summary
        printed = (report.capstdout + report.capstderr).strip()
        graded = item.config.stash[GRADED_FILES_KEY].get(key)
        if printed and graded is not None:
            graded.printed[item.name] = printed
    if report.when == "call" and CHECK_KEY in item.stash:
        item.config.stash[RESULTS_KEY][key].checks.append(item.stash[CHECK_KEY])
    elif report.when in ("setup", "call") and report.failed:  # a fixture of the grader failed
        marker = item.get_closest_marker("points")
        item.config.stash[RESULTS_KEY][key].checks.append(
            CheckResult(
                name=item.name,
                points=int(marker.args[0]) if marker else 1,
                passed=False,
                message=_text(report),
                hidden=item.get_closest_marker("hidden") is not None,
                crashed=True,
                level=2 if item.get_closest_marker("robust") is not None else 1,
            )
        )
    return report


def _text(report: pytest.TestReport) -> str:
    text = report.longreprtext.strip()
    return text.splitlines()[-1] if text else report.outcome


def pytest_sessionfinish(session: pytest.Session) -> None:
    config = session.config
    path = config.getoption("mlkata_report")
    if path:
        write_report(Path(path), config.stash[RESULTS_KEY].values())
    if config.stash[LEARNER_MODE_KEY] and not config.getoption("no_record"):
        config.stash[RECORD_PROBLEM_KEY] = record_progress(config)


def record_progress(config: pytest.Config) -> str:
    """Record each exercise whose checks all ran in the progress file; say why not if it can't.

    An exercise cut short (``-k``, ``-x``, an interrupt) is left out: a part of its checks
    passing says nothing about the whole. So is a drill's file: it is not the learner's own.
    """
    from mlkata.learner.progress import NewGrading, Progress, ProgressError

    graded = config.stash[GRADED_FILES_KEY]
    complete = [
        NewGrading(
            key,
            result.score,
            result.max_score,
            result.passed,
            graded[key].content_hash,
            graded[key].grader_hash,
        )
        for key, result in config.stash[RESULTS_KEY].items()
        if key in graded
        and not graded[key].drill
        and graded[key].collected
        and len(result.checks) == graded[key].collected
    ]
    if not complete:
        return ""
    from mlkata.learner.levels import checks_level

    results = config.stash[RESULTS_KEY]
    try:
        Progress().record_gradings(complete, source="pytest")
        Progress().record_levels({g.exercise: checks_level(results[g.exercise].checks) for g in complete})
    except ProgressError as error:
        return str(error)
    return ""


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    results = sorted((r for r in config.stash[RESULTS_KEY].values() if r.checks), key=lambda r: r.order)
    if not results:
        return
    from mlkata.summary import write_summary

    write_summary(
        terminalreporter,
        results,
        learner=config.stash[LEARNER_MODE_KEY],
        files=config.stash[GRADED_FILES_KEY],
        here=config.invocation_params.dir,
    )
    problem = config.stash.get(RECORD_PROBLEM_KEY, "")
    if problem:
        terminalreporter.write_line(f" not recorded in your progress: {problem}", yellow=True)
