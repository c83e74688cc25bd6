"""Grader for text/tf_idf, against sklearn TfidfVectorizer(smooth_idf=True, norm="l2")."""

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from mlkata.grading import (
    Mistake,
    expect_close,
    expect_raises,
    part_mistakes,
    points,
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
from mlkata.grading.domains import Domain
from mlkata.grading.levels import Fast, robust
from mlkata.grading.memo import cached_reference
from mlkata.grading.tokens import Tokens, expect_vocabulary, replace_token, untokenised

tf_idf = student_function("tf_idf")
REFERENCE = 'sklearn TfidfVectorizer(analyzer=lambda doc: doc, smooth_idf=True, norm="l2")'


def _identity(doc):
    return doc


@cached_reference
def reference(docs):
    vectorizer = TfidfVectorizer(analyzer=_identity, lowercase=False, smooth_idf=True, norm="l2")
    matrix = vectorizer.fit_transform(docs).toarray()
    return matrix, [str(token) for token in vectorizer.get_feature_names_out()]


def _in_every_document(values, rng):
    return {**values, "docs": [[*doc, "the"] for doc in values["docs"]]}


def _repeated(values, rng):
    docs = [list(doc) for doc in values["docs"]]
    docs[-1] = ["é"] * 25 + docs[-1]
    return {**values, "docs": docs}


def _mostly_empty(values, rng):
    docs = [[] for _ in values["docs"]]
    docs[0], docs[-1] = ["a", "cat", "a"], ["cat", "日本"]
    return {**values, "docs": docs}


DOMAIN = Domain(
    seed=2204,
    args=(Tokens("docs"),),
    sizes={"n": (1, 5, 30, 200)},
    corners=("readonly", "lists"),
    custom={
        "a token in every document (idf 1)": _in_every_document,
        "a token repeated 25 times": _repeated,
        "every document empty but two": _mostly_empty,
    },
    empty=None,
)


def _variant(docs, *, idf="smooth", norm=2, df="documents", n_docs="all", axis=1, tf="raw"):
    """TF-IDF with one step done differently (for recognising mistakes); loops, float64."""
    vocabulary = sorted({token for doc in docs for token in doc})
    column = {token: j for j, token in enumerate(vocabulary)}
    counts = np.zeros((len(docs), len(vocabulary)))
    for i, doc in enumerate(docs):
        for token in doc:
            counts[i, column[token]] += 1
    n = len(docs) if n_docs == "all" else sum(1 for doc in docs if doc)
    frequency = (counts > 0).sum(axis=0) if df == "documents" else counts.sum(axis=0)
    weights = {
        "smooth": np.log((1 + n) / (1 + frequency)) + 1,
        "without + 1": np.log((1 + n) / (1 + frequency)),
        "unsmoothed": np.log(n / frequency) + 1,
        "log10": np.log10((1 + n) / (1 + frequency)) + 1,
        "log2": np.log2((1 + n) / (1 + frequency)) + 1,
    }[idf]
    tf_values = counts if tf == "raw" else np.where(counts > 0, 1 + np.log(np.maximum(counts, 1)), 0)
    matrix = tf_values * weights
    if norm is not None:
        size = np.linalg.norm(matrix, ord=norm, axis=axis, keepdims=True)
        matrix = np.divide(matrix, size, out=np.zeros_like(matrix), where=size > 0)
    return matrix, vocabulary


def _m(hint, **how):
    return Mistake(hint, lambda docs, how=how: _variant(docs, **how))


MISTAKES = (
    _m(
        "idf = ln((1 + n) / (1 + df)) + 1: without the final + 1, a token found in every document "
        "gets weight 0",
        idf="without + 1",
    ),
    _m(
        "smooth the idf: ln((1 + n) / (1 + df)) + 1, as if one more document held every token; you "
        "used ln(n / df) + 1",
        idf="unsmoothed",
    ),
    _m("the idf uses the natural log (np.log): you used log10", idf="log10"),
    _m("the idf uses the natural log (np.log): you used log2", idf="log2"),
    _m("normalise each row to unit L2 norm (its Euclidean length), not L1 (its sum)", norm=1),
    _m("divide each row by its L2 norm: your rows are not normalised", norm=None),
    _m("normalise each document (row), not each token (column)", axis=0),
    _m(
        "df counts the documents that contain a token, not how often it occurs in the corpus",
        df="occurrences",
    ),
    _m("n counts every document, empty ones included: you left the empty ones out", n_docs="non-empty"),
    _m("tf is the raw count: you used the sublinear 1 + ln(count)", tf="sublinear"),
)
MATRIX_MISTAKES, VOCABULARY_MISTAKES = part_mistakes(MISTAKES, 0), part_mistakes(MISTAKES, 1)


def _check(outcome, expected, what=""):
    matrix, vocabulary = expected
    expect_vocabulary(
        outcome.part(1, "vocabulary"), vocabulary, reference=REFERENCE + what, mistakes=VOCABULARY_MISTAKES
    )
    expect_close(
        outcome.part(0, "matrix"),
        matrix,
        reference=REFERENCE + what,
        rtol=1e-9,
        atol=1e-12,
        mistakes=MATRIX_MISTAKES,
    )


@points(3)
def test_matches_sklearn_on_random_corpora(tf_idf):
    rng = seeded(2201)
    for n_docs, n_words, longest in ((1, 3, 5), (4, 6, 6), (25, 10, 12), (120, 40, 30)):
        words = [f"w{i}" for i in rng.permutation(n_words)]
        docs = [[str(t) for t in rng.choice(words, size=rng.integers(1, longest + 1))] for _ in range(n_docs)]
        docs = [[*doc, "every"] for doc in docs]  # a token with df = n: idf exactly 1
        _check(tf_idf.call(docs), reference(docs))


@points(2)
def test_idf_counts_documents_not_occurrences(tf_idf):
    docs = [["a", "b"], ["a"]]
    _check(tf_idf.call(docs), reference(docs), ": the docstring's example, idf(a) = 1, idf(b) = ln(3/2) + 1")
    docs = [["spam"] * 6 + ["ham"], ["ham", "eggs"], ["ham"], ["eggs", "eggs"]]
    _check(tf_idf.call(docs), reference(docs), ": 'spam' occurs 6 times but in one document (df = 1)")


@points(1)
def test_empty_documents_and_sorting(tf_idf):
    docs = [[], ["Zebra", "é", "apple"], [], ["apple", "日本", "apple"], []]
    _check(
        tf_idf.call(docs),
        reference(docs),
        ": empty documents are zero rows and count in n; tokens sorted by code point",
    )


def _judge(function, case):
    if not any(case.args[0]):
        expect_raises(call_case(function, case), because="the documents hold no token (empty vocabulary)")
        return
    _check(case_outcome(function, case), reference(*case.args), case_suffix(case))


@points(2)
def test_every_corner_of_the_domain(tf_idf):
    for case in DOMAIN.corner_cases():
        _judge(tf_idf, case)


@points(1)
def test_rejects_bad_input(tf_idf):
    docs = [["the", "cat"], ["a", "dog"]]
    expect_rejected(
        tf_idf,
        [
            BadInput("docs holds no document", ([],)),
            BadInput("every document is empty: the vocabulary is empty", ([[], []],)),
            BadInput("docs is one string, not a list of token lists", ("the cat sat",)),
            BadInput(
                "each document must be a token list, not a string (tokenise it first)", (untokenised(docs),)
            ),
            BadInput("a token is the float 1.5, not a str", (replace_token(docs, 1.5),)),
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
def test_odd_tokens_one_document_and_70000_repeats(tf_idf):
    """The empty token '', ' ', 'é' composed and decomposed (two tokens), one token 70000 times."""
    stripped = Mistake(TOKENS_AS_GIVEN, lambda docs: reference(_stripped(docs)))
    for docs, what in (
        ([["", " ", "\u00e9", "e\u0301", ""], [], ["e\u0301", "E"]], ": '', ' ', 'é' and 'e' + accent"),
        ([["only", "one", "document", "one"]], ": a single document (every idf is 1)"),
        ([["the"] * 70_000 + ["cat"], ["cat"]], ": a token 70000 times"),
        ([["a", "b"], ["b", "a"], ["a", "b"]], ": every token in every document"),
    ):
        outcome, (matrix, vocabulary) = tf_idf.call(docs), reference(docs)
        expect_vocabulary(
            outcome.part(1, "vocabulary"),
            vocabulary,
            reference=REFERENCE + what,
            mistakes=(*VOCABULARY_MISTAKES, *part_mistakes((stripped,), 1)),
        )
        _check(outcome, (matrix, vocabulary), what)


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


PROPERTIES = (Differential("tf_idf", DOMAIN, judge=_judge),)
