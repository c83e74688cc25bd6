"""Tokenised documents (lists of string tokens) as an argument of a :class:`~mlkata.grading.domains.Domain`.

``bag_of_words(docs)`` and ``tf_idf(docs)`` take a corpus already split into tokens: a list of
documents, each a list of ``str``. :class:`Tokens` declares such an argument: ``n`` documents
(the domain's size ``n``) of 0 to ``max_length`` tokens each, drawn from ``words``. The default
words mix capitals, accents and another script, so that their sorted order is the code-point
order Python's ``sorted`` gives (``"Dog" < "a" < "é" < "日本"``), not a lowercased or locale one,
and short documents repeat tokens and come out empty now and then::

    from mlkata.grading.domains import Domain
    from mlkata.grading.tokens import Tokens

    DOMAIN = Domain(seed=1, args=(Tokens("docs"),), sizes={"n": (1, 4, 30)}, empty=None)

It has the interface :class:`~mlkata.grading.domains.Domain` asks of an argument (``name``,
``shape``, ``draw``) with ``shape ()``: none of the built-in array corners apply to it (the
``readonly`` and ``lists`` corners leave it as it is), and :meth:`Domain.bad_inputs` derives
nothing from it. So a domain of documents declares ``empty=None`` and lists its own
``ValueError`` cases (no documents, an untokenised string, a token that is not a string); the
helpers :func:`untokenised` and :func:`replace_token` make two of them.

Examples
--------
>>> import numpy as np
>>> docs = Tokens("docs", max_length=3).draw(np.random.default_rng(0), {"n": 3})
>>> all(isinstance(doc, list) and all(type(t) is str for t in doc) for doc in docs), len(docs)
(True, 3)
>>> untokenised([["a", "cat"], []])
['a cat', '']
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

WORDS = ("the", "cat", "sat", "on", "a", "mat", "Dog", "naïve", "é", "日本")
"""The default token pool: sorted by code point it is Dog, a, cat, mat, naïve, on, sat, the, é, 日本."""


@dataclass(frozen=True)
class Tokens:
    """A positional corpus argument: ``dims[size]`` documents, each a list of ``str`` tokens."""

    name: str
    size: str = "n"
    words: tuple[str, ...] = WORDS
    max_length: int = 8
    shape: tuple[()] = ()
    """Always ``()``: not an array, so no shape corner or length-mismatch case applies."""

    def draw(self, rng: np.random.Generator, dims: Mapping[str, int]) -> list[list[str]]:
        """``dims[size]`` documents of 0 to ``max_length`` tokens (Python ``str``, never ``np.str_``)."""
        lengths = rng.integers(0, self.max_length + 1, size=int(dims[self.size]))
        return [[self.words[int(i)] for i in rng.integers(0, len(self.words), size=m)] for m in lengths]


def untokenised(docs: list[list[str]]) -> list[str]:
    """Each document joined into one string: what a corpus looks like before tokenising."""
    return [" ".join(doc) for doc in docs]


def replace_token(docs: list[list[str]], value: Any) -> list[list[Any]]:
    """A copy of ``docs`` whose first token (in the first non-empty document) is ``value``."""
    changed = [list(doc) for doc in docs]
    first = next(i for i, doc in enumerate(changed) if doc)
    changed[first][0] = value
    return changed


def _as_tokens(value: Any) -> list[str] | None:
    """``value`` as a list of ``str`` (from a list, a tuple or a 1-D string array), else ``None``."""
    if isinstance(value, np.ndarray) and value.ndim == 1 and value.dtype.kind in "U":
        value = value.tolist()
    if isinstance(value, list | tuple) and all(isinstance(token, str) for token in value):
        return list(value)
    return None


def expect_vocabulary(outcome: Any, expected: list[str], *, reference: str, mistakes: tuple = ()) -> None:
    """Check a returned vocabulary (a list of ``str``, in order) is ``expected``.

    ``outcome`` is the vocabulary's part of the call (``outcome.part(1, "vocabulary")``);
    ``mistakes`` are :class:`~mlkata.grading.Mistake` objects whose ``compute`` gives the whole
    result and whose ``path`` picks the vocabulary from it (``part_mistakes(MISTAKES, 1)``): a
    mistake giving the learner's list adds its hint. A list, a tuple or a 1-D string array is
    accepted.
    """
    from mlkata.grading.describe import describe_value
    from mlkata.grading.failures import GradeFailure
    from mlkata.grading.judge import returned, with_hints

    value = returned(outcome)
    got, want = _as_tokens(value), list(expected)
    if got == want:
        return
    text = f"{outcome.call}\n  expected {describe_value(want)}  ({reference})"
    text += f"\n  got      {describe_value(value)}"
    if got is None:
        raise GradeFailure(with_hints(text, "return the vocabulary as a list of str, one per column"))
    if len(got) != len(want):
        text += f"\n  {len(got)} tokens, expected {len(want)}"
    else:
        first = next(i for i, (g, w) in enumerate(zip(got, want, strict=True)) if g != w)
        text += f"\n  first difference at position {first}: expected {want[first]!r}, got {got[first]!r}"
    hints = []
    for mistake in mistakes:
        try:
            wrong: Any = mistake.compute(*copy.deepcopy(outcome.args), **copy.deepcopy(outcome.kwargs))
            for index in mistake.path:
                wrong = wrong[index]
        except Exception:
            continue
        if _as_tokens(wrong) == got:
            hints.append(mistake.hint)
    raise GradeFailure(with_hints(text, *hints))
