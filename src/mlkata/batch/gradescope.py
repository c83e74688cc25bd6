"""A Gradescope autograder for mlkata: the zip ``mlkata gradescope build`` writes.

The zip follows Gradescope's autograder specification. At its root:

- ``setup.sh``: run once, as root, when Gradescope builds the autograder's image (Ubuntu):
  installs Python and, in a virtual environment of its own (``/autograder/mlkata-venv``),
  mlkata with its dependencies, from the zip's copy;
- ``run_autograder``: run for each submission, it grades ``/autograder/submission`` into
  ``/autograder/results/results.json`` (:mod:`mlkata.batch.autograder`, with the batch's own
  grading: the sandbox, the grader processes, the intake);
- ``mlkata/``: what grading needs: mlkata's source and ``pyproject.toml``, and the solutions
  (their metadata: points, allowed imports) and graders of the chosen topics;
- ``mlkata-autograder.json``: the topics and options chosen at build time.

Hidden checks (``@hidden()``) are ``"hidden"`` in a batch's ``results.json``;
:func:`with_hidden_visibility` gives them another of Gradescope's visibilities
(``after_due_date``, ``after_published``), and :func:`apply_hidden_visibility` does so for
every student of a batch's output folder. Their output stays empty either way.
"""

from __future__ import annotations

import copy
import json
import os
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

from mlkata import limits
from mlkata.catalog import Exercise

HIDDEN_VISIBILITIES = ("hidden", "after_due_date", "after_published")
"""What Gradescope may show of a hidden check: nothing, or its score after the due date, or
after the grades are published."""
CONFIG_NAME = "mlkata-autograder.json"
"""The options the zip was built with, at its root (``/autograder/source/`` on Gradescope)."""
PACK_FOLDER = "mlkata"
"""The zip's folder holding mlkata's source, solutions and graders."""
VENV = "mlkata-venv"
"""The virtual environment ``setup.sh`` makes, under the autograder root."""

SETUP_SH = """\
#!/usr/bin/env bash
# Gradescope runs this once, as root, while it builds the autograder image (Ubuntu):
# Python, then mlkata and its dependencies (scikit-learn, SciPy, ...) from this zip's copy.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="${MLKATA_AUTOGRADER_ROOT:-/autograder}"
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends python3 python3-venv python3-pip ca-certificates
python3 -m venv "$root/@VENV@"
"$root/@VENV@/bin/python" -m pip install --upgrade pip
"$root/@VENV@/bin/python" -m pip install "$here/@PACK@"
# Says now, in the build log, whether this image can start the grading sandbox.
"$root/@VENV@/bin/python" -m mlkata.batch.autograder --check --root "$root"
""".replace("@VENV@", VENV).replace("@PACK@", PACK_FOLDER)

RUN_AUTOGRADER = """\
#!/usr/bin/env bash
# Gradescope runs this for each submission: it grades /autograder/submission into
# /autograder/results/results.json. MLKATA_AUTOGRADER_ROOT names another root (a test's),
# MLKATA_AUTOGRADER_PYTHON another Python with mlkata installed.
set -uo pipefail
root="${MLKATA_AUTOGRADER_ROOT:-/autograder}"
python="${MLKATA_AUTOGRADER_PYTHON:-$root/@VENV@/bin/python}"
[ -x "$python" ] || python=python3
exec "$python" -m mlkata.batch.autograder --root "$root" "$@"
""".replace("@VENV@", VENV)


@dataclass(frozen=True)
class BundleOptions:
    """What the autograder grades with, fixed when the zip is built."""

    topics: tuple[str, ...] = ()
    hidden_visibility: str = "hidden"
    call_timeout: float = limits.CALL_TIMEOUT
    exercise_timeout: float = limits.EXERCISE_TIMEOUT
    memory_mb: int = limits.MEMORY_MB

    def __post_init__(self) -> None:
        if self.hidden_visibility not in HIDDEN_VISIBILITIES:
            raise ValueError(
                f"hidden visibility {self.hidden_visibility!r} is not one of {', '.join(HIDDEN_VISIBILITIES)}"
            )


@dataclass(frozen=True)
class Bundle:
    """A zip written by :func:`build_bundle`."""

    path: Path
    files: tuple[str, ...]
    """Its entries, in order."""
    exercises: tuple[str, ...]
    max_score: int
    """The points of every check of its graders."""


def with_hidden_visibility(data: dict, visibility: str) -> dict:
    """A copy of a batch's ``results.json`` whose hidden checks have ``visibility``.

    A hidden check is any test that is not ``"visible"``: the setting can be changed again.

    Examples
    --------
    >>> data = {"tests": [{"visibility": "visible"}, {"visibility": "hidden"}]}
    >>> [t["visibility"] for t in with_hidden_visibility(data, "after_published")["tests"]]
    ['visible', 'after_published']
    """
    if visibility not in HIDDEN_VISIBILITIES:
        raise ValueError(f"hidden visibility {visibility!r} is not one of {', '.join(HIDDEN_VISIBILITIES)}")
    changed = copy.deepcopy(data)
    for test in changed.get("tests", []):
        if test.get("visibility") != "visible":
            test["visibility"] = visibility
    return changed


def apply_hidden_visibility(out: Path, visibility: str) -> int:
    """Give the hidden checks of every ``results.json`` of ``out`` (a batch's output) ``visibility``.

    Only the files that change are written (atomically); returns how many did.
    """
    from mlkata.batch.report import read_results
    from mlkata.engine.files import atomic_write

    changed = 0
    for path in sorted(out.glob("*/results.json")):
        data = read_results(path)
        if data is None:
            continue
        wanted = with_hidden_visibility(data, visibility)
        if wanted != data:
            atomic_write(path, json.dumps(wanted, indent=2) + "\n")
            changed += 1
    return changed


def package_source() -> Path:
    """The checkout mlkata is installed from: ``pyproject.toml`` and ``src/mlkata``.

    Raises
    ------
    FileNotFoundError
        When mlkata is not installed from a checkout (``pip install -e .``).
    """
    import mlkata

    checkout = Path(mlkata.__file__).resolve().parents[2]
    if not (checkout / "pyproject.toml").is_file() or not (checkout / "src" / "mlkata").is_dir():
        raise FileNotFoundError(
            f"mlkata is not installed from a checkout ({checkout} has no pyproject.toml and src/mlkata): "
            "mlkata gradescope build copies the checkout's source; install it with pip install -e ."
        )
    return checkout


def _files_below(folder: Path, suffixes: tuple[str, ...] = ()) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part.startswith(".") or part in ("__pycache__", "mlkata.egg-info") for part in relative):
            continue
        if path.is_file() and not path.is_symlink() and path.suffix != ".pyc":
            if not suffixes or path.suffix in suffixes:
                found.append(path)
    return found


def bundle_files(exercises: list[Exercise], root: Path, checkout: Path) -> dict[str, Path]:
    """The zip's entries below ``mlkata/``, by name, and the file each is copied from.

    mlkata's package and project files come from ``checkout``; the solutions and graders of
    ``exercises`` (and any helper module beside a grader) from the project ``root``.
    """
    files: dict[str, Path] = {}
    for name in ("pyproject.toml", "README.md", "LICENSE", "conftest.py"):
        if (checkout / name).is_file():
            files[f"{PACK_FOLDER}/{name}"] = checkout / name
    package = checkout / "src" / "mlkata"
    for path in _files_below(package):
        files[f"{PACK_FOLDER}/src/mlkata/{path.relative_to(package).as_posix()}"] = path
    for topic in dict.fromkeys(e.topic for e in exercises):
        chosen = {e.module for e in exercises if e.topic == topic}
        for kind, name_of in (("solutions", "{}.py"), ("graders", "test_{}.py")):
            folder = root / kind / topic
            for path in _files_below(folder, (".py",)):
                grader_of_another = path.name.startswith("test_") and path.stem[5:] not in chosen
                solution_of_another = kind == "solutions" and path.stem not in chosen
                if not grader_of_another and not solution_of_another:
                    files[f"{PACK_FOLDER}/{kind}/{topic}/{path.name}"] = path
            for module in chosen:
                if not (folder / name_of.format(module)).is_file():
                    raise FileNotFoundError(f"{folder / name_of.format(module)} is missing")
    return files


def _entry(name: str, executable: bool = False) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # the same zip for the same files
    info.external_attr = (0o100755 if executable else 0o100644) << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3  # Unix, so that unzip keeps the modes
    return info


def build_bundle(
    path: Path, exercises: list[Exercise], root: Path, options: BundleOptions, checkout: Path | None = None
) -> Bundle:
    """Write the Gradescope autograder zip for ``exercises`` to ``path`` (atomically).

    Parameters
    ----------
    path : Path
        The zip to write (``autograder.zip``); its folder is made if missing.
    exercises : list of Exercise
        What the autograder grades (those with a grader).
    root : Path
        The project (or pack) holding their ``solutions/`` and ``graders/``.
    options : BundleOptions
        The topics, time and memory limits, and the visibility of hidden checks.
    checkout : Path, optional
        The mlkata checkout to copy the package from (:func:`package_source` by default).

    Returns
    -------
    Bundle
        What was written.
    """
    from mlkata.batch.report import expected_checks

    exercises = [e for e in exercises if e.grader_path(root).is_file()]
    if not exercises:
        raise ValueError("no exercise with a grader to put in the autograder")
    files = bundle_files(exercises, root, checkout or package_source())
    config = asdict(options) | {
        "topics": list(dict.fromkeys(e.topic for e in exercises)),
        "exercises": [e.key for e in exercises],
    }
    max_score = sum(c.points for checks in expected_checks(exercises, root).values() for c in checks)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    names = ["setup.sh", "run_autograder", CONFIG_NAME, *files]
    try:
        with zipfile.ZipFile(partial, "w") as bundle:
            bundle.writestr(_entry("setup.sh", executable=True), SETUP_SH)
            bundle.writestr(_entry("run_autograder", executable=True), RUN_AUTOGRADER)
            bundle.writestr(_entry(CONFIG_NAME), json.dumps(config, indent=2) + "\n")
            for name, source in files.items():
                bundle.writestr(_entry(name), source.read_bytes())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return Bundle(path, tuple(names), tuple(e.key for e in exercises), max_score)


def read_config(source: Path) -> BundleOptions:
    """The options a zip was built with, from its unpacked folder (``/autograder/source``)."""
    data = json.loads((source / CONFIG_NAME).read_text(encoding="utf-8"))
    return BundleOptions(
        topics=tuple(data.get("topics", ())),
        hidden_visibility=data.get("hidden_visibility", "hidden"),
        call_timeout=float(data.get("call_timeout", limits.CALL_TIMEOUT)),
        exercise_timeout=float(data.get("exercise_timeout", limits.EXERCISE_TIMEOUT)),
        memory_mb=int(data.get("memory_mb", limits.MEMORY_MB)),
    )
