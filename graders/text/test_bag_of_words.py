"""Grader for text/bag_of_words, against sklearn CountVectorizer on pre-tokenised documents."""

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from mlkata.grading import (
    GradeFailure,
    Mistake,
    expect_close,
    expect_raises,
    part_mistakes,
    points,
    returned,
    seeded,
    student_function,
)
from mlkata.grading.checks import (
    BadInput,
    Differential,
    call_case,
    case_outcome,
    case_suffix,
    expect_rejected,
)
from mlkata.grading.domains import Domain, Param
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.tokens import WORDS, Tokens, expect_vocabulary, replace_token, untokenised

bag_of_words = student_function("bag_of_words")
REFERENCE = "sklearn CountVectorizer(analyzer=lambda doc: doc)"


def _identity(doc):
    return doc


@cached_reference
def reference(docs, vocabulary=None):
    vectorizer = CountVectorizer(analyzer=_identity, vocabulary=vocabulary, lowercase=False)
    counts = vectorizer.fit_transform(docs).toarray()
    return counts, [str(token) for token in vectorizer.get_feature_names_out()]


def _repeated(values, rng):
    docs = [list(doc) for doc in values["docs"]]
    docs[0] = ["naïve"] * 300 + docs[0] + ["Dog"] * 3  # 300: past what uint8 counts hold
    return {**values, "docs": docs}


def _mostly_empty(values, rng):
    docs = [[] for _ in values["docs"]]
    docs[len(docs) // 2] = ["the", "é", "the", "日本"]
    return {**values, "docs": docs}


def _outside_vocabulary(values, rng):
    return {**values, "vocabulary": ["the", "zebra", "Dog", "é"]}


DOMAIN = Domain(
    seed=2104,
    args=(Tokens("docs"),),
    sizes={"n": (1, 5, 30, 200)},
    params=(
        Param(
            "vocabulary",
            None,
            values=(["the", "Dog", "zebra", "é"], ["a"], list(reversed(WORDS))),
            invalid=([], ["a", "cat", "a"], "cat", ["a", 3]),
            why_invalid="is not a non-empty list of distinct str",
        ),
    ),
    corners=("params", "readonly", "lists"),
    custom={
        "a token repeated 300 times": _repeated,
        "every document empty but one": _mostly_empty,
        "a vocabulary with a token no document has": _outside_vocabulary,
    },
    empty=None,
)


def _counts(docs, vocabulary):
    column = {token: j for j, token in enumerate(vocabulary)}
    counts = np.zeros((len(docs), len(vocabulary)), dtype=int)
    for i, doc in enumerate(docs):
        for token in doc:
            if token in column:
                counts[i, column[token]] += 1
    return counts


def _learned(docs):
    return sorted({token for doc in docs for token in doc})


def _first_seen(docs):
    return list(dict.fromkeys(token for doc in docs for token in doc))


def _wrong(vocabulary_of=None, counts_of=None, drop_empty=False, given="as given"):
    """bag_of_words with one step done differently (for recognising mistakes)."""

    def compute(docs, vocabulary=None):
        kept = [doc for doc in docs if doc] if drop_empty else docs
        if vocabulary is None:
            vocabulary = (vocabulary_of or _learned)(docs)
        elif given == "sorted":
            vocabulary = sorted(vocabulary)
        elif given == "ignored":
            vocabulary = _learned(docs)
        elif given == "extended":
            vocabulary = list(vocabulary) + [t for t in _learned(docs) if t not in vocabulary]
        counts = _counts(kept, vocabulary)
        return (counts_of(counts) if counts_of else counts), list(vocabulary)

    return compute


MISTAKES = (
    Mistake(
        "count how often each token occurs, not only whether it occurs (a 0/1 matrix)",
        _wrong(counts_of=lambda c: (c > 0).astype(int)),
    ),
    Mistake(
        "rows are documents and columns vocabulary tokens: your matrix is transposed",
        _wrong(counts_of=lambda c: c.T),
    ),
    Mistake(
        "an empty document still gets its row (of zeros): you left it out",
        _wrong(drop_empty=True),
    ),
    Mistake(
        "sort the learned vocabulary as Python's sorted() sorts strings, by code point ('Dog' < 'a' "
        "< 'é'): you sorted it ignoring case",
        _wrong(vocabulary_of=lambda docs: sorted(_learned(docs), key=str.lower)),
    ),
    Mistake(
        "the learned vocabulary is sorted: yours is in the order the tokens first appear",
        _wrong(vocabulary_of=_first_seen),
    ),
    Mistake(
        "the learned vocabulary is sorted: yours is sorted by frequency",
        _wrong(
            vocabulary_of=lambda docs: sorted(_learned(docs), key=lambda t: -sum(d.count(t) for d in docs))
        ),
    ),
    Mistake(
        "tokens are taken as they are: you lowercased them",
        lambda docs, vocabulary=None: reference([[t.lower() for t in doc] for doc in docs], vocabulary),
    ),
    Mistake(
        "a given vocabulary keeps the order given (its columns in that order): you sorted it",
        _wrong(given="sorted"),
    ),
    Mistake(
        "use the vocabulary argument when it is given: you learned one from docs", _wrong(given="ignored")
    ),
    Mistake(
        "a count can pass 255: your counts wrapped around (uint8); count in a wide integer type (int)",
        _wrong(counts_of=lambda c: c.astype(np.uint8)),
    ),
    Mistake(
        "tokens outside a given vocabulary are ignored: you added columns for them",
        _wrong(given="extended"),
    ),
)
COUNT_MISTAKES, VOCABULARY_MISTAKES = part_mistakes(MISTAKES, 0), part_mistakes(MISTAKES, 1)


def _check(outcome, expected, what=""):
    counts, vocabulary = expected
    expect_vocabulary(
        outcome.part(1, "vocabulary"), vocabulary, reference=REFERENCE + what, mistakes=VOCABULARY_MISTAKES
    )
    part = outcome.part(0, "counts")
    expect_close(part, counts, reference=REFERENCE + what, rtol=0, atol=0, mistakes=COUNT_MISTAKES)
    kind = np.asarray(returned(part)).dtype.kind
    if kind not in "iu":
        raise GradeFailure(
            f"{part.call}\n  returned the right counts with dtype kind {kind!r}: return an integer "
            "array (e.g. np.zeros((n_docs, n_tokens), dtype=int)), counts are whole numbers"
        )


@points(3)
def test_matches_sklearn_on_random_corpora(bag_of_words):
    rng = seeded(2101)
    for n_docs, n_words, longest in ((1, 3, 5), (4, 6, 6), (25, 10, 12), (120, 40, 30)):
        words = [f"w{i}" for i in rng.permutation(n_words)]
        docs = [list(rng.choice(words, size=rng.integers(1, longest + 1))) for _ in range(n_docs)]
        docs = [[str(token) for token in doc] for doc in docs]
        _check(bag_of_words.call(docs), reference(docs))


@points(2)
def test_a_given_vocabulary_sets_the_columns(bag_of_words):
    docs = [["the", "cat", "the"], [], ["a", "dog", "a", "cat"]]
    for vocabulary in (["the", "dog"], ["dog", "the", "cat", "a"], ["zebra", "cat"]):
        _check(
            bag_of_words.call(docs, vocabulary=vocabulary),
            reference(docs, vocabulary),
            f"(vocabulary={vocabulary}): columns in the order given, other tokens ignored",
        )
    _check(
        bag_of_words.call([[], []], vocabulary=["a"]),
        reference([[], []], ["a"]),
        "(vocabulary=['a']): empty documents with a vocabulary give rows of zeros",
    )


@points(1)
def test_sorting_empty_documents_and_repeats(bag_of_words):
    docs = [["the", "cat", "the"], [], ["a", "cat"]]
    _check(bag_of_words.call(docs), reference(docs), ": the docstring's example")
    docs = [["é", "Zebra", "apple"], [], ["日本", "apple", "apple", "apple"], ["Apple", "zebra"], []]
    _check(
        bag_of_words.call(docs),
        reference(docs),
        ": sorted by code point, capitals first, accents and other scripts after 'z'",
    )


def _judge(function, case):
    docs, vocabulary = case.args[0], case.kwargs.get("vocabulary")
    if vocabulary is None and not any(docs):
        expect_raises(call_case(function, case), because="the documents hold no token (nothing to learn)")
        return
    _check(case_outcome(function, case), reference(*case.args, **case.kwargs), case_suffix(case))


@points(2)
def test_every_corner_of_the_domain(bag_of_words):
    for case in DOMAIN.corner_cases():
        _judge(bag_of_words, case)


@points(1)
def test_rejects_bad_input(bag_of_words):
    docs = [["the", "cat"], ["a", "dog"]]
    expect_rejected(
        bag_of_words,
        [
            BadInput("docs holds no document", ([],)),
            BadInput("every document is empty: there is no vocabulary to learn", ([[], [], []],)),
            BadInput("docs is one string, not a list of token lists", ("the cat sat",)),
            BadInput(
                "each document must be a token list, not a string (tokenise it first)", (untokenised(docs),)
            ),
            BadInput("a token is the int 7, not a str", (replace_token(docs, 7),)),
            BadInput("a token is a list, not a str", (replace_token(docs, ["the"]),)),
            BadInput("vocabulary is empty", (docs,), {"vocabulary": []}),
            BadInput("vocabulary repeats 'the'", (docs,), {"vocabulary": ["the", "cat", "the"]}),
            *DOMAIN.bad_inputs(),
        ],
    )


TOKENS_AS_GIVEN = (
    "the documents are tokenised already: every str is a token as given, '' and ' ' too; "
    "stripping or dropping tokens changes the vocabulary"
)


def _stripped(docs):
    return [[token.strip() for token in doc if token.strip()] for doc in docs]


@robust()
@points(1)
def test_odd_tokens_one_document_and_70000_repeats(bag_of_words):
    """The empty token '', ' ', 'é' composed and decomposed (two tokens), one token 70000 times."""
    odd = [["", " ", "\u00e9", "e\u0301", ""], [], ["e\u0301", "E"]]
    long = [["the"] * 70_000 + ["cat"], ["cat"]]  # 70000: past what uint16 counts hold
    stripped = Mistake(TOKENS_AS_GIVEN, lambda docs, vocabulary=None: reference(_stripped(docs), vocabulary))
    for docs, kwargs, what in (
        (odd, {}, ": '', ' ', 'é' and 'e' + a combining accent are four distinct tokens"),
        (odd, {"vocabulary": ["e\u0301", "", "zebra"]}, ": a vocabulary of odd tokens"),
        ([["only", "one", "document", "one"]], {}, ": a single document"),
        (long, {}, ": a token 70000 times"),
    ):
        outcome, (counts, vocabulary) = bag_of_words.call(docs, **kwargs), reference(docs, **kwargs)
        expect_vocabulary(
            outcome.part(1, "vocabulary"),
            vocabulary,
            reference=REFERENCE + what,
            mistakes=(*VOCABULARY_MISTAKES, *part_mistakes((stripped,), 1)),
        )
        _check(outcome, (counts, vocabulary), what)


def _fast_inputs(n, rng):
    words = [f"w{i}" for i in range(1000)]
    tokens = np.asarray(words)[rng.integers(0, 1000, size=n)].tolist()
    return {"docs": [tokens[i : i + 100] for i in range(0, len(tokens), 100)]}


FAST = Fast(
    inputs=_fast_inputs,
    size=100_000,
    within=5.0,
    why="1000 documents of 100 tokens, 1000 distinct words: tokens are Python strings, which "
    "even the reference looks up one by one (a dict), so a plain loop with a dict is about as "
    "fast; what falls behind is a lookup that scans the vocabulary (vocabulary.index(token), "
    "doc.count(word) for every word)",
)


PROPERTIES = (Differential("bag_of_words", DOMAIN, judge=_judge),)
