"""Concept checks: the ``QUIZ`` questions of the exercises, asked one at a time and graded at once.

Each question comes from the ``QUIZ`` entry of a solution's META block (``Exercise.quiz``,
checked by :mod:`mlkata.interview`): a multiple-choice
question has ``choices`` and the 0-based index of the right one as ``answer``; a numeric
question has a number as ``answer`` and an absolute ``tolerance``. The learner answers a
multiple-choice question with the number of a choice (1 to k) and a numeric one with a
number, written as they like (``0.69``, ``.69``, ``6.9e-1``, ``1/2``). Every answer is
graded at once, with the question's ``why``, and recorded in the progress file (its
``quiz`` table) under the question's id, a hash of the exercise and the question's text
that stays the same from one run to the next.

Questions the learner last got wrong come first, then those never asked, then the rest,
the longest unasked first. ``quit`` (or the end of the input, or Ctrl-C) ends a quiz
with the score so far.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TextIO

from rich.console import Console
from rich.text import Text

from mlkata.catalog import Exercise
from mlkata.learner.layout import counted
from mlkata.learner.progress import Answer, NewAnswer, Progress

QUIT = frozenset({"quit", "exit", "q"})
SKIP = frozenset({"skip", "?"})


@dataclass(frozen=True)
class Question:
    """One concept check of an exercise."""

    exercise: str
    """``topic/module``."""
    text: str
    answer: float
    """The index of the right choice (0-based), or the number."""
    why: str
    choices: tuple[str, ...] = ()
    tolerance: float = 0.0
    place: int = 0
    """Where it comes in its exercise's ``QUIZ`` (0 first)."""

    @property
    def id(self) -> str:
        return question_id(self.exercise, self.text)

    @property
    def numeric(self) -> bool:
        return not self.choices

    def answer_text(self) -> str:
        """The right answer as the learner would type it.

        >>> Question("a/b", "?", 1, "", ("x", "y")).answer_text()
        '2'
        >>> Question("a/b", "?", 0.6931, "", tolerance=0.001).answer_text()
        '0.6931'
        """
        return str(int(self.answer) + 1) if self.choices else str(self.answer)

    def shown_answer(self) -> str:
        """The right answer as the feedback says it."""
        if self.choices:
            return f"{int(self.answer) + 1} ({self.choices[int(self.answer)]})"
        return f"{self.answer} (within {self.tolerance:g})" if self.tolerance else str(self.answer)


def question_id(exercise: str, text: str) -> str:
    """A question's id: the same from run to run while its exercise and text stay the same.

    >>> question_id("losses/log_loss", "What is log_loss([1], [0.5])?")
    '04c7e1baeb145178'
    """
    return hashlib.sha256(f"{exercise}\n{text.strip()}".encode()).hexdigest()[:16]


def questions_of(exercise: Exercise) -> list[Question]:
    """The concept checks of ``exercise``, in the order its ``QUIZ`` lists them.

    >>> from mlkata.catalog import find_exercise
    >>> questions_of(find_exercise("log_loss"))[0].exercise
    'losses/log_loss'
    """
    return [
        Question(exercise.key, q.question.strip(), q.answer, q.why, q.choices, q.tolerance or 0.0, place)
        for place, q in enumerate(exercise.quiz)
    ]


def pack_questions(exercises: Iterable[Exercise]) -> list[Question]:
    """Every concept check of ``exercises``, exercise by exercise.

    >>> from mlkata.catalog import exercises_of
    >>> len(pack_questions(exercises_of(["losses"]))) >= 3
    True
    """
    return [q for e in exercises for q in questions_of(e)]


_NUMBER = re.compile(r"^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$", re.IGNORECASE)


def parse_number(typed: str) -> float | None:
    """The number ``typed`` means, written leniently; ``None`` if it is none.

    >>> [parse_number(t) for t in ("0.69", ".69", "6.9e-1", " -2 ", "1/2", "1,5", "abc", "")]
    [0.69, 0.69, 0.69, -2.0, 0.5, 1.5, None, None]
    """
    text = typed.strip().replace(" ", "").replace("−", "-").lstrip("=≈~")
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")  # a decimal comma
    if "/" in text:
        top, _, bottom = text.partition("/")
        numerator, denominator = parse_number(top), parse_number(bottom)
        if numerator is None or not denominator:
            return None
        return numerator / denominator
    return float(text) if _NUMBER.match(text) else None


def read_answer(question: Question, typed: str) -> float | None:
    """What ``typed`` answers to ``question`` (a choice's index, or a number); ``None``: not an answer.

    >>> read_answer(Question("a/b", "?", 1, "", ("x", "y")), " 2 ")
    1
    >>> read_answer(Question("a/b", "?", 1, "", ("x", "y")), "3") is None
    True
    """
    if question.numeric:
        return parse_number(typed)
    word = typed.strip().rstrip(".)")
    if word.isdigit() and 1 <= int(word) <= len(question.choices):
        return int(word) - 1
    lowered = [c.strip().lower() for c in question.choices]
    return lowered.index(word.lower()) if word.lower() in lowered else None


def is_right(question: Question, typed: str) -> bool:
    """Whether ``typed`` is the right answer to ``question``.

    >>> q = Question("losses/log_loss", "log_loss([1], [0.5])?", 0.6931, "-ln 0.5", tolerance=1e-3)
    >>> is_right(q, ".693"), is_right(q, "6.931e-1"), is_right(q, "0.7")
    (True, True, False)
    """
    given = read_answer(question, typed)
    if given is None:
        return False
    if question.numeric:
        return abs(given - question.answer) <= question.tolerance * (1 + 1e-9)
    return given == question.answer


def order(questions: list[Question], answered: list[Answer], curriculum: list[str]) -> list[Question]:
    """``questions`` in the order to ask them: last answered wrong, never asked, then the rest.

    Wrong ones and the rest go longest unasked first; those never asked go round the exercises
    (each exercise's first question, then each one's second...), in curriculum order.

    >>> a1, a2, b1 = (Question(k, t, 0, "", ("x", "y"), place=p) for k, t, p in
    ...               (("t/a", "a1", 0), ("t/a", "a2", 1), ("t/b", "b1", 0)))
    >>> [q.text for q in order([a1, a2, b1], [], ["t/a", "t/b"])]
    ['a1', 'b1', 'a2']
    >>> missed = Answer(a2.id, "t/a", "a2", "2", False, "2026-01-01T00:00:00+00:00")
    >>> right = Answer(a1.id, "t/a", "a1", "1", True, "2026-01-02T00:00:00+00:00")
    >>> [q.text for q in order([a1, a2, b1], [missed, right], ["t/a", "t/b"])]
    ['a2', 'b1', 'a1']
    """
    last: dict[str, tuple[int, bool]] = {}
    for number, answer in enumerate(answered):
        last[answer.question] = (number, answer.correct)
    place = {key: i for i, key in enumerate(curriculum)}

    def key(question: Question) -> tuple[int, int, int, int]:
        seen = last.get(question.id)
        where = place.get(question.exercise, len(place))
        if seen is None:
            return (1, question.place, where, 0)
        return (2 if seen[1] else 0, seen[0], where, question.place)

    return sorted(questions, key=key)


@dataclass
class Score:
    """How a quiz went."""

    right: int = 0
    asked: int = 0
    stopped: bool = False

    def line(self) -> str:
        """The score as said at the end.

        >>> Score(2, 3).line()
        'Quiz score: 2/3 (67%)'
        """
        percent = f" ({100 * self.right / self.asked:.0f}%)" if self.asked else ""
        return f"Quiz score: {self.right}/{self.asked}{percent}"


def _prompt(console: Console, stream: TextIO) -> str | None:
    """One line typed by the learner; ``None`` at the end of the input."""
    console.print(Text("> ", style="bold"), end="")
    console.file.flush()
    line = stream.readline()
    if not line:
        console.print()
        return None
    if not console.is_terminal or not stream.isatty():
        console.print(Text(line.rstrip("\n"), style="dim"))  # piped: show what was answered
    return line


def ask(
    console: Console,
    progress: Progress,
    question: Question,
    stream: TextIO,
    *,
    number: str = "",
) -> bool | None:
    """Ask ``question``, grade and record the answer; whether it was right, ``None`` to stop.

    Parameters
    ----------
    console : Console
        Where the question and the feedback are shown.
    progress : Progress
        Where the answer is recorded.
    question : Question
        The question.
    stream : TextIO
        Where the answer is read, a line at a time; an unreadable answer is asked again.
    number : str
        Shown before the exercise's name (``"2/5 · "``).

    Returns
    -------
    bool or None
        Whether the answer was right (``skip`` is not); ``None`` on ``quit`` or the end of input.

    Examples
    --------
    >>> import io, tempfile
    >>> from pathlib import Path
    >>> progress = Progress(Path(tempfile.mkdtemp()) / "progress.sqlite3")
    >>> q = Question("losses/log_loss", "log_loss([1], [0.5])?", 0.6931, "-ln 0.5", tolerance=1e-3)
    >>> out = Console(file=io.StringIO(), width=80)
    >>> ask(out, progress, q, io.StringIO("zero\\n.693\\n")), progress.answers()[0].given
    (True, '.693')
    >>> print(out.file.getvalue().strip())
    losses/log_loss
    log_loss([1], [0.5])?
    Type a number + Enter (skip: show the answer · quit: stop)
    > zero
    'zero' is not an answer: type a number, skip or quit.
    > .693
    ✓ Right. -ln 0.5
    """
    console.print(Text(f"{number}{question.exercise}", style="bold magenta"))
    console.print(Text(question.text, style="bold"))
    for index, choice in enumerate(question.choices, start=1):
        console.print(Text(f"  {index}. {choice}"))
    how = f"a number from 1 to {len(question.choices)}" if question.choices else "a number"
    console.print(Text(f"Type {how} + Enter (skip: show the answer · quit: stop)", style="dim"))
    while True:
        line = _prompt(console, stream)
        if line is None or line.strip().lower() in QUIT:
            return None
        typed = line.strip()
        if typed.lower() in SKIP:
            right = False
            break
        if read_answer(question, typed) is not None:
            right = is_right(question, typed)
            break
        console.print(Text(f"{typed[:30]!r} is not an answer: type {how}, skip or quit.", style="yellow"))
    progress.record_answer(NewAnswer(question.id, question.exercise, question.text, typed, right))
    if right:
        console.print(Text(f"✓ Right. {question.why}".rstrip(), style="green"))
    else:
        lead = "The answer" if typed.lower() in SKIP else "✗ Not quite: the answer"
        console.print(Text(f"{lead} is {question.shown_answer()}. {question.why}".rstrip(), style="red"))
    console.print()
    return right


def run_quiz(
    console: Console, progress: Progress, questions: list[Question], stream: TextIO, title: str = ""
) -> Score:
    """Ask ``questions`` in turn; the score, also shown when the learner stops early."""
    score = Score()
    title = title or (
        f"Quiz: {counted(len(questions), 'question')}. Each is graded at once; quit + Enter or "
        "Ctrl-C stops with the score so far."
    )
    console.print(Text(title, style="cyan"))
    console.print()
    try:
        for index, question in enumerate(questions, start=1):
            right = ask(console, progress, question, stream, number=f"{index}/{len(questions)} · ")
            if right is None:
                score.stopped = True
                break
            score.asked += 1
            score.right += right
    except KeyboardInterrupt:
        score.stopped = True
        console.print()
    ended = "Stopped early. " if score.stopped else ""
    style = "bold green" if score.asked and score.right == score.asked else "bold"
    console.print(Text(f"{ended}{score.line()}", style=style))
    return score


def drill_quiz(console: Console, progress: Progress, exercises: list[Exercise], stream: TextIO) -> Score:
    """``mlkata drill --quiz``: one concept check on each of the drill's exercises that has one."""
    answered = progress.answers()
    keys = [e.key for e in exercises]
    questions = []
    for exercise in exercises:
        mine = order(questions_of(exercise), answered, keys)
        questions += mine[:1]
    if not questions:
        console.print(Text("None of these exercises has concept checks yet: straight to the clock.", "dim"))
        return Score()
    title = (
        f"Before the clock starts, {counted(len(questions), 'concept check')} on this drill's exercises "
        "(quit + Enter skips the rest):"
    )
    score = run_quiz(console, progress, questions, stream, title=title)
    console.print()
    return score
