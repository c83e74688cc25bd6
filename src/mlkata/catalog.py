"""The curriculum as the solution modules describe it.

Every exercise is one module ``solutions/<topic>/<module>.py``. Besides the
functions it teaches, the module carries its own metadata between ``### BEGIN META``
and ``### END META``: its difficulty, its hints (in
order of strength) and, rarely, the imports a learner may use beyond numpy. That block
is stripped from the stub and from notebooks, so it is the only place hints live.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from mlkata.curriculum import check_folder, modules_of, topics
from mlkata.curriculum import topics as known_topics
from mlkata.interview import Question, TalkingPoints, quiz, talking_points
from mlkata.paths import project_root

META_BEGIN = "### BEGIN META"
META_END = "### END META"
SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"


@dataclass(frozen=True)
class Exercise:
    """One exercise: a module of the curriculum and what is known about it."""

    topic: str
    module: str
    functions: tuple[str, ...]
    order: int
    difficulty: int
    hints: tuple[str, ...]
    allowed_imports: tuple[str, ...] = field(default=())
    talking_points: TalkingPoints | None = None
    """What to say about it in an interview (``TALKING_POINTS``; :mod:`mlkata.interview`)."""
    quiz: tuple[Question, ...] = field(default=())
    """Its concept checks (``QUIZ``; :mod:`mlkata.interview`)."""

    @property
    def key(self) -> str:
        """``<topic>/<module>``, the name commands and reports use."""
        return f"{self.topic}/{self.module}"

    def solution_path(self, root: Path | None = None) -> Path:
        return (root or project_root()) / "solutions" / self.topic / f"{self.module}.py"

    def exercise_path(self, root: Path | None = None) -> Path:
        return (root or project_root()) / "exercises" / self.topic / f"{self.module}.py"

    def grader_path(self, root: Path | None = None) -> Path:
        return (root or project_root()) / "graders" / self.topic / f"test_{self.module}.py"


def split_meta(source: str) -> tuple[str, dict[str, object]]:
    """Split a solution module's text into its text without META and the META values.

    Parameters
    ----------
    source : str
        The text of a solution module.

    Returns
    -------
    text : str
        The module without its META block.
    meta : dict
        The literal assignments inside the block, by name.

    Raises
    ------
    ValueError
        When the block is unterminated or holds anything but literal assignments.

    Examples
    --------
    >>> text, meta = split_meta("x = 1\\n### BEGIN META\\nORDER = 2\\n### END META\\n")
    >>> text, meta
    ('x = 1\\n', {'ORDER': 2})
    """
    lines = source.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.strip() == META_BEGIN]
    if not starts:
        return source, {}
    start = starts[0]
    ends = [i for i, line in enumerate(lines) if line.strip() == META_END and i > start]
    if not ends:
        raise ValueError(f"{META_BEGIN} has no matching {META_END}")
    end = ends[0]
    meta: dict[str, object] = {}
    for node in ast.parse("".join(lines[start + 1 : end])).body:
        if not (isinstance(node, ast.Assign) and len(node.targets) == 1):
            raise ValueError("the META block may only hold NAME = <literal> assignments")
        target = node.targets[0]
        if not isinstance(target, ast.Name):
            raise ValueError("the META block may only hold NAME = <literal> assignments")
        meta[target.id] = ast.literal_eval(node.value)
    kept = lines[:start] + lines[end + 1 :]
    text = "".join(kept).rstrip("\n") + "\n"
    return text, meta


def public_functions(source: str) -> tuple[str, ...]:
    """Names of the top-level functions a module defines that do not start with ``_``.

    Examples
    --------
    >>> public_functions("def f():\\n    pass\\ndef _g():\\n    pass\\n")
    ('f',)
    """
    tree = ast.parse(source)
    return tuple(
        node.name for node in tree.body if isinstance(node, ast.FunctionDef) and not node.name.startswith("_")
    )


def _place(topic: str, module: str) -> int:
    """Where ``module`` comes in its topic, by the curriculum manifest (999 if not listed)."""
    listed = modules_of(topic)
    return listed.index(module) + 1 if module in listed else 999


def load_exercise(path: Path) -> Exercise:
    """Read one solution module into an :class:`Exercise`."""
    text, meta = split_meta(path.read_text(encoding="utf-8"))
    hints = meta.get("HINTS", ())
    if not isinstance(hints, tuple | list) or not all(isinstance(h, str) for h in hints):
        raise ValueError(f"{path}: HINTS must be a tuple of strings")
    try:
        points, questions = talking_points(meta.get("TALKING_POINTS")), quiz(meta.get("QUIZ"))
    except ValueError as error:
        raise ValueError(f"{path}: {error}") from None
    return Exercise(
        topic=path.parent.name,
        module=path.stem,
        functions=public_functions(text),
        order=_place(path.parent.name, path.stem),
        difficulty=int(meta.get("DIFFICULTY", 1)),  # type: ignore[call-overload]
        hints=tuple(hints),
        allowed_imports=tuple(meta.get("ALLOWED_IMPORTS", ())),  # type: ignore[arg-type]
        talking_points=points,
        quiz=questions,
    )


@cache
def _catalog(root: Path) -> tuple[Exercise, ...]:
    solutions = root / "solutions"
    folders = sorted(p.name for p in solutions.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))
    found_modules = {
        topic: sorted(p.stem for p in (solutions / topic).glob("*.py") if p.stem != "__init__")
        for topic in folders
    }
    check_folder(folders, found_modules)
    found = []
    for topic in topics():
        for module in modules_of(topic):
            path = solutions / topic / f"{module}.py"
            if path.is_file():  # a pack may hold part of the curriculum
                found.append(load_exercise(path))
    return tuple(found)


def all_exercises(root: Path | None = None) -> tuple[Exercise, ...]:
    """Every exercise of the curriculum, in the order a learner should do them.

    Examples
    --------
    >>> [e.key for e in all_exercises()][:2]
    ['losses/mean_absolute_error', 'losses/mean_squared_error']
    """
    return _catalog((root or project_root()).resolve())


def find_exercise(name: str, root: Path | None = None) -> Exercise:
    """Look an exercise up by ``topic/module``, by module, by function name or by its path.

    A path, as the shell completes it (``exercises/losses/hinge_loss.py``), names the
    exercise of its last two parts.

    Raises
    ------
    KeyError
        With the closest names, when nothing matches.

    Examples
    --------
    >>> find_exercise("hinge_loss").key
    'losses/hinge_loss'
    >>> find_exercise("exercises/losses/hinge_loss.py").key
    'losses/hinge_loss'
    """
    exercises = all_exercises(root)
    wanted = exercise_name(name)
    for exercise in exercises:
        if wanted in (exercise.key, exercise.module, *exercise.functions):
            return exercise
    close = close_names(wanted, exercises)
    suggestion = f"; did you mean {', '.join(close)}?" if close else ""
    raise KeyError(f"no exercise named {name!r}{suggestion}")


def exercise_name(text: str) -> str:
    """The exercise or topic a name typed on the command line stands for: paths read as such.

    Examples
    --------
    >>> exercise_name("exercises/losses/hinge_loss.py"), exercise_name("./exercises/losses/")
    ('losses/hinge_loss', 'losses')
    >>> exercise_name("hinge_loss"), exercise_name("losses/hinge_loss")
    ('hinge_loss', 'losses/hinge_loss')
    """
    cleaned = text.strip().replace("\\", "/")
    if "/" not in cleaned and not cleaned.endswith(".py"):
        return cleaned
    parts = [part for part in cleaned.split("/") if part not in ("", ".")]
    if not parts:
        return cleaned
    parts[-1] = parts[-1].removesuffix(".py")
    if parts[-1] in known_topics():
        return parts[-1]
    if len(parts) >= 2 and parts[-2] in known_topics():
        return f"{parts[-2]}/{parts[-1]}"
    return parts[-1]


def close_names(name: str, exercises: tuple[Exercise, ...], topics: tuple[str, ...] = ()) -> list[str]:
    """Up to three names close to ``name``: each exercise once (by module), topics as such.

    Examples
    --------
    >>> close_names("hinge_los", all_exercises())
    ['hinge_loss', 'huber_loss']
    >>> close_names("loses", all_exercises(), ("losses", "metrics"))
    ['the topic losses', 'log_loss']
    """
    import difflib

    shown: dict[str, str] = {}
    for exercise in exercises:
        for candidate in (exercise.module, exercise.key, *exercise.functions):
            shown.setdefault(candidate, exercise.module)
    for topic in topics:
        shown.setdefault(topic, f"the topic {topic}")
    matches = difflib.get_close_matches(name, list(shown), n=10)
    return list(dict.fromkeys(shown[match] for match in matches))[:3]


def exercises_of(topics: list[str] | None, root: Path | None = None) -> list[Exercise]:
    """The exercises of the given topics (all topics when ``None``), in curriculum order.

    Raises
    ------
    KeyError
        When a topic is not part of the curriculum.
    """
    exercises = all_exercises(root)
    if not topics:
        return list(exercises)
    unknown = [t for t in topics if t not in known_topics()]
    if unknown:
        raise KeyError(f"unknown topic(s) {', '.join(unknown)}; topics are {', '.join(known_topics())}")
    return [e for e in exercises if e.topic in topics]
