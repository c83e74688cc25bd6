"""The wire between the grader and a sandbox worker: plain data only, within limits."""

from __future__ import annotations

import json
import threading
import time

import pytest


def test_the_wire_carries_plain_values_exactly():
    import numpy as np

    from mlkata.sandbox import wire

    value = (None, True, 3, 10**40, float("nan"), float("-inf"), 0.1, 2j, "é", [1.5], {"k": (1,)})
    arrays = [np.arange(6.0).reshape(2, 3), np.array(["a", "bc"]), np.float32(1.5)]
    blobs: list[bytes] = []
    node = wire.encode((value, arrays), blobs)
    back_value, back_arrays = wire.decode(json.loads(json.dumps(node)), blobs)
    assert repr(back_value) == repr(value)
    assert np.array_equal(back_arrays[0], arrays[0]) and back_arrays[1].tolist() == ["a", "bc"]
    assert type(back_arrays[2]) is np.float32


def test_arrays_cross_a_socket_in_their_own_memory():
    import socket

    import numpy as np

    from mlkata.sandbox import wire

    big = np.random.default_rng(0).normal(size=(700, 600))  # more than a socket buffer holds
    arrays = [
        big,
        big.T,
        big[::3, ::2],
        np.array(2.5),
        np.zeros((0, 4)),
        np.array(["", ""], "<U0"),
        np.array([1, 2], ">i4"),
        np.array([True, False]),
        np.array([1 + 2j], np.complex64),
    ]
    blobs: list = []
    node = wire.encode(arrays, blobs)
    assert blobs[0].obj is not None and np.shares_memory(np.frombuffer(blobs[0], np.float64), big)
    ours, theirs = socket.socketpair()
    with ours, theirs:
        ours.setblocking(False)
        data = wire.frame({"v": node}, blobs)
        writer = threading.Thread(target=wire.write_all, args=(theirs.fileno(), data))
        writer.start()
        message, received = wire.read_frame(ours.fileno(), time.monotonic() + 10)
        writer.join()
    back = wire.decode(message["v"], received)
    for sent, got in zip(arrays, back, strict=True):
        assert got.dtype == sent.dtype and got.shape == sent.shape and np.array_equal(got, sent)
        assert got.flags.writeable and got.flags.c_contiguous
    assert all(isinstance(blob, bytearray) for blob in received)


def test_the_wire_refuses_pickles_objects_and_oversized_frames():
    import io
    import socket

    import numpy as np

    from mlkata.sandbox import wire

    pickled = io.BytesIO()
    np.save(pickled, np.array([object()], dtype=object), allow_pickle=True)
    with pytest.raises(wire.WireError, match="type graders do not compare"):
        wire.decode(["A", 0, "|O", [1]], [bytearray(pickled.getvalue())])
    eight = bytearray(8)
    bad_arrays = (
        ["A", 0, "<f8", [2]],  # 16 bytes promised, 8 sent
        ["A", 0, "<M8[s]", [1]],  # a datetime
        ["A", 0, "<f8", [-1]],
        ["A", 0, "<f8", "1"],
        ["A", 1, "<f8", [1]],  # no such blob
        ["A", 0, "<f8"],
        ["L", [["A", 0, "<f8", [1]], ["A", 0, "<f8", [1]]]],  # one blob behind two arrays
    )
    for node in bad_arrays:
        with pytest.raises(wire.WireError):
            wire.decode(node, [eight])
    for node in (["X"], ["I", "1" * 5000], ["D", [[["L", []], ["N"]]]], ["H", 1], "text", ["A", 3]):
        with pytest.raises(wire.WireError):
            wire.decode(node, [])
    with pytest.raises(wire.WireError):
        wire.encode(object(), [])
    ours, theirs = socket.socketpair()
    with ours, theirs:
        theirs.sendall(b"MLKW" + (2**31).to_bytes(4, "big") + (0).to_bytes(4, "big"))
        with pytest.raises(wire.WireError, match="header"):
            wire.read_frame(ours.fileno(), time.monotonic() + 5)
        theirs.sendall(b"".join(wire.frame({"kind": "reply"}, [b"x" * 2000])))
        with pytest.raises(wire.WireError, match="MB of data"):
            wire.read_frame(ours.fileno(), time.monotonic() + 5, max_bytes=1000)


def test_a_read_only_array_arrives_read_only():
    import numpy as np

    from mlkata.sandbox import wire

    frozen = np.arange(3.0)
    frozen.flags.writeable = False
    blobs: list = []
    node = wire.encode([frozen, np.arange(2.0)], blobs)
    back = wire.decode(json.loads(json.dumps(node)), [bytearray(bytes(b)) for b in blobs])
    assert not back[0].flags.writeable and back[1].flags.writeable
    assert np.array_equal(back[0], frozen)


IN_PLACE_HUBER = """
import numpy as np

def huber_loss(y_true, y_pred, delta=1.0):
    y_true = np.asarray(y_true)
    y_pred = np.asarray(y_pred)
    if y_true.ndim != 1 or y_true.shape != y_pred.shape or y_true.size == 0 or not delta > 0:
        raise ValueError("bad input")
    if y_true.dtype.kind == "f":
        y_true -= y_pred  # into the caller's array
        r = np.abs(y_true)
    else:
        r = np.abs(y_true.astype(float) - y_pred)
    return float(np.mean(np.where(r <= delta, 0.5 * r**2, delta * (r - delta / 2))))
"""


@pytest.mark.parametrize("sandboxed", [False, True], ids=["in-process", "sandbox"])
def test_writing_into_a_read_only_input_fails_in_the_sandbox_as_in_process(tmp_path, sandboxed):
    from tests.helpers import ROOT, run_pytest

    target = tmp_path / "work" / "losses"
    target.mkdir(parents=True)
    (target / "huber_loss.py").write_text(IN_PLACE_HUBER)
    args = ["graders/losses/test_huber_loss.py", "--target", str(target.parent), "-q"]
    result = run_pytest([*args, "--sandbox"] if sandboxed else args, cwd=ROOT)
    out = result.stdout + result.stderr
    assert result.returncode == 1, out
    assert "read-only" in out and "work on a copy" in out, out


def test_a_formula_crosses_to_the_worker_as_data_and_only_the_worker_decodes_it():
    """A function argument (numerical_gradient's f) travels as its program of numpy steps."""
    import numpy as np

    from mlkata.sandbox import formula, wire

    x = formula.Formula.variable().ravel()
    weights = np.array([[2.0, 0.5], [0.5, 1.0]])
    quadratic = (0.5 * (x @ (weights @ x)) + formula.log_sum_exp(x)).named("q").with_gradient(np.cos)
    blobs: list = []
    node = wire.encode({"f": quadratic, "x": np.ones(2)}, blobs)
    sent = json.loads(json.dumps(node))
    assert "gradient" not in json.dumps(node) and "cos" not in json.dumps(node)  # grader-only knowledge stays
    with pytest.raises(wire.WireError):  # the grader's side: a formula is not plain data
        wire.decode(sent, blobs)
    back = wire.decode(sent, [bytearray(b) for b in blobs], formulas=True)["f"]
    assert isinstance(back, formula.Formula) and back.gradient is None and back.name == "q"
    point = np.array([0.3, -1.2])
    assert back(point) == quadratic(point) and repr(back) == repr(quadratic)
    weights[0, 0] = 99.0  # the formula owns a copy of its constants
    assert quadratic(point) == back(point)


def test_the_worker_refuses_malformed_formulas():
    from mlkata.sandbox import formula, wire

    bad_programs = (
        [],  # no steps
        [["x", [], ["N"]], ["sin", [1], ["N"]]],  # an operand that is not an earlier step
        [["x", [], ["N"]], ["sin", [-1], ["N"]]],
        [["x", [], ["N"]], ["__import__", [0], ["N"]]],  # not an operation
        [["x", [], ["N"]], ["add", [0], ["N"]]],  # add takes two operands
        [["const", [], ["S", "os"]]],  # a constant is a number or a numeric array
        [["const", [], ["B", 1]]],
        [["x", [], ["N"]], ["slice", [0], ["T", [["S", "a"], ["N"], ["N"]]]]],
        [["x", [], ["N"]], ["slice", [0], ["T", [["N"], ["N"], ["I", "0"]]]]],  # a zero step
        [["x", [], ["F", "0x1p+0"]]],  # x takes no data
        [["x", [], ["N"]]] * (formula.MAX_STEPS + 1),
        [["x", [0], ["N"]]],
        [["x"]],
    )
    for program in bad_programs:
        with pytest.raises(wire.WireError):
            wire.decode(["X", program, ""], [], formulas=True)
    for node in (["X", [["x", [], ["N"]]]], ["X", "x", ""], ["X", [["x", [], ["N"]]], 3]):
        with pytest.raises(wire.WireError):
            wire.decode(node, [], formulas=True)
    assert wire.decode(["X", [["x", [], ["N"]]], ""], [], formulas=True)([2.0]).tolist() == [2.0]
    with pytest.raises(wire.WireError):  # a learner's function returning a formula: not plain
        wire.encode(lambda x: x, [])


def test_formulas_evaluate_and_render_like_the_numpy_they_stand_for():
    import copy

    import numpy as np

    from mlkata.sandbox.formula import Formula, log1p, sin

    x = Formula.variable().ravel()
    point = np.array([[0.5, -1.0], [2.0, 0.25]])
    f = (log1p(x**2).sum() - 3 / (1 + sin(x[::2]) ** 2).sum()).named("g")
    flat = point.ravel()
    assert f(point) == np.sum(np.log1p(flat**2)) - 3 / np.sum(1 + np.sin(flat[::2]) ** 2)
    assert repr(f) == "<function g(x) = sum(log1p(x ** 2)) - 3 / sum(1 + sin(x[::2]) ** 2)>"
    assert isinstance(f(point), float) and f(point.tolist()) == f(point)
    assert (np.ones(2) @ x).steps[0][0] == "const"  # numpy on the left defers to the formula
    assert copy.deepcopy(f.with_gradient(np.cos)).gradient is None
    with pytest.raises(TypeError):
        x[0]
