"""README's sample output is a real run's: each sample is made again here and compared.

A sample block is the text of the code block right after the paragraph that introduces it.
The run is the one that paragraph describes, in a fresh copy of the project, 80 columns
wide. Only timings would be normalised; the samples compared hold none. When a grader or
the summary changes, the assertion shows the real output to paste into README.md.
"""

from __future__ import annotations

import re
import shutil

from tests.helpers import ROOT, run_pytest

README = ROOT / "README.md"

RMSE_BODY = """y_true = np.asarray(y_true, dtype=float)
    y_pred = np.asarray(y_pred, dtype=float)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0:
        raise ValueError("expected two 1-D arrays of one length")
    return float(np.sqrt(np.mean((y_true - y_pred) ** 2)))"""
"""The Quick start's second exercise: validates its inputs, then returns the RMSE."""


def readme_block(introduced_by: str) -> str:
    """The code block that follows the first paragraph of README.md holding ``introduced_by``."""
    text = README.read_text(encoding="utf-8")
    start = text.index(introduced_by)
    match = re.compile(r"^```[a-z]*\n(.*?)^```$", re.MULTILINE | re.DOTALL).search(text, start)
    assert match, f"no code block after {introduced_by!r} in README.md"
    return match.group(1)


def without_timings(text: str) -> str:
    """``text`` with durations (``in 3.14s``, ``1.2 ms``) made alike."""
    return re.sub(r"\d+(\.\d+)?\s?(s|ms|µs)\b", "<time>", text)


def mlkata_section(output: str) -> str:
    """The summary pytest prints under ``== mlkata ==``, up to pytest's closing line."""
    lines = output.splitlines()
    start = next(i for i, line in enumerate(lines) if re.fullmatch(r"=+ mlkata =+", line))
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("==="))
    return "\n".join(lines[start:end]) + "\n"


def test_the_quick_starts_sample_is_the_summary_of_a_real_run(learner_checkout):
    exercises = learner_checkout / "exercises" / "losses"
    shutil.copy(ROOT / "solutions" / "losses" / "mean_absolute_error.py", exercises)
    stub = (exercises / "mean_squared_error.py").read_text(encoding="utf-8")
    assert stub.count("raise NotImplementedError()") == 1
    (exercises / "mean_squared_error.py").write_text(stub.replace("raise NotImplementedError()", RMSE_BODY))

    result = run_pytest(["exercises/losses"], cwd=learner_checkout, columns=80)
    assert result.returncode == 1, result.stdout + result.stderr
    real = mlkata_section(result.stdout)
    sample = readme_block("run the graders again. Here the first")
    assert without_timings(sample) == without_timings(real), f"README.md should show:\n{real}"
