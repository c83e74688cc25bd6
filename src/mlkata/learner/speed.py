"""The speed tier: time a passing function against the reference solution at a large size.

Inputs are made from the function's parameter names, for the simple signature families
of the curriculum (two 1-D arrays, labels and probabilities, labels and logits, margins,
vectors, masks, one matrix). The first family whose names cover every required
parameter, and on which the reference runs, is used. An exercise that fits none is not
timed. The verdict is "vectorised ✓" when the learner's function is at most
:data:`VECTORISED_WITHIN` times slower than the reference, else "N× slower than numpy".
"""

from __future__ import annotations

import importlib.util
import inspect
import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from mlkata.catalog import Exercise
from mlkata.paths import project_root

SIZE = 1_000_000
"""Number of input values the functions are timed on."""
CLASSES = 10
VECTORISED_WITHIN = 5.0
MIN_BUDGET = 2.0
"""Seconds the learner's function may take at least (50 times the reference's, if more)."""
REFERENCE_LIMIT = 1.0
"""A reference slower than this at :data:`SIZE` is not a speed test: the exercise is skipped."""
ROUNDS = 5
TIME_SPENT = 1.5
"""Seconds of the learner's runs after which no more rounds are timed."""

_counter = itertools.count()


def _rows(n: int) -> int:
    return max(n // CLASSES, 2)


FAMILIES: tuple[tuple[str, Callable[[np.random.Generator, int], dict[str, Any]]], ...] = (
    ("two 1-D arrays", lambda rng, n: {"y_true": rng.normal(size=n), "y_pred": rng.normal(size=n)}),
    (
        "labels and probabilities",
        lambda rng, n: {
            "y_true": rng.integers(0, 2, size=n),
            "y_prob": rng.uniform(0.01, 0.99, n),
            "y_score": rng.normal(size=n),
        },
    ),
    (
        "labels and class scores",
        lambda rng, n: {
            "y_true": rng.integers(0, CLASSES, size=_rows(n)),
            "probs": rng.dirichlet(np.ones(CLASSES), size=_rows(n)),
            "logits": rng.normal(size=(_rows(n), CLASSES)) * 3,
        },
    ),
    (
        "labels and margins",
        lambda rng, n: {"y_true": rng.choice([-1, 1], size=n), "decision": rng.normal(size=n)},
    ),
    (
        "two label arrays",
        lambda rng, n: {"y_true": rng.integers(0, 2, size=n), "y_pred": rng.integers(0, 2, size=n)},
    ),
    (
        "vectors",
        lambda rng, n: (
            {name: rng.normal(size=n) for name in ("u", "v", "x", "z", "w")} | {"alpha": 0.5, "lam": 0.5}
        ),
    ),
    ("masks", lambda rng, n: {"mask_a": rng.random(n) < 0.5, "mask_b": rng.random(n) < 0.5}),
    ("matrix", lambda rng, n: {"X": rng.normal(size=(_rows(n), CLASSES))}),
)
"""Input families by parameter name: (description, make(rng, n) -> {name: value})."""


def _required(function: Callable) -> list[str]:
    return [
        p.name
        for p in inspect.signature(function).parameters.values()
        if p.default is inspect.Parameter.empty and p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)
    ]


def inputs_for(function: Callable, n: int, seed: int = 0) -> tuple[str, dict[str, Any]] | None:
    """Keyword arguments of size ``n`` on which ``function`` (a reference) runs, and their family."""
    wanted = _required(function)
    if not wanted:
        return None
    for family, make in FAMILIES:
        small = make(np.random.default_rng(seed), 100)
        if not set(wanted) <= small.keys():
            continue
        try:
            function(**{k: small[k] for k in wanted})
        except Exception:
            continue
        values = make(np.random.default_rng(seed), n)
        return family, {k: values[k] for k in wanted}
    return None


def load_reference(exercise: Exercise, root: Path | None = None):
    path = exercise.solution_path(root)
    spec = importlib.util.spec_from_file_location(f"mlkata_reference_{next(_counter)}_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Speed:
    exercise: str
    verdict: str
    ratio: float | None = None
    learner_seconds: float | None = None
    reference_seconds: float | None = None


def measure(
    exercise: Exercise, learner_path: Path, root: Path | None = None, size: int | None = None
) -> Speed:
    """Time the learner's file at ``learner_path`` against the reference solution (at :data:`SIZE`)."""
    from mlkata.grading.failures import GradeFailure
    from mlkata.grading.proxy import StudentFunction, StudentModule

    root = root or project_root()
    size = size or SIZE
    reference = load_reference(exercise, root)
    for name in exercise.functions:
        found = inputs_for(getattr(reference, name), size)
        if found is None:
            continue
        _, kwargs = found
        # Both run the same way (fresh copies of the inputs, the same wrapper), interleaved,
        # and the best time of each counts, so a busy machine skews neither side.
        expected = StudentFunction.of(getattr(reference, name), name)
        reference_times = [expected.call(**kwargs).seconds]
        if reference_times[0] > REFERENCE_LIMIT:
            return Speed(exercise.key, "not timed (too slow to time)")
        budget = max(MIN_BUDGET, 50 * reference_times[0])
        module = StudentModule(learner_path, str(learner_path), exercise.allowed_imports)
        student = StudentFunction(
            lambda module=module, name=name: module.function(name), name, path=learner_path, timeout=budget
        )
        learner_times: list[float] = []
        try:
            for _ in range(ROUNDS):
                outcome = student.call(**kwargs)
                if outcome.raised is not None:
                    return Speed(exercise.key, f"raised {outcome.raised.type_name} at n = {size:.0e}")
                learner_times.append(outcome.seconds)
                reference_times.append(expected.call(**kwargs).seconds)
                if sum(learner_times) > TIME_SPENT:
                    break
        except GradeFailure:
            ratio = budget / max(min(reference_times), 1e-9)
            return Speed(
                exercise.key, f"> {ratio:.0f}× slower than numpy (stopped after {budget:.0f} s)", ratio
            )
        best, best_reference = min(learner_times), min(reference_times)
        ratio = best / max(best_reference, 1e-9)
        verdict = "vectorised ✓" if ratio <= VECTORISED_WITHIN else f"{ratio:.0f}× slower than numpy"
        return Speed(exercise.key, verdict, ratio, best, best_reference)
    return Speed(exercise.key, "not timed")
