"""An exercise's interview practice, read from its META: talking points and quiz questions.

``TALKING_POINTS`` is a dict with exactly the keys ``use``, ``assumes``, ``pitfalls``,
``cost`` and ``follow_ups``; ``QUIZ`` a tuple of questions, each a dict: a multiple-choice
question has ``question``, ``choices``, ``answer`` (the 0-based index of the right choice)
and ``why``; a numeric one has ``question``, ``answer`` (a number), ``tolerance``
(absolute), ``check`` (a Python expression of the exercise's functions and ``np`` whose
value is the answer) and ``why``. Anything else is a :class:`ValueError` naming the key.
How many pitfalls and follow-ups, and whether answers are right, is for the tests to say.
"""

from __future__ import annotations

from dataclasses import dataclass

TALKING_KEYS = ("use", "assumes", "pitfalls", "cost", "follow_ups")
CHOICE_KEYS = frozenset({"question", "choices", "answer", "why"})
NUMERIC_KEYS = frozenset({"question", "answer", "tolerance", "check", "why"})


@dataclass(frozen=True)
class TalkingPoints:
    """What to say about an exercise in an interview (``TALKING_POINTS`` of its META)."""

    use: str
    """When to reach for it."""
    assumes: str
    """What it assumes about the data or the model."""
    pitfalls: tuple[str, ...]
    cost: str
    """Its time and memory."""
    follow_ups: tuple[tuple[str, str], ...]
    """The questions an interviewer asks next, each with a short answer."""


@dataclass(frozen=True)
class Question:
    """One concept check of ``QUIZ``: multiple choice when it has ``choices``, else numeric."""

    question: str
    answer: int | float
    """The index into ``choices`` of the right one, or the number itself."""
    why: str
    choices: tuple[str, ...] = ()
    tolerance: float | None = None
    """How far (absolute) a numeric answer may be from ``answer``."""
    check: str | None = None
    """A numeric question's expression, of the exercise's functions and ``np``, worth ``answer``."""

    @property
    def numeric(self) -> bool:
        return not self.choices


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where} must be a non-empty string, got {value!r}")
    return value


def _texts(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, tuple | list):
        raise ValueError(f"{where} must be a tuple of strings, got {type(value).__name__}")
    return tuple(_text(item, f"{where}[{i}]") for i, item in enumerate(value))


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def talking_points(value: object) -> TalkingPoints | None:
    """``TALKING_POINTS`` of a META block, checked (``None`` when the exercise has none yet).

    Raises
    ------
    ValueError
        Naming the key that is missing, unknown or of the wrong type.

    Examples
    --------
    >>> points = talking_points({"use": "u", "assumes": "a", "pitfalls": ("p",), "cost": "c",
    ...                          "follow_ups": (("q?", "a."),)})
    >>> points.follow_ups
    (('q?', 'a.'),)
    >>> talking_points({"use": "u"})
    Traceback (most recent call last):
    ValueError: TALKING_POINTS: missing key(s) 'assumes', 'pitfalls', 'cost', 'follow_ups'
    """
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ValueError(f"TALKING_POINTS must be a dict, got {type(value).__name__}")
    missing = [key for key in TALKING_KEYS if key not in value]
    if missing:
        raise ValueError(f"TALKING_POINTS: missing key(s) {', '.join(map(repr, missing))}")
    unknown = sorted(str(key) for key in value if key not in TALKING_KEYS)
    if unknown:
        names = ", ".join(map(repr, unknown))
        raise ValueError(f"TALKING_POINTS: unknown key(s) {names} (keys are {', '.join(TALKING_KEYS)})")
    follow_ups = value["follow_ups"]
    if not isinstance(follow_ups, tuple | list):
        raise ValueError("TALKING_POINTS['follow_ups'] must be a tuple of (question, answer) pairs")
    pairs = []
    for i, pair in enumerate(follow_ups):
        where = f"TALKING_POINTS['follow_ups'][{i}]"
        if not isinstance(pair, tuple | list) or len(pair) != 2:
            raise ValueError(f"{where} must be a (question, answer) pair, got {pair!r}")
        pairs.append((_text(pair[0], f"{where}[0]"), _text(pair[1], f"{where}[1]")))
    return TalkingPoints(
        use=_text(value["use"], "TALKING_POINTS['use']"),
        assumes=_text(value["assumes"], "TALKING_POINTS['assumes']"),
        pitfalls=_texts(value["pitfalls"], "TALKING_POINTS['pitfalls']"),
        cost=_text(value["cost"], "TALKING_POINTS['cost']"),
        follow_ups=tuple(pairs),
    )


def _question(item: object, where: str) -> Question:
    if not isinstance(item, dict):
        raise ValueError(f"{where} must be a dict, got {type(item).__name__}")
    keys = set(item)
    expected = CHOICE_KEYS if "choices" in keys else NUMERIC_KEYS
    kind = "a multiple-choice question" if "choices" in keys else "a numeric question (no 'choices')"
    if keys != expected:
        lacking, extra = sorted(expected - keys), sorted(map(str, keys - expected))
        wrong = [f"missing {', '.join(map(repr, lacking))}"] if lacking else []
        wrong += [f"unknown {', '.join(map(repr, extra))}"] if extra else []
        raise ValueError(f"{where}: {'; '.join(wrong)} (keys of {kind}: {', '.join(sorted(expected))})")
    question = _text(item["question"], f"{where}['question']")
    why = _text(item["why"], f"{where}['why']")
    answer = item["answer"]
    if "choices" in keys:
        choices = _texts(item["choices"], f"{where}['choices']")
        if not isinstance(answer, int) or isinstance(answer, bool):
            raise ValueError(f"{where}['answer'] must be the 0-based index of a choice, got {answer!r}")
        return Question(question, answer, why, choices=choices)
    if not _number(answer):
        raise ValueError(f"{where}['answer'] must be a number, got {answer!r}")
    tolerance = item["tolerance"]
    if not _number(tolerance) or tolerance < 0:  # type: ignore[operator]
        raise ValueError(f"{where}['tolerance'] must be a number >= 0, got {tolerance!r}")
    check = _text(item["check"], f"{where}['check']")
    return Question(question, answer, why, tolerance=float(tolerance), check=check)  # type: ignore[arg-type]


def quiz(value: object) -> tuple[Question, ...]:
    """``QUIZ`` of a META block, checked (empty when the exercise has none yet).

    Raises
    ------
    ValueError
        Naming the question and the key that is missing, unknown or of the wrong type.

    Examples
    --------
    >>> sum_question = {"question": "2 + 2?", "answer": 4, "tolerance": 0, "check": "2 + 2", "why": "sum"}
    >>> quiz((sum_question,))[0].numeric
    True
    >>> quiz(({"question": "q?", "choices": ("a", "b"), "answer": "a", "why": "w"},))
    Traceback (most recent call last):
    ValueError: QUIZ[0]['answer'] must be the 0-based index of a choice, got 'a'
    """
    if value is None:
        return ()
    if not isinstance(value, tuple | list):
        raise ValueError(f"QUIZ must be a tuple of questions (dicts), got {type(value).__name__}")
    return tuple(_question(item, f"QUIZ[{i}]") for i, item in enumerate(value))
