"""Benchmark cases of the text exercises."""

from __future__ import annotations

import numpy as np

from . import Trial, case, close, fmt

# --- text ------------------------------------------------------------------------------

VOCABULARY = 1000
TOKENS_PER_DOC = 1000


def _corpus(rng, n):
    """n tokens in documents of 1000, Zipf-distributed over 1000 words (a dense result of n counts)."""
    words = [f"w{i:03d}" for i in range(VOCABULARY)]
    drawn = rng.zipf(1.3, size=n) % VOCABULARY
    flat = [words[i] for i in drawn]
    return [flat[i : i + TOKENS_PER_DOC] for i in range(0, n, TOKENS_PER_DOC)]


def _same_pair(solution, reference):
    matrix, vocabulary = solution
    return close(matrix, reference[0]) and list(vocabulary) == list(reference[1])


@case(
    "text/bag_of_words",
    "sklearn CountVectorizer(analyzer=lambda d: d).fit_transform(docs).toarray()",
    note=f"{TOKENS_PER_DOC} tokens per document, {VOCABULARY} words",
)
def _bag_of_words(m, n, rng):
    from sklearn.feature_extraction.text import CountVectorizer

    docs = _corpus(rng, n)

    def reference():
        vectorizer = CountVectorizer(analyzer=lambda doc: doc)
        return vectorizer.fit_transform(docs).toarray(), vectorizer.get_feature_names_out()

    return Trial(f"{fmt(n)} tokens", lambda: m.bag_of_words(docs), reference, same=_same_pair)


@case(
    "text/tf_idf",
    "sklearn TfidfVectorizer(analyzer=lambda d: d).fit_transform(docs).toarray()",
    note=f"{TOKENS_PER_DOC} tokens per document, {VOCABULARY} words",
)
def _tf_idf(m, n, rng):
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = _corpus(rng, n)

    def reference():
        vectorizer = TfidfVectorizer(analyzer=lambda doc: doc, smooth_idf=True, norm="l2")
        return vectorizer.fit_transform(docs).toarray(), vectorizer.get_feature_names_out()

    return Trial(f"{fmt(n)} tokens", lambda: m.tf_idf(docs), reference, same=_same_pair)


@case(
    "text/perplexity",
    "np.exp(-np.mean(np.log(p)))",
    unreferenced=True,
    note="no library reference: timed against the bare formula, which checks nothing; the "
    "solution also checks every probability is in (0, 1]",
)
def _perplexity(m, n, rng):
    p = rng.uniform(1e-3, 1.0, size=n)
    return Trial(fmt(n), lambda: m.perplexity(p), lambda: float(np.exp(-np.mean(np.log(p)))))
