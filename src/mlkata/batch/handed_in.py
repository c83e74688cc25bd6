r"""What students hand in besides plain modules: notebooks, and files named almost right.

>>> import json
>>> cells = [{"cell_type": "code", "source": ["%matplotlib inline\n", "x = 1"]},
...          {"cell_type": "markdown", "source": "# notes"}]
>>> print(notebook_source(json.dumps({"cells": cells, "nbformat": 4}).encode()))
# %matplotlib inline
x = 1
<BLANKLINE>
>>> near_miss("Hinge_Loss (1)", {"hinge_loss", "huber_loss"})
'hinge_loss'
"""

from __future__ import annotations

import difflib
import json
import re


class NotANotebook(ValueError):
    """The file is not a readable Jupyter notebook."""


def notebook_source(data: bytes) -> str:
    """The code cells of a notebook as one module; IPython's ``%`` and ``!`` lines commented out."""
    try:
        notebook = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise NotANotebook(f"not a readable notebook ({type(error).__name__})") from None
    cells = notebook.get("cells") if isinstance(notebook, dict) else None
    if not isinstance(cells, list):
        raise NotANotebook("not a readable notebook (no cells)")
    chunks = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        text = "".join(source) if isinstance(source, list) else str(source)
        lines = [f"# {line}" if line.lstrip().startswith(("%", "!")) else line for line in text.split("\n")]
        chunks.append("\n".join(lines))
    return "\n\n".join(chunks) + "\n"


def _normal(stem: str) -> str:
    stem = re.sub(r"\s*(\(\d+\)|-?\s*copy(\s*\d+)?|_v\d+|-\d+)$", "", stem.strip(), flags=re.IGNORECASE)
    return re.sub(r"[\s\-]+", "_", stem).lower()


def near_miss(stem: str, modules: set[str] | frozenset[str]) -> str | None:
    """The exercise module a file named ``stem`` was most likely meant to be, if one is close."""
    normal = _normal(stem)
    if normal in modules:
        return normal
    close = difflib.get_close_matches(normal, sorted(modules), n=1, cutoff=0.85)
    return close[0] if close else None
