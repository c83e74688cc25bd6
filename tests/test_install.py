"""mlkata installed from its wheel (``pip install .``, not editable) grades a workspace.

The wheel is built from a copy of the sources (``pip wheel --no-deps``) and installed into a
fresh venv that sees neither the checkout nor its editable install. The venv reuses the
numpy, SciPy, scikit-learn... of the environment running these tests instead of installing
its own (~560 MB, minutes, and the network): ``venv --system-site-packages`` would reuse the
*base* interpreter's packages, which hold none of them here (they live in the dev venv), so a
``.pth`` file names this environment's site-packages instead. A plain path line in a ``.pth``
does not run the ``.pth`` files it holds, so the dev venv's editable mlkata stays out of
reach; the test checks that the mlkata imported is the wheel's.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest

from tests.helpers import ROOT

SOURCES = ("src", "graders", "solutions", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md")
QUICK_START = (
    "python3 -m venv .venv && . .venv/bin/activate && pip install . "
    "&& mlkata init ~/mlkata-work && cd ~/mlkata-work",
    "pytest exercises/losses",
)


def _run(
    args: list[str], cwd: Path, env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def _env(data: Path) -> dict[str, str]:
    """The environment of a learner's shell: no checkout named, a progress file of the test's own."""
    env = {k: v for k, v in os.environ.items() if k not in ("MLKATA_ROOT", "PYTHONPATH", "PYTEST_ADDOPTS")}
    return {**env, "MLKATA_DATA_DIR": str(data), "COLUMNS": "200", "PYTHONDONTWRITEBYTECODE": "1"}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """mlkata's wheel, built from a copy of the sources (the checkout is left as it is)."""
    copy = tmp_path_factory.mktemp("source")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy2(source, copy / name)
    dist = tmp_path_factory.mktemp("dist")
    # Without build isolation when this environment has the setuptools pyproject.toml asks for
    # (offline, and quicker); else pip fetches it as `pip install .` does.
    try:
        isolation = [] if int(version("setuptools").split(".")[0]) < 77 else ["--no-build-isolation"]
    except PackageNotFoundError:
        isolation = []
    built = _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", *isolation, "-w", str(dist), str(copy)],
        cwd=copy,
        env=_env(copy),
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (found,) = dist.glob("mlkata-*.whl")
    return found


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed, reusing this environment's other packages."""
    folder = tmp_path_factory.mktemp("venv") / ".venv"
    made = _run(
        [sys.executable, "-m", "venv", "--without-pip", str(folder)], cwd=folder.parent, env=_env(folder)
    )
    assert made.returncode == 0, made.stderr
    python = folder / "bin" / "python"
    installed = _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
        cwd=folder.parent,
        env=_env(folder),
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    site = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], folder, os.environ
    )
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    Path(site.stdout.strip(), "_reuse_test_environment.pth").write_text("\n".join(sorted(ours)) + "\n")
    return folder


def test_the_wheel_carries_the_graders_and_solutions(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"mlkata/pack/{path.relative_to(ROOT).as_posix()}"
        for folder in ("graders", "solutions")
        for path in (ROOT / folder).rglob("*.py")
        if "__pycache__" not in path.parts
    }
    assert expected and expected <= names
    assert {"mlkata/curriculum.tsv", "mlkata/answers.sqlite3", "mlkata/workspace.py"} <= names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith(("graders/", "solutions/", "exercises/"))]


def test_an_installed_mlkata_grades_a_workspace(venv, tmp_path):
    """README's Quick start as a learner on a fresh venv meets it: init, grade, edit, update."""
    env = _env(tmp_path / "data")
    python, mlkata = venv / "bin" / "python", venv / "bin" / "mlkata"
    where = _run(
        [str(python), "-c", "import mlkata.paths as p; print(p.__file__); print(p.pack_root())"],
        tmp_path,
        env,
    )
    module, pack = where.stdout.split()
    assert Path(module).is_relative_to(venv) and Path(pack).is_relative_to(venv), where.stdout + where.stderr

    outside = _run([str(mlkata), "list"], tmp_path, env)  # no workspace yet: say how to make one
    assert outside.returncode == 2 and "mlkata init DIR" in outside.stdout, outside.stdout + outside.stderr

    made = _run([str(mlkata), "init", "kata"], tmp_path, env)
    assert made.returncode == 0, made.stdout + made.stderr
    kata = tmp_path / "kata"
    assert (kata / "graders").resolve() == Path(pack) / "graders"

    graded = _run([str(python), "-m", "pytest", "exercises/losses"], kata, env)
    assert graded.returncode == 1, graded.stdout + graded.stderr
    losses = [line for line in graded.stdout.splitlines() if line.startswith(" · losses/")]
    assert len(losses) == 7 and all(line.endswith("not implemented yet") for line in losses), graded.stdout
    assert "0 of 7 exercises pass" in graded.stdout

    solved = kata / "exercises" / "losses" / "hinge_loss.py"
    solved.write_text((Path(pack) / "solutions" / "losses" / "hinge_loss.py").read_text())
    again = _run([str(python), "-m", "pytest", "exercises/losses/hinge_loss.py"], kata, env)
    assert re.search(r"✓ losses/hinge_loss\s+(\d+)/\1\s+passes", again.stdout), again.stdout + again.stderr

    missing = kata / "exercises" / "metrics" / "bleu.py"  # as if a new release had added it
    missing.unlink()
    updated = _run([str(mlkata), "update"], kata / "exercises", env)
    assert updated.returncode == 0, updated.stdout + updated.stderr
    assert "added   exercises/metrics/bleu.py" in updated.stdout
    assert "kept    exercises/losses/hinge_loss.py (you edited it)" in updated.stdout
    assert missing.is_file() and "raise NotImplementedError()" not in solved.read_text()


def test_the_quick_start_is_two_commands_that_work_on_pep_668_systems():
    """A venv on the same line as `pip install .` (PEP 668 refuses a system-wide install)."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = section.split("```bash\n", 1)[1].split("```", 1)[0]
    commands = [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]
    assert tuple(commands) == QUICK_START, "test_an_installed_mlkata_grades_a_workspace runs these steps"
