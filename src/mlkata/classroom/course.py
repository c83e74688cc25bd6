"""Write an nbgrader course folder: ``nbgrader_config.py`` and ``source/<assignment>/``.

Notebooks are generated, never edited: building again rewrites them, and removes the
notebooks an earlier build wrote that the new one does not (a topic dropped from
``--topics``). Every notebook is validated by nbformat and by nbgrader's metadata
validator before it is written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mlkata.catalog import Exercise, exercises_of
from mlkata.classroom import require_classroom_extra
from mlkata.classroom.config import DEFAULT_TIMEOUT, EXCHANGE, config_text, is_ours
from mlkata.classroom.notebook import build_notebook
from mlkata.engine.files import atomic_write
from mlkata.paths import project_root

CONFIG_NAME = "nbgrader_config.py"
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")


@dataclass
class CourseResult:
    """What :func:`build_course` wrote."""

    config: Path
    notebooks: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)


def plan(exercises: list[Exercise], assignment: str, per_topic: bool) -> dict[str, list[Exercise]]:
    """Notebook names (without ``.ipynb``) and their exercises, in curriculum order."""
    if not per_topic:
        return {assignment: list(exercises)}
    grouped: dict[str, list[Exercise]] = {}
    for exercise in exercises:
        grouped.setdefault(exercise.topic, []).append(exercise)
    return grouped


def notebook_text(notebook: Any) -> str:
    """The notebook as written to disk, after validation."""
    import nbformat
    from nbgrader.nbgraderformat import MetadataValidator

    nbformat.validate(notebook)
    MetadataValidator().validate_nb(notebook)
    return nbformat.writes(notebook) + "\n"


def render_notebooks(
    topics: list[str] | None = None,
    *,
    assignment: str = "mlkata",
    per_topic: bool = True,
    root: Path | None = None,
) -> dict[str, str]:
    """The text of every notebook of a course, by file name; nothing is written."""
    require_classroom_extra()
    root = root or project_root()
    exercises = exercises_of(topics, root)
    if not exercises:
        raise ValueError("no exercises in the chosen topics")
    texts = {}
    for name, chosen in plan(exercises, assignment, per_topic).items():
        title = f"mlkata: {name}" if per_topic else f"mlkata: {assignment}"
        texts[f"{name}.ipynb"] = notebook_text(build_notebook(chosen, root, title))
    return texts


def _generated_by_us(path: Path) -> bool:
    import json

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return isinstance(data, dict) and "mlkata" in data.get("metadata", {})


def build_course(
    directory: Path,
    topics: list[str] | None = None,
    *,
    assignment: str = "mlkata",
    per_topic: bool = True,
    course_id: str = "mlkata",
    timeout: int = DEFAULT_TIMEOUT,
    root: Path | None = None,
    force: bool = False,
) -> CourseResult:
    """Write the course for ``topics`` (all by default) into ``directory``.

    Raises
    ------
    ClassroomUnavailable
        When nbgrader is not installed.
    KeyError
        For an unknown topic.
    FileExistsError
        When ``directory`` holds an ``nbgrader_config.py`` that mlkata did not write
        (pass ``force=True`` to replace it).
    ValueError
        For an assignment or course id nbgrader cannot use.
    """
    for label, value in (("assignment", assignment), ("course id", course_id)):
        if not _NAME.fullmatch(value):
            raise ValueError(f"the {label} {value!r} may hold only letters, digits, '_' and '-'")
    root = (root or project_root()).resolve()
    texts = render_notebooks(topics, assignment=assignment, per_topic=per_topic, root=root)
    directory = directory.resolve()
    config = directory / CONFIG_NAME
    if config.exists() and not is_ours(config) and not force:
        raise FileExistsError(f"{config} was not written by mlkata: pass --force to replace it")
    atomic_write(config, config_text(course_id, root, timeout))
    (directory / EXCHANGE).mkdir(exist_ok=True)
    result = CourseResult(config)
    folder = directory / "source" / assignment
    for name, text in texts.items():
        path = folder / name
        atomic_write(path, text)
        result.notebooks.append(path)
    for stale in sorted(folder.glob("*.ipynb")):
        if stale.name not in texts and _generated_by_us(stale):
            stale.unlink()
            result.removed.append(stale)
    return result
