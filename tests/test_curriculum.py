"""The curriculum manifest orders everything, and the contract in docs/ is generated from it."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from mlkata import catalog, contract, curriculum
from tests.helpers import ROOT


def test_docs_curriculum_md_is_what_generate_writes():
    assert not contract.contract_drifted(ROOT), "run `mlkata generate` and commit docs/curriculum.md"


def test_the_catalog_follows_the_manifest_order():
    listed = [f"{row.topic}/{m}" for row in curriculum.rows() for m in row.modules]
    assert [e.key for e in catalog.all_exercises(ROOT)] == listed
    assert [e.order for e in catalog.all_exercises(ROOT) if e.topic == "losses"] == list(range(1, 8))


def test_every_function_the_contract_names_is_defined_by_its_modules():
    defined = {(e.topic, e.module): set(e.functions) for e in catalog.all_exercises(ROOT)}
    for row in curriculum.rows():
        functions = set().union(*(defined[(row.topic, m)] for m in row.modules))
        assert set(contract.named_functions(row.api)) <= functions, row


def _pack(tmp_path):
    root = tmp_path / "pack"
    for folder in ("solutions", "graders"):
        (root / folder / "losses").mkdir(parents=True)
    shutil.copy(ROOT / "solutions" / "losses" / "hinge_loss.py", root / "solutions" / "losses")
    return root


def test_a_topic_folder_missing_from_the_manifest_is_an_error_not_skipped(tmp_path):
    root = _pack(tmp_path)
    (root / "solutions" / "graphs").mkdir()
    shutil.copy(ROOT / "solutions" / "losses" / "hinge_loss.py", root / "solutions" / "graphs" / "gini.py")
    with pytest.raises(
        curriculum.CurriculumError, match=r"solutions/graphs is not a topic of the curriculum"
    ):
        catalog.all_exercises(root)
    listed = subprocess.run(
        [sys.executable, "-m", "mlkata.cli", "list"],
        cwd=root,
        env={"MLKATA_ROOT": str(root), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert listed.returncode != 0
    assert "solutions/graphs is not a topic of the curriculum manifest" in listed.stdout + listed.stderr


def test_a_module_missing_from_the_manifest_is_an_error(tmp_path):
    root = _pack(tmp_path)
    shutil.copy(
        ROOT / "solutions" / "losses" / "hinge_loss.py", root / "solutions" / "losses" / "focal_loss.py"
    )
    with pytest.raises(curriculum.CurriculumError, match=r"solutions/losses/focal_loss\.py is not listed"):
        catalog.all_exercises(root)


def test_a_pack_with_part_of_the_curriculum_is_fine(tmp_path):
    assert [e.key for e in catalog.all_exercises(_pack(tmp_path))] == ["losses/hinge_loss"]
