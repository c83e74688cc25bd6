"""Where the project's folders are.

mlkata keeps its exercises as plain folders (``solutions/``, ``exercises/``,
``graders/``), so every command first finds the project root: the folder named by
``MLKATA_ROOT``, else the nearest folder above the current one that holds ``solutions/``
and ``graders/``, else the checkout the package was installed from (``pip install -e``).

A learner's workspace (``mlkata init DIR``, :mod:`mlkata.workspace`) is such a root too:
its ``exercises/`` are the learner's, its ``graders/`` and ``solutions/`` link to the
*pack* this install carries, :func:`pack_root`: the checkout itself, or, for a wheel
(``pip install .``), the copies the wheel ships as package data in ``mlkata/pack/``.
"""

from __future__ import annotations

import os
from pathlib import Path

PACK_FOLDER = Path(__file__).resolve().parent / "pack"
"""Where a wheel install keeps the pack's ``graders/`` and ``solutions/`` (see ``setup.py``)."""


def _is_project_root(folder: Path) -> bool:
    return (folder / "solutions").is_dir() and (folder / "graders").is_dir()


def project_root(start: Path | None = None) -> Path:
    """Return the mlkata project root.

    Parameters
    ----------
    start : Path, optional
        Folder to search upwards from; the current folder by default.

    Returns
    -------
    Path
        The folder holding ``solutions/`` and ``graders/``.

    Raises
    ------
    FileNotFoundError
        When no such folder can be found.

    Examples
    --------
    >>> (project_root() / "solutions").is_dir()
    True
    """
    env = os.environ.get("MLKATA_ROOT")
    if env:
        root = Path(env).expanduser().resolve()
        if not _is_project_root(root):
            raise FileNotFoundError(f"MLKATA_ROOT={env} holds no solutions/ and graders/ folders")
        return root
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if _is_project_root(folder):
            return folder
    installed_from = Path(__file__).resolve().parents[2]
    if _is_project_root(installed_from):
        return installed_from
    raise FileNotFoundError(
        "no mlkata workspace here: `mlkata init DIR` makes one (then `cd DIR`); "
        "or run this inside an mlkata checkout, or set MLKATA_ROOT"
    )


def pack_root() -> Path:
    """Return the folder holding the ``graders/`` and ``solutions/`` this install grades with.

    That is the checkout the package runs from (an editable install, or the source tree),
    else the copies a wheel carries in ``mlkata/pack/``. Unlike :func:`project_root` it
    does not depend on the current folder: ``mlkata init`` links a workspace to it.

    Returns
    -------
    Path
        A folder holding ``solutions/`` and ``graders/``.

    Raises
    ------
    FileNotFoundError
        When this install carries neither (a wheel built without its pack).

    Examples
    --------
    >>> sorted(p.name for p in pack_root().iterdir() if p.name in ("graders", "solutions"))
    ['graders', 'solutions']
    """
    checkout = Path(__file__).resolve().parents[2]
    if _is_project_root(checkout):
        return checkout
    if _is_project_root(PACK_FOLDER):
        return PACK_FOLDER
    raise FileNotFoundError(
        f"this mlkata install carries no graders/ and solutions/ (looked in {checkout} and "
        f"{PACK_FOLDER}): reinstall it from a release or a checkout (pip install .)"
    )
