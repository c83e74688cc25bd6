"""Generate the learner's stubs from the solution modules, and tell when they drifted.

A stub is its solution module with every ``### BEGIN SOLUTION`` … ``### END SOLUTION``
region replaced by ``raise NotImplementedError()`` and the META block removed; every
other character is kept. Each topic folder of ``exercises/`` holds a manifest,
``.generated.json``, with the SHA-256 of every stub as generated: a file that still
has that hash is untouched and may be regenerated; any other file is the learner's
work and is only overwritten with ``force=True``.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from mlkata.catalog import SOLUTION_BEGIN, SOLUTION_END, Exercise, all_exercises, split_meta
from mlkata.engine.files import atomic_write
from mlkata.paths import project_root

MANIFEST = ".generated.json"
STUB_BODY = ("# YOUR CODE HERE", "raise NotImplementedError()")


def make_stub(solution_source: str) -> str:
    """Turn a solution module's text into its stub.

    Parameters
    ----------
    solution_source : str
        The text of ``solutions/<topic>/<module>.py``.

    Returns
    -------
    str
        The stub: solution regions replaced, META removed, everything else kept.

    Raises
    ------
    ValueError
        When a solution region is unterminated or nested, or there is none.

    Examples
    --------
    >>> print(make_stub("def f():\\n    ### BEGIN SOLUTION\\n    return 1\\n    ### END SOLUTION\\n"))
    def f():
        # YOUR CODE HERE
        raise NotImplementedError()
    <BLANKLINE>
    """
    text, _ = split_meta(solution_source)
    out: list[str] = []
    inside = False
    regions = 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        marker = line.strip()
        if marker == SOLUTION_BEGIN:
            if inside:
                raise ValueError(f"line {number}: {SOLUTION_BEGIN} inside another region")
            inside = True
            regions += 1
            indent = line[: len(line) - len(line.lstrip())]
            out.extend(f"{indent}{body}\n" for body in STUB_BODY)
        elif marker == SOLUTION_END:
            if not inside:
                raise ValueError(f"line {number}: {SOLUTION_END} without {SOLUTION_BEGIN}")
            inside = False
        elif not inside:
            out.append(line)
    if inside:
        raise ValueError(f"{SOLUTION_BEGIN} has no matching {SOLUTION_END}")
    if not regions:
        raise ValueError(f"no {SOLUTION_BEGIN} / {SOLUTION_END} region found")
    return "".join(out)


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_manifest(topic_folder: Path) -> dict[str, str]:
    path = topic_folder / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _write_manifest(topic_folder: Path, manifest: dict[str, str]) -> None:
    text = json.dumps(dict(sorted(manifest.items())), indent=2) + "\n"
    atomic_write(topic_folder / MANIFEST, text)


@dataclass(frozen=True)
class StubState:
    """How one exercise file stands against the stub its solution generates."""

    exercise: Exercise
    expected: str
    path: Path
    recorded_hash: str | None

    @property
    def current(self) -> str | None:
        return self.path.read_text(encoding="utf-8") if self.path.exists() else None

    @property
    def is_pristine(self) -> bool:
        """The file is exactly a stub as once generated (the learner has not touched it)."""
        current = self.current
        return current is not None and sha256(current) == self.recorded_hash

    @property
    def is_up_to_date(self) -> bool:
        """The file is exactly the stub the solution generates today."""
        return self.current == self.expected and self.recorded_hash == sha256(self.expected)


def stub_state(exercise: Exercise, root: Path | None = None) -> StubState:
    root = root or project_root()
    expected = make_stub(exercise.solution_path(root).read_text(encoding="utf-8"))
    path = exercise.exercise_path(root)
    return StubState(exercise, expected, path, read_manifest(path.parent).get(path.name))


@dataclass(frozen=True)
class GenerateResult:
    written: list[str]
    unchanged: list[str]
    kept: list[str]
    """Files the learner has edited, left alone (pass ``force=True`` to overwrite)."""


def generate(
    exercises: list[Exercise] | None = None, *, root: Path | None = None, force: bool = False
) -> GenerateResult:
    """Write the stubs of ``exercises`` (all by default) into ``exercises/``.

    A file is written when it is missing or pristine; a file the learner edited is
    kept unless ``force``. The topic's manifest records what was written.
    """
    root = root or project_root()
    result = GenerateResult([], [], [])
    for exercise in exercises if exercises is not None else all_exercises(root):
        state = stub_state(exercise, root)
        manifest = read_manifest(state.path.parent)
        current = state.current
        if current == state.expected:
            result.unchanged.append(exercise.key)
        elif current is None or state.is_pristine or force:
            atomic_write(state.path, state.expected)
            result.written.append(exercise.key)
        else:
            result.kept.append(exercise.key)
            continue
        if manifest.get(state.path.name) != sha256(state.expected):
            manifest[state.path.name] = sha256(state.expected)
            _write_manifest(state.path.parent, manifest)
    return result


def drifted(root: Path | None = None) -> list[str]:
    """Exercises whose file or manifest entry differs from what :func:`generate` writes."""
    root = root or project_root()
    return [e.key for e in all_exercises(root) if not stub_state(e, root).is_up_to_date]
