"""Helpers shared by mlkata's own tests."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def load_solution(topic: str, module: str):
    """Import ``solutions/<topic>/<module>.py`` under a name of its own."""
    path = ROOT / "solutions" / topic / f"{module}.py"
    spec = importlib.util.spec_from_file_location(f"solution_{topic}_{module}", path)
    loaded = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(loaded)
    return loaded


def run_pytest(
    args: list[str], cwd: Path, timeout: float = 300, columns: int = 120
) -> subprocess.CompletedProcess:
    """Run ``python -m pytest ARGS`` in a fresh interpreter, as a user would (``columns`` wide)."""
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": str(columns)}
    env.pop("PYTEST_ADDOPTS", None)
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


ORDINARY_UID = 4_242_424
"""A uid of no one: the project's tests grade as this ordinary user too (when they run as root)."""


def as_ordinary_user():
    """``preexec_fn`` making a child of root the ordinary user :data:`ORDINARY_UID`.

    The folders this Python and the checkout need, where a folder above them is closed to
    other users (a Python under ``/root``), are opened to it in the child's own mount
    namespace, as :func:`mlkata.grading.isolation.become` does for the sandbox.
    """
    import numpy

    from mlkata.grading import isolation

    site = str(Path(numpy.__file__).resolve().parents[1])
    needed = [os.path.realpath(sys.executable), sys.prefix, sys.base_prefix, str(ROOT), site]
    needed += [str(p) for p in Path(sys.base_prefix, "lib").glob("libpython*")]
    expose = isolation.open_to([os.path.realpath(p) for p in needed])

    def preexec() -> None:
        isolation.become(ORDINARY_UID, ORDINARY_UID, expose)

    return preexec


def give_to_ordinary_user(folder: Path) -> None:
    """Make ``folder`` and everything in it the ordinary user's."""
    for path in [folder, *folder.rglob("*")]:
        os.lchown(path, ORDINARY_UID, ORDINARY_UID)
