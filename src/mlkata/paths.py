"""Where the project's folders are.

mlkata keeps its exercises as plain folders beside the package (``solutions/``,
``exercises/``, ``graders/``), so every command first finds the project root: the
folder named by ``MLKATA_ROOT``, else the nearest folder above the current one that
holds ``solutions/`` and ``graders/``, else the checkout the package was installed from.
"""

from __future__ import annotations

import os
from pathlib import Path


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
    raise FileNotFoundError("no mlkata project found: run this inside the mlkata checkout or set MLKATA_ROOT")
