"""Stubs are generated from the solutions, never drift, and never eat a learner's work."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mlkata import stubs
from mlkata.catalog import all_exercises, split_meta
from tests.helpers import ROOT


def test_exercises_folder_matches_what_generate_writes():
    """The committed stubs and manifests are exactly what `mlkata generate` writes."""
    drift = []
    for exercise in all_exercises(ROOT):
        state = stubs.stub_state(exercise, ROOT)
        if state.recorded_hash != stubs.sha256(state.expected):
            drift.append(f"{exercise.key}: manifest is stale (solution changed?)")
        elif state.current != state.expected and (os.environ.get("CI") or state.current is None):
            # Outside CI an edited stub is a learner's work in progress, not drift.
            drift.append(f"{exercise.key}: exercises/{exercise.key}.py differs")
    assert not drift, "run `mlkata generate` and commit:\n" + "\n".join(drift)


@pytest.mark.parametrize("exercise", all_exercises(ROOT), ids=lambda e: e.key)
def test_stub_keeps_everything_but_the_solution(exercise):
    solution = exercise.solution_path(ROOT).read_text()
    stub = stubs.make_stub(solution)
    without_meta, _ = split_meta(solution)
    assert "### BEGIN SOLUTION" not in stub and "### BEGIN META" not in stub
    assert "raise NotImplementedError()" in stub
    kept = [line for line in without_meta.splitlines() if line not in stub.splitlines()]
    start = without_meta.rindex("\n", 0, without_meta.index("### BEGIN SOLUTION"))
    body = without_meta[start : without_meta.rindex("### END SOLUTION") + len("### END SOLUTION")]
    assert all(line in body for line in kept), kept
    for hint in exercise.hints:
        assert hint not in stub
    assert exercise.hints, f"{exercise.key} has no hints"


def test_make_stub_refuses_broken_markers():
    with pytest.raises(ValueError, match="no matching"):
        stubs.make_stub("def f():\n    ### BEGIN SOLUTION\n    return 1\n")
    with pytest.raises(ValueError, match="without"):
        stubs.make_stub("def f():\n    ### END SOLUTION\n")
    with pytest.raises(ValueError, match="no ### BEGIN SOLUTION"):
        stubs.make_stub("def f():\n    return 1\n")


def _project(tmp_path: Path) -> Path:
    (tmp_path / "solutions").symlink_to(ROOT / "solutions")
    (tmp_path / "graders").symlink_to(ROOT / "graders")
    return tmp_path


def test_generate_keeps_edited_files_unless_forced(tmp_path):
    root = _project(tmp_path)
    first = stubs.generate(root=root)
    assert first.written and not first.kept
    edited = root / "exercises" / "losses" / "hinge_loss.py"
    edited.write_text(edited.read_text() + "\n# my work\n")
    again = stubs.generate(root=root)
    assert "losses/hinge_loss" in again.kept
    assert edited.read_text().endswith("# my work\n")
    forced = stubs.generate(root=root, force=True)
    assert "losses/hinge_loss" in forced.written
    assert "# my work" not in edited.read_text()


def test_generate_refreshes_pristine_stubs_of_changed_solutions(tmp_path):
    root = _project(tmp_path)
    stubs.generate(root=root)
    stub = root / "exercises" / "losses" / "mean_squared_error.py"
    old = "an outdated stub\n"
    stub.write_text(old)
    manifest_path = stub.parent / stubs.MANIFEST
    manifest = json.loads(manifest_path.read_text())
    manifest[stub.name] = stubs.sha256(old)  # as if generated from an older solution
    manifest_path.write_text(json.dumps(manifest))
    result = stubs.generate(root=root)
    assert "losses/mean_squared_error" in result.written
    assert stub.read_text() != old
    assert stubs.drifted(root) == []
