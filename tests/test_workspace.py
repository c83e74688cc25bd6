"""`mlkata init` and `mlkata update`: a learner's workspace, linked to the pack, keeps their work."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mlkata import workspace
from mlkata.catalog import all_exercises
from mlkata.cli import app
from mlkata.paths import pack_root, project_root
from tests.helpers import ROOT, run_pytest


def test_pack_root_is_the_checkout_in_a_checkout():
    assert pack_root() == ROOT


def test_init_makes_a_project_root_linked_to_the_pack(tmp_path):
    made = workspace.init(tmp_path / "kata")
    folder = made.folder
    assert made.links == "symlink" and made.kept == [] and made.refreshed == []
    assert sorted(made.added) == sorted(e.key for e in all_exercises(ROOT))
    for name in ("graders", "solutions"):
        assert (folder / name).is_symlink() and (folder / name).resolve() == ROOT / name
    assert project_root(folder / "exercises" / "losses") == folder
    assert json.loads((folder / workspace.MARKER).read_text())["pack"] == str(ROOT)
    # the stubs are the checkout's, byte for byte, with the same manifest
    for topic in ("losses", "metrics"):
        for path in (ROOT / "exercises" / topic).iterdir():
            if path.suffix == ".py" or path.name == ".generated.json":
                assert (folder / "exercises" / topic / path.name).read_text() == _generated(path)
    assert 'pytest_plugins = ["mlkata.pytest_plugin"]' in (folder / "conftest.py").read_text()
    assert "/graders" in (folder / ".gitignore").read_text().splitlines()


def _generated(checkout_file: Path) -> str:
    """What `mlkata generate` writes for a file of the checkout's exercises/ (a learner may edit them)."""
    from mlkata import stubs
    from mlkata.catalog import find_exercise

    if checkout_file.name == ".generated.json":
        return checkout_file.read_text()
    exercise = find_exercise(f"{checkout_file.parent.name}/{checkout_file.stem}", ROOT)
    return stubs.stub_state(exercise, ROOT).expected


@pytest.mark.parametrize("what", ["a file", "a folder with files", "a workspace", "inside the pack"])
def test_init_refuses_a_folder_it_would_spoil(tmp_path, what):
    target = tmp_path / "kata"
    if what == "a file":
        target.write_text("mine")
    elif what == "a folder with files":
        target.mkdir()
        (target / "notes.txt").write_text("mine")
    elif what == "a workspace":
        workspace.init(target)
    else:
        target = ROOT / "graders" / "kata-never-made"
    before = sorted(p.name for p in target.iterdir()) if target.is_dir() else None
    with pytest.raises(workspace.WorkspaceError):
        workspace.init(target)
    assert (sorted(p.name for p in target.iterdir()) if target.is_dir() else None) == before
    assert not (ROOT / "graders" / "kata-never-made").exists()


def test_update_adds_new_exercises_and_keeps_edited_ones(tmp_path):
    folder = workspace.init(tmp_path / "kata").folder
    edited = folder / "exercises" / "losses" / "hinge_loss.py"
    edited.write_text(edited.read_text() + "\n# my work\n")
    gone = folder / "exercises" / "losses" / "huber_loss.py"  # as if a new release added it
    gone.unlink()
    (folder / "graders").unlink()  # as if the venv had moved: the link is remade
    (folder / "graders").symlink_to(tmp_path / "nowhere")
    made = workspace.update(folder / "exercises")
    assert made.folder == folder
    assert made.added == ["losses/huber_loss"] and made.kept == ["losses/hinge_loss"]
    assert edited.read_text().endswith("# my work\n") and gone.is_file()
    assert (folder / "graders").resolve() == ROOT / "graders"


def test_update_rewrites_an_untouched_stub_whose_solution_changed(tmp_path):
    folder = workspace.init(tmp_path / "kata").folder
    stub = folder / "exercises" / "losses" / "hinge_loss.py"
    stale = stub.read_text().replace("hinge", "hinge (old)", 1)
    stub.write_text(stale)
    manifest = folder / "exercises" / "losses" / ".generated.json"
    hashes = json.loads(manifest.read_text())
    from mlkata.stubs import sha256

    manifest.write_text(json.dumps({**hashes, "hinge_loss.py": sha256(stale)}))
    made = workspace.update(folder)
    assert made.refreshed == ["losses/hinge_loss"] and made.kept == [] and made.added == []
    assert "hinge (old)" not in stub.read_text()


def test_update_refuses_a_folder_that_is_no_workspace(tmp_path):
    with pytest.raises(workspace.WorkspaceError, match="mlkata init"):
        workspace.update(tmp_path)
    with pytest.raises(workspace.WorkspaceError, match="mlkata init"):
        workspace.update(ROOT)  # the checkout's graders/ are no links to remake
    assert (ROOT / "graders").is_dir() and not (ROOT / "graders").is_symlink()


def test_a_system_without_links_gets_copies(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("symbolic links are not allowed here")

    monkeypatch.setattr(os, "symlink", refuse)
    made = workspace.init(tmp_path / "kata")
    assert made.links == "copy"
    graders = made.folder / "graders"
    assert graders.is_dir() and not graders.is_symlink()
    assert (graders / "losses" / "test_hinge_loss.py").read_text() == (
        ROOT / "graders" / "losses" / "test_hinge_loss.py"
    ).read_text()
    assert not list(graders.rglob("__pycache__"))
    (graders / "losses" / "test_hinge_loss.py").write_text("stale")
    assert workspace.update(made.folder).links == "copy"
    assert (graders / "losses" / "test_hinge_loss.py").read_text() != "stale"


def test_the_commands_say_what_they_did(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    made = runner.invoke(app, ["init", "kata"], env={"COLUMNS": "200"})
    assert made.exit_code == 0, made.output
    total = len(all_exercises(ROOT))
    assert f"{total} exercises" in made.output and "cd kata && mlkata" in made.output
    again = runner.invoke(app, ["init", "kata"], env={"COLUMNS": "200"})
    assert again.exit_code == 2 and "mlkata update" in again.output
    (tmp_path / "kata" / "exercises" / "losses" / "log_loss.py").write_text("def log_loss(): ...\n")
    monkeypatch.chdir(tmp_path / "kata" / "exercises")
    updated = runner.invoke(app, ["update"], env={"COLUMNS": "200"})
    assert updated.exit_code == 0, updated.output
    assert "kept    exercises/losses/log_loss.py (you edited it)" in updated.output
    assert f"0 added, 0 updated, 1 kept; {total} exercises" in updated.output
    monkeypatch.chdir(tmp_path)
    nowhere = runner.invoke(app, ["update"], env={"COLUMNS": "200"})
    assert nowhere.exit_code == 2 and "mlkata init DIR" in nowhere.output


def test_pytest_in_a_workspace_grades_as_in_the_checkout(tmp_path):
    folder = workspace.init(tmp_path / "kata").folder
    solution = (ROOT / "solutions" / "losses" / "hinge_loss.py").read_text()
    (folder / "exercises" / "losses" / "hinge_loss.py").write_text(solution)
    result = run_pytest(["exercises/losses"], cwd=folder)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "losses/hinge_loss" in result.stdout and " passes" in result.stdout
    assert (
        result.stdout.count("not implemented yet")
        == len([e for e in all_exercises(ROOT) if e.topic == "losses"]) - 1
    )
    bare = run_pytest(["-q", "--co"], cwd=folder)  # bare pytest grades exercises/, never graders/
    assert "exercises/losses/hinge_loss.py" in bare.stdout and "graders/" not in bare.stdout
