"""`mlkata quiz` and `mlkata drill --quiz`: questions asked, answers graded at once and recorded.

The command tests pipe the answers in, as a script or a test would, in a fresh project of the
losses topic; which questions come, and in what order, is read from the pack itself
(:func:`mlkata.learner.quiz.order`), so that new questions in the pack change no test. The
pack test asks every question of every exercise, answering once right and once wrong.
"""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mlkata.catalog import all_exercises, exercises_of
from mlkata.cli import app
from mlkata.learner.drill import choose, drill_pool
from mlkata.learner.progress import Progress
from mlkata.learner.quiz import (
    Question,
    ask,
    is_right,
    order,
    pack_questions,
    parse_number,
    question_id,
    questions_of,
    read_answer,
)
from tests.helpers import ROOT
from tests.learner_project import make_project
from tests.screen import Terminal

PACK = [e for e in all_exercises(ROOT) if e.quiz]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return make_project(tmp_path, monkeypatch)


def mlkata(*args: str, input: str | None = None):
    return CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)


def flat(text: str) -> str:
    return " ".join(text.split())


def wrong(question: Question) -> str:
    """An answer to ``question`` that is not right."""
    if question.choices:
        return str((int(question.answer) + 1) % len(question.choices) + 1)
    return f"{question.answer + 10 * question.tolerance + 1:g}"


def asked(root: Path, topic: str = "losses") -> list[Question]:
    """The questions ``mlkata quiz TOPIC`` asks next, in order, given the answers recorded."""
    keys = [e.key for e in all_exercises(root)]
    return order(pack_questions(exercises_of([topic], root)), Progress().answers(), keys)


# --- every question of the pack ------------------------------------------------------------------


def test_the_pack_has_questions_to_ask():
    assert sum(len(e.quiz) for e in PACK) >= 3, "the losses topic has questions at least"
    assert any(e.topic == "losses" for e in PACK)


@pytest.mark.parametrize("exercise", PACK, ids=lambda e: e.key)
def test_every_question_is_asked_and_graded_by_its_own_answer(exercise, tmp_path):
    progress = Progress(tmp_path / "progress.sqlite3")
    for question in questions_of(exercise):
        for typed, right in ((question.answer_text(), True), (wrong(question), False)):
            out = io.StringIO()
            console = Console(file=out, width=100, color_system=None)
            result = ask(console, progress, question, io.StringIO(f"{typed}\n"))
            text = out.getvalue()
            assert result is right, f"{exercise.key}: {question.text!r} answered {typed!r}:\n{text}"
            assert question.text in flat(text) or question.text in text
            for number, choice in enumerate(question.choices, start=1):
                assert f"{number}. {choice}" in text
            assert ("✓ Right." if right else "✗ Not quite: the answer is") in text, text
            assert flat(question.why) in flat(text)
    answers = progress.answers()
    assert len(answers) == 2 * len(exercise.quiz)
    assert [a.correct for a in answers] == [True, False] * len(exercise.quiz)
    assert {a.question for a in answers} == {question_id(exercise.key, q.question) for q in exercise.quiz}


# --- answers as they are typed -------------------------------------------------------------------


NUMERIC = Question("losses/log_loss", "log_loss([1], [0.5])?", 0.6931, "-ln 0.5", tolerance=1e-3)
CHOICE = Question("losses/log_loss", "Which?", 2, "because", ("zero", "one", "Two words"))


@pytest.mark.parametrize(
    "typed", ["0.6935", ".6931", "6.931e-1", " 0.693 ", "0,6931", "693.1/1000", "≈0.693"]
)
def test_numeric_answers_are_read_leniently(typed):
    assert is_right(NUMERIC, typed)


@pytest.mark.parametrize("typed", ["0.7", "0.6", "-0.6931", "69%", "ln 2", "", "1/0"])
def test_a_numeric_answer_off_by_more_than_the_tolerance_or_unreadable_is_not_right(typed):
    assert not is_right(NUMERIC, typed)
    assert is_right(NUMERIC, "0.6941") and not is_right(NUMERIC, "0.6942"), "tolerance 1e-3 either side"


def test_a_choice_is_its_number_or_its_text():
    assert [read_answer(CHOICE, t) for t in ("1", "3", "3.", " 3) ", "two words", "4", "0", "x")] == [
        0,
        2,
        2,
        2,
        2,
        None,
        None,
        None,
    ]
    assert is_right(CHOICE, "3") and not is_right(CHOICE, "2")
    assert parse_number("6.9E-1") == pytest.approx(0.69)


def test_a_question_id_stays_the_same_and_differs_by_exercise_and_text():
    first = question_id("losses/log_loss", "log_loss([1], [0.5])?")
    assert first == question_id("losses/log_loss", " log_loss([1], [0.5])? ")
    assert first != question_id("losses/hinge_loss", "log_loss([1], [0.5])?")
    assert first != question_id("losses/log_loss", "log_loss([0], [0.5])?")
    assert re.fullmatch(r"[0-9a-f]{16}", first)


# --- mlkata quiz ------------------------------------------------------------------------------------


def test_piped_answers_are_graded_at_once_scored_and_recorded(project):
    questions = asked(project)[:3]
    assert len(questions) == 3, "the losses topic has three questions at least"
    typed = [questions[0].answer_text(), wrong(questions[1]), "what?", questions[2].answer_text()]
    result = mlkata("quiz", "losses", "--count", "3", input="\n".join(typed) + "\n")
    assert result.exit_code == 0, result.output
    out = result.output
    blocks = re.split(r"^\d/3 · ", out, flags=re.MULTILINE)[1:]
    assert len(blocks) == 3, out
    for block, question, right in zip(blocks, questions, (True, False, True), strict=True):
        assert question.text in flat(block), block
        assert ("✓ Right." if right else "✗ Not quite: the answer is") in block, block
    assert question_block_says(blocks[1], questions[1])
    assert "'what?' is not an answer" in blocks[2]
    assert "Quiz score: 2/3 (67%)" in out
    assert "`mlkata quiz losses` asks the ones you missed, then new ones, first" in flat(out)
    recorded = Progress().answers()
    assert [(a.question, a.correct) for a in recorded] == [
        (questions[0].id, True),
        (questions[1].id, False),
        (questions[2].id, True),
    ]
    assert [a.given for a in recorded] == [typed[0], typed[1], typed[3]]
    assert all(
        a.exercise == q.exercise and a.text == q.text for a, q in zip(recorded, questions, strict=True)
    )

    again = asked(project)
    assert again[0].id == questions[1].id, "the one answered wrong comes first next time"
    assert {q.id for q in again[-2:]} == {questions[0].id, questions[2].id}, "those answered right come last"
    second = mlkata("quiz", "losses", "--count", "1", input=questions[1].answer_text() + "\n")
    assert questions[1].text in flat(second.output) and "Quiz score: 1/1 (100%)" in second.output


def question_block_says(block: str, question: Question) -> bool:
    """The feedback of a wrong answer names the right one and says why."""
    return question.shown_answer() in flat(block) and flat(question.why) in flat(block)


@pytest.mark.parametrize("ending", ["quit\n", "QUIT\n", ""], ids=["quit", "QUIT", "end of input"])
def test_quit_or_the_end_of_input_stops_with_the_score_so_far(project, ending):
    first = asked(project)[0]
    result = mlkata("quiz", "losses", "--count", "3", input=f"{first.answer_text()}\n{ending}")
    assert result.exit_code == 0, result.output
    assert "Stopped early. Quiz score: 1/1 (100%)" in result.output
    assert "2/3 · " in result.output and "3/3 · " not in result.output
    assert [a.correct for a in Progress().answers()] == [True]


def test_a_topic_without_questions_or_an_unknown_name_is_said(project):
    unknown = mlkata("quiz", "lossez")
    assert unknown.exit_code == 2
    assert "'lossez' is neither a topic nor an exercise" in flat(unknown.output)
    one = mlkata("quiz", "log_loss", "--count", "1", input="skip\n")
    assert one.exit_code == 0 and "1/1 · losses/log_loss" in one.output
    assert "The answer is" in one.output and "Quiz score: 0/1" in one.output
    assert Progress().answers()[0].correct is False, "a skipped question counts as missed"


def test_ctrl_c_in_a_terminal_ends_the_quiz_cleanly_with_the_score(project):
    first = asked(project)[0]
    terminal = Terminal(["quiz", "losses"], cwd=project, env=dict(os.environ))
    try:
        assert terminal.wait_for("1/5 · ", timeout=60), terminal.output
        assert terminal.wait_for("> ", timeout=30), terminal.output
        terminal.type(first.answer_text() + "\r")
        assert terminal.wait_for("2/5 · ", timeout=30), terminal.output
        terminal.read(0.3)
        terminal.type("\x03")
        assert terminal.wait_for("Quiz score", timeout=30), terminal.output
        assert terminal.process.wait(timeout=30) == 0
        terminal.read(0.3)
    finally:
        terminal.close()
    screen = flat("\n".join(terminal.screen()))
    assert "Stopped early. Quiz score: 1/1 (100%)" in screen, screen
    assert "Traceback" not in screen and "KeyboardInterrupt" not in screen


# --- mlkata drill --quiz -----------------------------------------------------------------------------


def test_drill_quiz_asks_one_question_per_exercise_then_runs_the_drill_as_before(project):
    pool = drill_pool(project, None)
    with_quiz = {e.key for e in pool if e.quiz}
    seed = next(s for s in range(1, 500) if {e.key for e in choose(pool, 2, s)} <= with_quiz)
    chosen = choose(pool, 2, seed)
    keys = [e.key for e in all_exercises(project)]
    questions = [order(questions_of(e), [], keys)[0] for e in chosen]
    typed = [questions[0].answer_text(), wrong(questions[1])]
    result = mlkata(
        "drill", "--count", "2", "--seed", str(seed), "--quiz", input="\n".join([*typed, "done"]) + "\n"
    )
    assert result.exit_code == 0, result.output
    out = flat(result.output)
    assert "Before the clock starts, 2 concept checks on this drill's exercises" in out, out
    for question in questions:
        assert question.text in out
    assert "Quiz score: 1/2 (50%)" in out
    assert out.index("Quiz score") < out.index("Type done + Enter when finished") < out.index("Drill score")
    assert [(a.question, a.correct) for a in Progress().answers()] == [
        (questions[0].id, True),
        (questions[1].id, False),
    ]
    (drill,) = Progress().drills()
    assert drill.finished is not None and drill.exercises == [e.key for e in chosen]

    plain = mlkata("drill", "--count", "2", "--seed", str(seed), input="done\n")
    assert "concept check" not in plain.output and "Quiz score" not in plain.output
