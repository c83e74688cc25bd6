"""A learner's workspace: the exercises to edit, graded by the graders this install carries.

``mlkata init DIR`` makes one, so that a learner who installed mlkata (``pip install .``,
not a checkout) has somewhere to work, and so that a checkout's learner keeps their work
out of the tracked stubs (editing those blocks ``git pull``). The layout::

    DIR/
      exercises/<topic>/<module>.py   the stubs, yours to edit (+ .generated.json per topic)
      graders -> <pack>/graders       links to the pack of the installed mlkata
      solutions -> <pack>/solutions   (copies where the system cannot link)
      conftest.py                     loads mlkata's pytest plugin
      pyproject.toml                  pytest settings: bare ``pytest`` grades exercises/
      README.md, .gitignore           how to work here; the links are not your work
      .mlkata-workspace               what the links point to (for ``mlkata update``)

The workspace is a project root like the checkout (:func:`mlkata.paths.project_root`), so
``pytest exercises/losses`` and every ``mlkata`` command work in it exactly as there.
``mlkata update`` points the links at the pack installed now and writes the stubs of new
exercises, leaving every file the learner edited alone (:func:`mlkata.stubs.generate`
tells a pristine stub from an edited one by the manifest).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from mlkata.engine.files import atomic_write
from mlkata.paths import pack_root

MARKER = ".mlkata-workspace"
LINKED = ("graders", "solutions")

CONFTEST = '''"""Load mlkata's grading plugin: `pytest exercises/<topic>` grades those exercises."""

pytest_plugins = ["mlkata.pytest_plugin"]
'''

PYPROJECT = """# An mlkata workspace (`mlkata init`): your exercises, graded by the installed mlkata.
[tool.pytest.ini_options]
testpaths = ["exercises"]
addopts = "--import-mode=importlib -p no:anyio -p no:hypothesispytest"
"""

GITIGNORE = """# Links to the installed mlkata's graders and solutions (`mlkata update` remakes them).
/graders
/solutions
__pycache__/
.pytest_cache/
"""

README = """# My mlkata workspace

Each exercise is one function to write, in `exercises/<topic>/<name>.py`: its docstring
gives the formula, a worked example and what to do with bad input.

    mlkata                    # where you stand, and the next exercise
    pytest exercises/losses   # grade one topic (bare `pytest` grades them all)
    mlkata watch              # grade each file as you save it
    mlkata hint NAME          # a hint, a stronger one each time you ask

`graders/` and `solutions/` are links to the installed mlkata, not your work. After
upgrading mlkata, `mlkata update` links the new graders and adds the new exercises; it
never touches a file you have edited. To keep your work, this folder is yours:
`git init` it, or back it up.
"""

FILES = {"conftest.py": CONFTEST, "pyproject.toml": PYPROJECT, ".gitignore": GITIGNORE, "README.md": README}


class WorkspaceError(Exception):
    """The folder cannot be made or updated as a workspace; ``str(error)`` says why."""


@dataclass(frozen=True)
class WorkspaceResult:
    """What :func:`init` or :func:`update` did."""

    folder: Path
    pack: Path
    links: str
    """``"symlink"`` or ``"copy"``: how ``graders/`` and ``solutions/`` reach the pack."""
    added: list[str]
    """Exercises whose stub was written because the workspace had none."""
    refreshed: list[str]
    """Untouched stubs rewritten because their solution changed."""
    kept: list[str]
    """Exercises the learner edited, left alone."""


def find_workspace(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (the current folder) that is a workspace.

    Examples
    --------
    >>> import tempfile
    >>> find_workspace(Path(tempfile.gettempdir()) / "no-such-folder") is None
    True
    """
    here = (start or Path.cwd()).resolve()
    return next((folder for folder in (here, *here.parents) if (folder / MARKER).is_file()), None)


def _read_marker(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise WorkspaceError(
            f"{folder / MARKER} cannot be read ({error}): is {folder} a workspace?"
        ) from None
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def _replace_symlink(link: Path, target: Path) -> None:
    """Point ``link`` at ``target`` in one step (a new link renamed over the old one)."""
    fresh = link.with_name(f".{link.name}.new")
    if fresh.is_symlink() or fresh.exists():
        fresh.unlink()
    os.symlink(target, fresh, target_is_directory=True)
    os.replace(fresh, link)


def _copy(source: Path, destination: Path) -> None:
    if destination.exists():
        shutil.rmtree(destination)
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


def _link(folder: Path, pack: Path, links: str) -> str:
    """Make ``graders/`` and ``solutions/`` reach ``pack``: links if possible, else copies."""
    for name in LINKED:
        entry, target = folder / name, pack / name
        if entry.exists() and not entry.is_symlink() and links != "copy":
            raise WorkspaceError(f"{entry} is a folder of its own, not mlkata's link: move it away first")
        if links == "symlink":
            try:
                _replace_symlink(entry, target)
                continue
            except (OSError, NotImplementedError):  # e.g. Windows without the right to link
                links = "copy"
        if entry.is_symlink():
            entry.unlink()
        _copy(target, entry)
    return links


def _write_stubs(folder: Path) -> tuple[list[str], list[str], list[str]]:
    from mlkata.catalog import all_exercises
    from mlkata.stubs import generate

    exercises = all_exercises(folder)
    missing = {e.key for e in exercises if not e.exercise_path(folder).exists()}
    result = generate(list(exercises), root=folder)
    added = [key for key in result.written if key in missing]
    refreshed = [key for key in result.written if key not in missing]
    return added, refreshed, result.kept


def _finish(folder: Path, pack: Path, links: str) -> None:
    import mlkata

    marker = {"pack": str(pack), "links": links, "mlkata": getattr(mlkata, "__version__", "")}
    atomic_write(folder / MARKER, json.dumps(marker, indent=2) + "\n")


def init(folder: Path, *, pack: Path | None = None) -> WorkspaceResult:
    """Make ``folder`` (new, or empty) a workspace holding every exercise's stub.

    Parameters
    ----------
    folder : Path
        The workspace to make; it may exist if it is empty.
    pack : Path, optional
        The folder holding the ``graders/`` and ``solutions/`` to link; this install's
        :func:`~mlkata.paths.pack_root` by default.

    Returns
    -------
    WorkspaceResult
        What was written.

    Raises
    ------
    WorkspaceError
        When ``folder`` is a file, a workspace already, or a folder with files in it.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     made = init(Path(tmp) / "kata")
    ...     (made.folder / "exercises" / "losses" / "hinge_loss.py").is_file(), made.kept
    (True, [])
    """
    folder = folder.expanduser().resolve()
    if (folder / MARKER).is_file():
        raise WorkspaceError(f"{folder} is a workspace already: `mlkata update` brings it up to date")
    if folder.exists() and not folder.is_dir():
        raise WorkspaceError(f"{folder} is a file, not a folder")
    if folder.is_dir() and any(folder.iterdir()):
        raise WorkspaceError(f"{folder} is not empty: name a new folder (mlkata init DIR)")
    pack = (pack or pack_root()).resolve()
    if folder == pack or pack in folder.parents:
        raise WorkspaceError(f"{folder} is inside mlkata's own pack ({pack}): name a folder elsewhere")
    folder.mkdir(parents=True, exist_ok=True)
    links = _link(folder, pack, "symlink")
    for name, text in FILES.items():
        atomic_write(folder / name, text)
    added, refreshed, kept = _write_stubs(folder)
    _finish(folder, pack, links)
    return WorkspaceResult(folder, pack, links, added, refreshed, kept)


def update(folder: Path | None = None, *, pack: Path | None = None) -> WorkspaceResult:
    """Point a workspace at the installed pack and add the stubs it lacks; edited files stay.

    Parameters
    ----------
    folder : Path, optional
        A folder in the workspace (the nearest workspace at or above it is updated); the
        current folder by default.
    pack : Path, optional
        As for :func:`init`.

    Returns
    -------
    WorkspaceResult
        What was written and what was kept.

    Raises
    ------
    WorkspaceError
        When no workspace is found.
    """
    found = find_workspace(folder.expanduser() if folder is not None else None)
    if found is None:
        where = folder or Path.cwd()
        raise WorkspaceError(f"{where} is not in an mlkata workspace: `mlkata init DIR` makes one")
    marker = _read_marker(found)
    pack = (pack or pack_root()).resolve()
    links = _link(found, pack, "copy" if marker.get("links") == "copy" else "symlink")
    for name, text in FILES.items():
        if not (found / name).exists():  # the learner's own changes to these are theirs
            atomic_write(found / name, text)
    added, refreshed, kept = _write_stubs(found)
    _finish(found, pack, links)
    return WorkspaceResult(found, pack, links, added, refreshed, kept)
