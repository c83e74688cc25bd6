"""Graders import their references lazily; a missing [references] extra is a clear message."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import pytest

from mlkata.grading.references import EXTRA, LIBRARIES, LazyReference, MissingReference
from tests.helpers import ROOT, run_pytest

BLOCKER = '''
"""A pytest plugin that makes nltk, shapely and mlxtend unimportable, as in a default install."""
import sys

BLOCKED = {blocked!r}


class _Blocker:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None


for _name in [m for m in sys.modules if m.partition(".")[0] in BLOCKED]:
    del sys.modules[_name]
sys.meta_path.insert(0, _Blocker())
'''


def test_the_extra_holds_the_references_of_one_exercise_each():
    """Each library of the extra is imported by one grader only, and pyproject.toml names it there."""
    try:
        import tomllib
    except ImportError:  # Python 3.10: pytest brings tomli
        import tomli as tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    default = " ".join(project["dependencies"])
    extras = project["optional-dependencies"]
    for root in EXTRA:
        users = [p for p in (ROOT / "graders").rglob("test_*.py") if f"from {root}" in p.read_text()]
        assert len(users) == 1, (root, users)
        distribution = LIBRARIES[root]
        assert any(r.startswith(f"{distribution}>=") for r in extras["references"])
        assert distribution not in default
    assert "mlkata[references]" in extras["dev"]


def test_loading_every_grader_imports_no_reference_library():
    """Graders name scikit-learn, SciPy, nltk... at the top; loading them imports none of those."""
    code = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        from mlkata.engine.specs import grader_module
        for path in sorted(Path("graders").rglob("test_*.py")):
            grader_module(path.resolve())
        print(sorted(m for m in ("sklearn", "nltk", "shapely", "mlxtend") if m in sys.modules))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    # scipy: optimization/numerical_gradient checks scipy.optimize.rosen at import, on purpose
    assert result.stdout.strip() == "[]"


def test_a_lazy_reference_imports_on_first_use_only():
    expit = LazyReference("scipy.special", "expit")
    assert expit.__name__ == "expit" and "imported when first used" in repr(expit)
    assert float(expit(0.0)) == 0.5
    assert expit.__name__ == "expit" and "imported" not in repr(expit)
    assert LazyReference("scipy", "special").expit.resolve() is expit.resolve()  # a submodule's name
    with pytest.raises(AttributeError):
        LazyReference("scipy.special", "expit").__wrapped__  # noqa: B018 (probes never import)


SOLVED = ("metrics/bleu", "metrics/box_iou", "bias_variance/bias_variance_decomposition")


@pytest.fixture
def without_the_extra(tmp_path, learner_checkout, monkeypatch):
    """A learner's checkout with the three exercises solved, and a plugin that hides the extra."""
    (tmp_path / "block_extras.py").write_text(BLOCKER.format(blocked=set(EXTRA)))
    for key in SOLVED:
        (learner_checkout / "exercises" / f"{key}.py").write_text(
            (ROOT / "solutions" / f"{key}.py").read_text()
        )
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    chosen = [f"exercises/{key}.py" for key in SOLVED] + ["exercises/metrics/accuracy.py"]
    return lambda: run_pytest(["-p", "block_extras", *chosen], cwd=learner_checkout)


def test_without_the_extra_the_stored_answers_grade(without_the_extra):
    out = without_the_extra().stdout
    for key in SOLVED:
        assert re.search(rf"✓ {key} +(\d+)/\1  passes", out), out
    assert re.search(r"metrics/accuracy +0/\d+  not implemented yet", out), out


def test_without_the_extra_or_its_answers_the_check_says_what_to_install(without_the_extra, monkeypatch):
    monkeypatch.setenv("MLKATA_ANSWERS", "off")
    out = without_the_extra().stdout
    flat = " ".join(out.split())  # the summary wraps long messages
    assert "error" not in out.lower().split("mlkata ===")[0], out  # no collection error, no crash
    for root in ("nltk", "shapely", "mlxtend"):
        assert f"install mlkata[references] to grade this exercise: its reference, {root}." in flat, out
        assert f"comes from {root}, which is not installed (pip install 'mlkata[references]')" in flat
    assert "the grader itself failed" not in out
    assert re.search(r"metrics/accuracy +0/\d+  not implemented yet", out), out  # the others grade as ever


def test_missing_reference_is_a_grade_failure_not_a_grader_bug():
    from mlkata.engine.checks import run_check
    from mlkata.engine.specs import CheckSpec

    def test_it(f):
        LazyReference("mlxtend_not_here.evaluate", "bias_variance_decomp")()

    result = run_check(CheckSpec.of("test_it", test_it), {"f": None})
    assert not result.passed and not result.crashed
    assert "mlxtend_not_here, which is not installed" in result.message
    assert issubclass(MissingReference, AssertionError)
