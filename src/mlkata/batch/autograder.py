"""Grading one Gradescope submission: what ``run_autograder`` of the autograder zip runs.

``python -m mlkata.batch.autograder [--root /autograder]`` grades ``ROOT/submission`` as a
class of one student with :func:`mlkata.batch.run.grade_batch` (the intake, the grader
processes and the sandbox of ``mlkata grade``) against the graders of ``ROOT/source/mlkata``
and the options of ``ROOT/source/mlkata-autograder.json``
(:mod:`mlkata.batch.gradescope`), and writes that student's ``results.json`` to
``ROOT/results/results.json``, with hidden checks as the zip asks. The root is
``/autograder`` unless ``--root`` or ``MLKATA_AUTOGRADER_ROOT`` name another.

Whatever goes wrong, a ``results.json`` is written: when the sandbox cannot start here, or
grading fails, every check scores 0 with the reason ("not graded: ..."), and the reason is on
stdout, which Gradescope shows the instructor. Nothing is graded outside the sandbox.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from mlkata.batch.gradescope import CONFIG_NAME, HIDDEN_VISIBILITIES, PACK_FOLDER, read_config

ROOT_ENV = "MLKATA_AUTOGRADER_ROOT"
"""Names the autograder root instead of ``/autograder`` (a test's fake root)."""
STUDENT = "submission"
"""The one student's name in the class of one graded here."""


def sandbox_problem() -> str | None:
    """Why the grading sandbox cannot start on this machine, or ``None`` when it can."""
    from mlkata.grading.isolation import Sandbox, SandboxUnavailable

    try:
        Sandbox().kill()
    except (SandboxUnavailable, OSError) as error:
        return f"the grading sandbox cannot start on this machine ({error})"
    return None


def failed_results(reason: str, pack: Path, topics: Sequence[str]) -> dict:
    """A ``results.json`` in which every check of the graders scores 0 because of ``reason``."""
    from mlkata import catalog
    from mlkata.batch import report

    try:
        exercises = catalog.exercises_of(list(topics) or None, pack)
        expected = report.expected_checks([e for e in exercises if e.grader_path(pack).is_file()], pack)
    except Exception as error:  # a broken zip: the reason is still told
        print(f"mlkata autograder: cannot read the graders: {error!r}", file=sys.stderr)
        expected = {}
    result = report.StudentResult(STUDENT, "", list(topics), error=reason)
    return report.results_json(result, expected)


def grade(root: Path, hidden_visibility: str | None = None, jobs: int = 1) -> dict:
    """Grade ``root/submission`` with the zip unpacked in ``root/source``; its ``results.json``.

    Raises
    ------
    FileNotFoundError
        When ``root/source`` holds no autograder zip's files.
    """
    from mlkata import catalog
    from mlkata.batch import report
    from mlkata.batch.gradescope import with_hidden_visibility
    from mlkata.batch.run import Options, grade_batch

    source = root / "source"
    pack = source / PACK_FOLDER
    if not (source / CONFIG_NAME).is_file() or not (pack / "graders").is_dir():
        raise FileNotFoundError(f"{source} holds no mlkata autograder ({CONFIG_NAME} and {PACK_FOLDER}/)")
    config = read_config(source)
    visibility = hidden_visibility or config.hidden_visibility
    submission = root / "submission"
    if not submission.is_dir():
        return with_hidden_visibility(
            failed_results(f"no submission folder ({submission})", pack, config.topics), visibility
        )
    problem = sandbox_problem()
    if problem:
        return with_hidden_visibility(failed_results(problem, pack, config.topics), visibility)
    os.environ["MLKATA_ROOT"] = str(pack)  # for anything that looks the project up
    exercises = catalog.exercises_of(list(config.topics) or None, pack)
    options = Options(
        jobs=jobs,
        force=True,
        call_timeout=config.call_timeout,
        exercise_timeout=config.exercise_timeout,
        memory_mb=config.memory_mb,
    )
    work = Path(tempfile.mkdtemp(prefix="mlkata-autograder-"))
    try:
        (work / "class").mkdir()
        (work / "class" / STUDENT).symlink_to(submission.resolve(), target_is_directory=True)
        summary = grade_batch(work / "class", work / "out", exercises, pack, options)
        graded = summary.graded or summary.skipped
        data = report.read_results(work / "out" / graded[0] / "results.json") if graded else None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if data is None:
        data = failed_results("the submission was not graded (no results were written)", pack, config.topics)
    return with_hidden_visibility(data, visibility)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m mlkata.batch.autograder", description=__doc__)
    parser.add_argument(
        "--root",
        type=Path,
        default=Path(os.environ.get(ROOT_ENV) or "/autograder"),
        help=f"the autograder root (default: ${ROOT_ENV}, else /autograder)",
    )
    parser.add_argument(
        "--hidden-visibility",
        choices=HIDDEN_VISIBILITIES,
        help="the visibility of hidden checks (default: the zip's)",
    )
    parser.add_argument(
        "--check", action="store_true", help="only say whether the sandbox can start here (setup.sh)"
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Grade the submission; 0 once ``results.json`` is written, 1 if grading itself failed."""
    from mlkata.engine.files import atomic_write

    arguments = _arguments(argv)
    if arguments.check:
        problem = sandbox_problem()
        if problem:
            print(f"mlkata autograder: WARNING: {problem}; every submission will score 0 with this reason")
        else:
            print("mlkata autograder: the grading sandbox starts on this image")
        return 0
    import mlkata

    root = arguments.root
    started = time.monotonic()
    where = Path(mlkata.__file__).resolve().parent
    print(f"mlkata {mlkata.__version__} from {where}: grading {root / 'submission'}")
    status = 0
    try:
        data = grade(root, arguments.hidden_visibility)
    except Exception as error:
        import traceback

        traceback.print_exc(file=sys.stdout)
        source = root / "source"
        topics = read_config(source).topics if (source / CONFIG_NAME).is_file() else ()
        reason = f"the autograder failed ({type(error).__name__}: {error})"
        data = failed_results(reason, source / PACK_FOLDER, topics)
        status = 1
    atomic_write(root / "results" / "results.json", json.dumps(data, indent=2) + "\n")
    meta = data.get("extra_data", {}).get("mlkata", {})
    print(
        f"score {data['score']}/{data['max_score']} in {time.monotonic() - started:.1f} s; "
        f"results in {root / 'results' / 'results.json'}"
    )
    for note in meta.get("notes", []):
        print(f"note: {note}")
    if meta.get("error"):
        print(f"grading did not finish: {meta['error']}")
    return status


if __name__ == "__main__":
    raise SystemExit(main())
