"""The build hook that puts the exercise pack in the wheel; everything else is in pyproject.toml.

The pack (``graders/`` and ``solutions/``) lives beside ``src/``, where maintainers edit it,
so setuptools' package data cannot name it. ``build_py`` copies it into the wheel as
``mlkata/pack/graders`` and ``mlkata/pack/solutions``, where :func:`mlkata.paths.pack_root`
finds it once installed; an editable install (``pip install -e .``) copies nothing and reads
the checkout's own folders. The sdist carries the pack through ``MANIFEST.in``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
PACK = ("graders", "solutions")


def pack_files() -> list[Path]:
    """The pack's Python files, relative to the project root (caches left out)."""
    return sorted(
        path.relative_to(HERE)
        for folder in PACK
        for path in (HERE / folder).rglob("*.py")
        if "__pycache__" not in path.parts
    )


class BuildWithPack(build_py):
    """``build_py``, then the pack copied under ``mlkata/pack/``."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        pack = Path(self.build_lib) / "mlkata" / "pack"
        shutil.rmtree(pack, ignore_errors=True)  # no file removed from the checkout lingers from a past build
        for relative in pack_files():
            target = pack / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(HERE / relative, target)

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        outputs = super().get_outputs(include_bytecode)
        if getattr(self, "editable_mode", False):
            return outputs
        return [*outputs, *(str(Path(self.build_lib) / "mlkata" / "pack" / p) for p in pack_files())]


setup(cmdclass={"build_py": BuildWithPack})
