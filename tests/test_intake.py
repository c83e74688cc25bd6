"""What the batch's intake makes of what students hand in: notebooks, near misses, encodings."""

from __future__ import annotations

import json
import zipfile

from mlkata.batch.intake import collect
from mlkata.catalog import exercises_of
from mlkata.grading.loader import read_source
from tests.helpers import ROOT

LOSSES = exercises_of(["losses"], ROOT)


def _notebook(*sources: str) -> str:
    cells = [{"cell_type": "markdown", "source": "# my work", "metadata": {}}]
    cells += [
        {"cell_type": "code", "source": s, "metadata": {}, "outputs": [], "execution_count": None}
        for s in sources
    ]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5})


def test_a_notebook_is_graded_as_the_module_or_topic_it_is_named_after(tmp_path):
    hinge = (ROOT / "solutions" / "losses" / "hinge_loss.py").read_text()
    mae = (ROOT / "solutions" / "losses" / "mean_absolute_error.py").read_text()
    (tmp_path / "class" / "ann").mkdir(parents=True)
    (tmp_path / "class" / "ann" / "hinge_loss.ipynb").write_text(_notebook("%load_ext autoreload", hinge))
    (tmp_path / "class" / "bob").mkdir()
    (tmp_path / "class" / "bob" / "losses.ipynb").write_text(_notebook(hinge, mae))
    with zipfile.ZipFile(tmp_path / "class" / "cy.zip", "w") as archive:
        archive.writestr("work/hinge_loss.ipynb", _notebook(hinge))
    found = {s.student: s for s in collect(tmp_path / "class", LOSSES)}
    assert set(found["ann"].files) == {"losses/hinge_loss"}
    assert b"# %load_ext autoreload" in found["ann"].files["losses/hinge_loss"]
    assert {"losses/hinge_loss", "losses/mean_absolute_error"} <= set(found["bob"].files)
    assert set(found["cy"].files) == {"losses/hinge_loss"}


def test_a_file_named_almost_right_gets_a_suggestion(tmp_path):
    folder = tmp_path / "class" / "dee"
    folder.mkdir(parents=True)
    for name in ("Hinge_Loss.py", "mean_squared_error (1).py", "helpers.py"):
        (folder / name).write_text("x = 1\n")
    (submission,) = collect(tmp_path / "class", LOSSES)
    notes = "\n".join(submission.notes)
    assert "Hinge_Loss.py was not graded: rename it hinge_loss.py" in notes
    assert "mean_squared_error (1).py was not graded: rename it mean_squared_error.py" in notes
    assert "helpers.py" in notes and "not an exercise file" in notes
    assert not submission.files


def test_a_broken_notebook_is_named_and_the_rest_is_graded(tmp_path):
    folder = tmp_path / "class" / "eve"
    folder.mkdir(parents=True)
    (folder / "hinge_loss.ipynb").write_text('{"cells": [')
    (folder / "huber_loss.py").write_text((ROOT / "solutions" / "losses" / "huber_loss.py").read_text())
    (submission,) = collect(tmp_path / "class", LOSSES)
    assert set(submission.files) == {"losses/huber_loss"}
    assert any("hinge_loss.ipynb is not a readable notebook" in n for n in submission.notes)


def test_sources_are_read_as_python_reads_them():
    assert read_source(b"\xef\xbb\xbfdef f():\n    return 1\n").startswith("def f")
    latin = "# -*- coding: latin-1 -*-\nname = 'José'\n".encode("latin-1")
    assert "José" in read_source(latin)


def test_no_student_folder_takes_the_name_of_a_class_wide_file():
    from mlkata.batch.intake import RESERVED, student_id

    assert {"grades.csv", "report.html", "report.md", "mistakes.csv"} <= RESERVED
    for name in RESERVED:
        assert student_id(name) != name and student_id(name.upper()).lower() != name


def test_a_file_named_after_the_module_wins_over_a_topic_notebook(tmp_path):
    mae = (ROOT / "solutions" / "losses" / "mean_absolute_error.py").read_text()
    folder = tmp_path / "class" / "zed"
    folder.mkdir(parents=True)
    (folder / "losses.ipynb").write_text(_notebook(mae))
    (folder / "mean_squared_error.py").write_text("def mean_squared_error(y_true, y_pred):\n    return 0.0\n")
    (submission,) = collect(tmp_path / "class", LOSSES)
    assert b"return 0.0" in submission.files["losses/mean_squared_error"]
    assert b"def mean_absolute_error" in submission.files["losses/mean_absolute_error"]
    notes = "\n".join(submission.notes)
    assert "graded mean_squared_error.py, not losses.ipynb" in notes
