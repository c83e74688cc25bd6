"""``mlkata repro``: the script it writes reproduces a mutant's first failure, bit for bit.

Each test puts a known mistake (a mutant of ``tests/mutants/``) in a folder laid out like
``exercises/`` as the learner's file, runs ``mlkata repro`` in a subprocess, runs the script it
wrote in another, and compares what the script prints with what the mutant returns on the
script's own inputs, and its expected value with the reference's.
"""

from __future__ import annotations

import ast
import copy
import os
import runpy
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from mlkata.engine.specs import grader_module
from mlkata.learner.repro_script import LITERAL_LIMIT, Encoder, identical
from mlkata.mutants import load_mutants
from tests.helpers import ROOT


def learner_file(folder: Path, topic: str, module: str, mutant: str) -> Path:
    """The mutants file of ``module`` as a learner's file whose function is the mutant ``mutant``."""
    source = ROOT / "tests" / "mutants" / topic / f"{module}.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    tree.body = [n for n in tree.body if not (isinstance(n, ast.ImportFrom) and n.module == "mlkata.mutants")]
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            node.decorator_list = [d for d in node.decorator_list if "mutant" not in ast.unparse(d)]
    path = folder / topic / f"{module}.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{ast.unparse(tree)}\n\n{module} = {mutant}\n", encoding="utf-8")
    return path


def mutant_function(topic: str, module: str, name: str):
    found = load_mutants(ROOT / "tests" / "mutants" / topic / f"{module}.py")
    return next(m.function for m in found if m.name == name)


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "MLKATA_ROOT": str(ROOT), "COLUMNS": "200"}
    return subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def repro(tmp_path: Path, module: str, *options: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mlkata.cli", "repro", module, "--folder", str(tmp_path / "ex")]
    return run([*command, *options], tmp_path)


def script_values(script: Path) -> dict:
    """The script's globals, without running its call (it runs only as ``__main__``)."""
    return runpy.run_path(str(script), run_name="repro_under_test")


def printed(output: str, label: str) -> str:
    return next(line.split(": ", 1)[1] for line in output.splitlines() if line.startswith(f"{label}:"))


def shown(value) -> str:
    with np.printoptions(floatmode="unique"):
        return repr(value)


def arguments(values: dict, names: list[str]) -> list:
    return [copy.deepcopy(values[name]) for name in names]


# --- the script reproduces the mutant's failure -----------------------------------------------


def test_a_1d_loss_is_reproduced_on_the_shrunk_input(tmp_path):
    from sklearn.metrics import mean_squared_error

    learner_file(tmp_path / "ex", "losses", "mean_squared_error", "squares_in_the_input_dtype")
    made = repro(tmp_path, "mean_squared_error")
    assert made.returncode == 0, made.stdout + made.stderr
    assert "test_every_corner_of_the_domain" in made.stdout and "Shrunk from 600 values" in made.stdout
    script = tmp_path / "repro_mean_squared_error.py"
    ran = run([sys.executable, str(script)], tmp_path)
    assert ran.returncode == 0, ran.stderr
    values = script_values(script)
    y_true, y_pred = arguments(values, ["y_true", "y_pred"])
    assert y_true.dtype == np.uint8 and y_pred.dtype == np.uint8  # the uint8 corner, as the grader passed it
    wrong = mutant_function("losses", "mean_squared_error", "squares_in_the_input_dtype")
    assert printed(ran.stdout, "returned") == shown(wrong(y_true, y_pred))
    reference = mean_squared_error(y_true.astype(float), y_pred.astype(float))
    assert printed(ran.stdout, "expected") == shown(reference) != printed(ran.stdout, "returned")
    assert "sklearn.metrics.mean_squared_error [uint8]" in ran.stdout  # the grader's message


def test_shrinking_gives_a_smaller_input_of_the_domain_that_still_fails(tmp_path):
    learner_file(tmp_path / "ex", "losses", "mean_squared_error", "squares_in_the_input_dtype")
    assert repro(tmp_path, "mean_squared_error", "--out", "shrunk.py").returncode == 0
    kept = repro(tmp_path, "mean_squared_error", "--no-shrink", "--out", "original.py")
    assert kept.returncode == 0 and "Not shrunk (--no-shrink)" in kept.stdout
    shrunk, original = script_values(tmp_path / "shrunk.py"), script_values(tmp_path / "original.py")
    small, large = arguments(shrunk, ["y_true", "y_pred"]), arguments(original, ["y_true", "y_pred"])
    assert small[0].size < large[0].size
    declared = grader_module(ROOT / "graders" / "losses" / "test_mean_squared_error.py").DOMAIN.sizes["n"]
    assert min(declared) <= small[0].size == small[1].size <= max(declared)  # within the declared domain
    assert small[0].dtype == large[0].dtype == np.uint8  # and the same corner
    wrong = mutant_function("losses", "mean_squared_error", "squares_in_the_input_dtype")
    right = float(np.mean((small[0].astype(float) - small[1].astype(float)) ** 2))
    assert not np.isclose(wrong(*small), right)  # it still fails


def test_a_matrix_function_is_reproduced(tmp_path):
    from scipy.special import softmax

    learner_file(tmp_path / "ex", "neural_networks", "softmax", "ignores_axis")
    made = repro(tmp_path, "softmax")
    assert made.returncode == 0, made.stdout + made.stderr
    assert "Not shrunk: the check builds this input itself" in made.stdout
    script = tmp_path / "repro_softmax.py"
    ran = run([sys.executable, str(script)], tmp_path)
    assert ran.returncode == 0, ran.stderr
    values = script_values(script)
    z, axis = values["z"], values["axis"]
    assert z.ndim == 2 and axis != -1
    wrong = mutant_function("neural_networks", "softmax", "ignores_axis")
    got = ran.stdout.split("returned: ", 1)[1]
    assert got.strip() == shown(wrong(copy.deepcopy(z), axis=axis)).strip()
    assert np.array_equal(values["EXPECTED"], softmax(z, axis=axis))


def test_a_function_returning_a_tuple_is_reproduced(tmp_path):
    learner_file(tmp_path / "ex", "models", "logistic_loss_and_gradient", "gradient_sign_error")
    made = repro(tmp_path, "logistic_loss_and_gradient")
    assert made.returncode == 0, made.stdout + made.stderr
    script = tmp_path / "repro_logistic_loss_and_gradient.py"
    ran = run([sys.executable, str(script)], tmp_path)
    assert ran.returncode == 0, ran.stderr
    values = script_values(script)
    names = [n for n in ("w", "b", "X", "y") if n in values]
    kwargs = {"l2": values["l2"]} if "l2" in values else {}
    wrong = mutant_function("models", "logistic_loss_and_gradient", "gradient_sign_error")
    assert printed(ran.stdout, "returned") == shown(wrong(*arguments(values, names), **kwargs))
    assert "hint: the gradient of the log loss in z is p - y" in ran.stdout
    assert "expected (for the part -> grad_w of what it returns)" in ran.stdout
    solution = runpy.run_path(str(ROOT / "solutions" / "models" / "logistic_loss_and_gradient.py"))
    right = solution["logistic_loss_and_gradient"](*arguments(values, names), **kwargs)
    assert np.allclose(values["EXPECTED"], right[1], rtol=1e-6)  # the reference's gradient


def test_an_exception_is_reproduced_with_the_read_only_inputs(tmp_path):
    from sklearn.metrics import hinge_loss

    learner = learner_file(tmp_path / "ex", "losses", "hinge_loss", "margins_in_place")
    made = repro(tmp_path, "hinge_loss")
    assert made.returncode == 0, made.stdout + made.stderr
    script = tmp_path / "repro_hinge_loss.py"
    ran = run([sys.executable, str(script)], tmp_path)
    assert ran.returncode == 1
    assert "ValueError: output array is read-only" in ran.stderr and str(learner) in ran.stderr
    values = script_values(script)
    y_true, decision = values["y_true"], values["decision"]
    assert not y_true.flags.writeable and not decision.flags.writeable
    wrong = mutant_function("losses", "hinge_loss", "margins_in_place")
    with pytest.raises(ValueError, match="read-only"):
        wrong(y_true, decision)  # (a deep copy of a read-only array is writeable again)
    assert np.isclose(values["EXPECTED"], hinge_loss(y_true, decision))


def test_a_large_input_goes_to_npy_files_beside_the_script(tmp_path):
    learner_file(tmp_path / "ex", "losses", "mean_squared_error", "squares_in_the_input_dtype")
    (tmp_path / "out").mkdir()
    made = repro(tmp_path, "mean_squared_error", "--no-shrink", "--out", "out")
    assert made.returncode == 0, made.stdout + made.stderr
    files = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert files == [
        "repro_mean_squared_error.py",
        "repro_mean_squared_error_y_pred.npy",
        "repro_mean_squared_error_y_true.npy",
    ]
    script = tmp_path / "out" / "repro_mean_squared_error.py"
    assert "np.load(HERE / 'repro_mean_squared_error_y_true.npy')" in script.read_text()
    ran = run([sys.executable, str(script)], tmp_path / "out")
    assert ran.returncode == 0, ran.stderr
    values = script_values(script)
    y_true, y_pred = arguments(values, ["y_true", "y_pred"])
    assert y_true.size > LITERAL_LIMIT and y_true.dtype == np.uint8
    wrong = mutant_function("losses", "mean_squared_error", "squares_in_the_input_dtype")
    assert printed(ran.stdout, "returned") == shown(wrong(y_true, y_pred))


# --- when there is nothing to reproduce ---------------------------------------------------------


def test_a_passing_exercise_has_nothing_to_reproduce(tmp_path):
    target = tmp_path / "ex" / "losses" / "mean_squared_error.py"
    target.parent.mkdir(parents=True)
    target.write_text((ROOT / "solutions" / "losses" / "mean_squared_error.py").read_text())
    made = repro(tmp_path, "mean_squared_error")
    assert made.returncode == 0
    assert "Every check of losses/mean_squared_error passes" in made.stdout
    assert not list(tmp_path.glob("repro_*"))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("def mean_squared_error(y_true, y_pred)\n    return 0.0\n", "failed before calling your function"),
        ("def mean_absolute_error(y_true, y_pred):\n    return 0.0\n", "defines no function"),
        ("def mean_squared_error(y_true, y_pred):\n    raise NotImplementedError()\n", "not implemented yet"),
    ],
    ids=["syntax error", "missing function", "stub"],
)
def test_no_call_to_reproduce_is_said_plainly(tmp_path, text, said):
    target = tmp_path / "ex" / "losses" / "mean_squared_error.py"
    target.parent.mkdir(parents=True)
    target.write_text(text)
    made = repro(tmp_path, "mean_squared_error")
    assert made.returncode == 1 and said in made.stdout, made.stdout
    assert not list(tmp_path.glob("repro_*"))


def test_a_topic_is_refused(tmp_path):
    made = run([sys.executable, "-m", "mlkata.cli", "repro", "losses"], tmp_path)
    assert made.returncode == 2 and "reproduces one exercise" in made.stdout, made.stdout


# --- exact values, in-process ------------------------------------------------------------------


def _read_only(array: np.ndarray) -> np.ndarray:
    array.flags.writeable = False
    return array


@pytest.mark.parametrize(
    "value",
    [
        np.array([0.1, -0.0, np.inf, -np.inf, np.nan, 5e-324, 1.7976931348623157e308]),
        np.array([1.1, 2.2], dtype=np.float32),
        np.array([[1.5, 2.5], [3.5, 4.5]], dtype=np.float16),
        np.frombuffer(np.array([0x7FF8DEADBEEF0001], dtype=np.uint64).tobytes(), dtype=np.float64).copy(),
        np.asfortranarray(np.arange(6.0).reshape(2, 3)),
        _read_only(np.array([True, False])),
        np.array(["cat", "dog"]),
        np.array(2.5),
        np.float32(0.1),
        [0.1, 2, [3.0, float("nan")]],
        (np.arange(3), {"eps": 1e-9}),
        np.arange(200, dtype=np.int16),
    ],
    ids=lambda v: type(v).__name__,
)
def test_values_are_written_bit_for_bit(tmp_path, value):
    encoder = Encoder("repro_x")
    text = encoder.expression(value, "x")
    for file, array in encoder.files.items():
        np.save(tmp_path / file, array)
    rebuilt = eval(text, {"np": np, "HERE": tmp_path, "read_only": _read_only})
    assert identical(rebuilt, value), text


def test_a_passing_check_records_no_failed_call():
    from mlkata.engine.checks import run_check
    from mlkata.engine.specs import CheckSpec
    from mlkata.grading import capture
    from mlkata.grading.judge import expect_close
    from mlkata.grading.proxy import StudentFunction

    def test_double(double):
        expect_close(double.call(np.array([2.0])), [4.0], reference="2 * 2")

    check = CheckSpec.of("test_double", test_double)
    with capture.recording() as failed:
        assert run_check(check, {"double": StudentFunction.of(lambda x: 2 * x, "double")}).passed
        assert not run_check(check, {"double": StudentFunction.of(lambda x: x + 1, "double")}).passed
    assert list(failed) == ["test_double"]
    assert failed["test_double"].outcome.value.tolist() == [3.0]
    run_check(check, {"double": StudentFunction.of(lambda x: x + 1, "double")})  # not recording
    assert list(failed) == ["test_double"]


def _failed_call_of(check_function, function):
    from mlkata.engine.checks import run_check
    from mlkata.engine.specs import CheckSpec
    from mlkata.grading import capture
    from mlkata.grading.proxy import StudentFunction

    check = CheckSpec.of(check_function.__name__, check_function)
    with capture.recording() as failed:
        run_check(check, {"f": StudentFunction.of(function, "f")})
    return failed[check.name]


def test_the_call_recorded_is_the_one_the_judge_failed_not_the_last():
    from mlkata.grading.judge import expect_close

    def test_first_judged_last(f):
        first = f.call(1.0)
        f.call(2.0)
        expect_close(first, 10.0, reference="ten")

    failed = _failed_call_of(test_first_judged_last, lambda x: x)
    assert failed.args == (1.0,) and failed.expected == 10.0 and failed.reference == "ten"


def test_a_check_failing_its_own_way_records_its_last_call():
    from mlkata.grading.failures import GradeFailure

    def test_own_way(f):
        f.call(1.0)
        if f.call(3.0).value != 6.0:
            raise GradeFailure("f(3) should be 6")

    failed = _failed_call_of(test_own_way, lambda x: x + 1)
    assert failed.args == (3.0,) and failed.outcome.value == 4.0 and failed.message == "f(3) should be 6"
    assert failed.rejudge is None  # no judge to run again: such a call is never shrunk


def test_out_in_a_missing_folder_is_refused(tmp_path):
    learner_file(tmp_path / "ex", "losses", "mean_squared_error", "rmse")
    made = repro(tmp_path, "mean_squared_error", "--out", str(tmp_path / "nowhere" / "r.py"))
    assert made.returncode == 2 and "is not a folder" in made.stdout
