"""Writing a file so that a reader sees the old content or the new one, never a part."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

TEMPORARY_SUFFIX = ".tmp"
"""What a file being written is called until it is complete (``.<name>.<random>.tmp``)."""


def atomic_write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (UTF-8, mode 0644) through a temporary file in the same folder.

    The folder is made if missing. The temporary file is flushed to disk and renamed over
    ``path`` once complete, so an interrupted run (or a crash of the machine) leaves the whole
    old file, the whole new one, or (for a new file) none; a leftover temporary file is named
    ``.<name>.*.tmp``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> atomic_write(folder / "a.txt", "done\\n")
    >>> (folder / "a.txt").read_text(), sorted(p.name for p in folder.iterdir())
    ('done\\n', ['a.txt'])
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = tempfile.NamedTemporaryFile(
        "w",
        encoding="utf-8",
        newline="\n",
        dir=path.parent,
        prefix=f".{path.name}.",
        suffix=TEMPORARY_SUFFIX,
        delete=False,
    )
    try:
        with handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(handle.name, 0o644)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
