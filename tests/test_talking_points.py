"""Every exercise's interview practice is complete, fits a screen, and its quiz answers are right.

The talking points and quiz questions live in each solution module's META
(``TALKING_POINTS``, ``QUIZ``; :mod:`mlkata.interview`). Each test is parametrized per exercise
(or per topic), so that a failure names what is missing where. A numeric question's answer is
checked by evaluating its ``check`` expression with the reference solution's functions.
"""

from __future__ import annotations

import numpy as np
import pytest

from mlkata.catalog import all_exercises
from mlkata.curriculum import topics
from mlkata.learner.notes import note_lines
from tests.helpers import ROOT, load_solution

EXERCISES = all_exercises(ROOT)
BY_KEY = {e.key: e for e in EXERCISES}
SCREEN_LINES = 25
SCREEN_WIDTH = 80


def where(exercise) -> str:
    return f"solutions/{exercise.key}.py"


@pytest.mark.parametrize("key", list(BY_KEY))
def test_every_exercise_has_complete_talking_points(key):
    exercise = BY_KEY[key]
    points = exercise.talking_points
    assert points is not None, f"{where(exercise)}: no TALKING_POINTS in its META yet"
    assert len(points.pitfalls) >= 2, (
        f"{where(exercise)}: TALKING_POINTS has {len(points.pitfalls)} pitfall(s)"
    )
    assert 2 <= len(points.follow_ups) <= 3, (
        f"{where(exercise)}: TALKING_POINTS has {len(points.follow_ups)} follow-up(s), 2 or 3 wanted"
    )


@pytest.mark.parametrize("key", list(BY_KEY))
def test_talking_points_fit_one_screen(key):
    exercise = BY_KEY[key]
    if exercise.talking_points is None:
        pytest.fail(f"{where(exercise)}: no TALKING_POINTS in its META yet")
    lines = [line.plain for line in note_lines(exercise, SCREEN_WIDTH)]
    assert len(lines) <= SCREEN_LINES, (
        f"{where(exercise)}: its talking points take {len(lines)} lines at {SCREEN_WIDTH} columns, "
        f"at most {SCREEN_LINES} wanted:\n" + "\n".join(lines)
    )
    wide = [line for line in lines if len(line) > SCREEN_WIDTH and " " in line.strip()]
    assert not wide, f"{where(exercise)}: lines wider than {SCREEN_WIDTH} columns: {wide}"


@pytest.mark.parametrize("key", list(BY_KEY))
def test_every_exercise_has_a_quiz_question(key):
    exercise = BY_KEY[key]
    assert exercise.quiz, f"{where(exercise)}: no QUIZ in its META yet"


@pytest.mark.parametrize("topic", topics())
def test_every_topic_has_three_quiz_questions(topic):
    counts = {e.module: len(e.quiz) for e in EXERCISES if e.topic == topic}
    assert sum(counts.values()) >= 3, f"the topic {topic} has {sum(counts.values())} QUIZ questions: {counts}"


@pytest.mark.parametrize("key", list(BY_KEY))
def test_multiple_choice_answers_are_valid(key):
    exercise = BY_KEY[key]
    for number, question in enumerate(exercise.quiz):
        if question.numeric:
            continue
        label = f"{where(exercise)}: QUIZ[{number}] ({question.question!r})"
        assert len(question.choices) >= 2, f"{label} has fewer than two choices"
        assert len(set(question.choices)) == len(question.choices), f"{label} repeats a choice"
        assert 0 <= question.answer < len(question.choices), f"{label}: answer {question.answer} is no index"


@pytest.mark.parametrize("key", [k for k, e in BY_KEY.items() if any(q.numeric for q in e.quiz)])
def test_numeric_answers_are_what_the_reference_solution_computes(key):
    exercise = BY_KEY[key]
    module = load_solution(exercise.topic, exercise.module)
    names = {"np": np, **{name: getattr(module, name) for name in exercise.functions}}
    for number, question in enumerate(exercise.quiz):
        if not question.numeric:
            continue
        label = f"{where(exercise)}: QUIZ[{number}] ({question.question!r})"
        value = float(eval(question.check, dict(names)))  # the project's own META, not input
        assert abs(value - question.answer) <= question.tolerance, (
            f"{label}: {question.check} is {value}, the answer says {question.answer} "
            f"(tolerance {question.tolerance})"
        )
