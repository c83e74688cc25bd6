"""Wrong versions of text/tf_idf."""

import numpy as np

from mlkata.mutants import mutant


def _counts(docs):
    if not isinstance(docs, list | tuple) or not docs:
        raise ValueError("docs must be a non-empty list")
    if not all(isinstance(doc, list | tuple) for doc in docs):
        raise ValueError("a document must be a list of tokens")
    if not all(isinstance(token, str) for doc in docs for token in doc):
        raise ValueError("tokens must be str")
    vocabulary = sorted({token for doc in docs for token in doc})
    if not vocabulary:
        raise ValueError("no token")
    column = {token: j for j, token in enumerate(vocabulary)}
    counts = np.zeros((len(docs), len(vocabulary)))
    for i, doc in enumerate(docs):
        for token in doc:
            counts[i, column[token]] += 1
    return counts, vocabulary


def _l2_rows(matrix):
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms > 0, norms, 1.0)


@mutant("tf_idf", hint="without the final + 1")
def idf_without_plus_one(docs):
    tf, vocabulary = _counts(docs)
    df = (tf > 0).sum(axis=0)
    return _l2_rows(tf * np.log((1 + len(docs)) / (1 + df))), vocabulary


@mutant("tf_idf", hint="smooth the idf")
def idf_without_smoothing(docs):
    tf, vocabulary = _counts(docs)
    df = (tf > 0).sum(axis=0)
    return _l2_rows(tf * (np.log(len(docs) / df) + 1)), vocabulary


@mutant("tf_idf", hint="not L1")
def l1_normalised_rows(docs):
    tf, vocabulary = _counts(docs)
    df = (tf > 0).sum(axis=0)
    matrix = tf * (np.log((1 + len(docs)) / (1 + df)) + 1)
    sums = matrix.sum(axis=1, keepdims=True)
    return matrix / np.where(sums > 0, sums, 1.0), vocabulary


@mutant("tf_idf", hint="not how often it occurs")
def df_counts_occurrences(docs):
    tf, vocabulary = _counts(docs)
    df = tf.sum(axis=0)
    return _l2_rows(tf * (np.log((1 + len(docs)) / (1 + df)) + 1)), vocabulary


@mutant("tf_idf", hint="empty ones included")
def empty_documents_not_counted_in_n(docs):
    tf, vocabulary = _counts(docs)
    df = (tf > 0).sum(axis=0)
    n = sum(1 for doc in docs if doc)
    return _l2_rows(tf * (np.log((1 + n) / (1 + df)) + 1)), vocabulary


@mutant("tf_idf", hint="log10")
def idf_in_log10(docs):
    tf, vocabulary = _counts(docs)
    df = (tf > 0).sum(axis=0)
    return _l2_rows(tf * (np.log10((1 + len(docs)) / (1 + df)) + 1)), vocabulary


@mutant("tf_idf")
def nan_rows_for_empty_documents(docs):
    """Divides every row by its norm: an empty document's row becomes 0/0 = nan."""
    tf, vocabulary = _counts(docs)
    df = (tf > 0).sum(axis=0)
    matrix = tf * (np.log((1 + len(docs)) / (1 + df)) + 1)
    with np.errstate(invalid="ignore"):
        return matrix / np.linalg.norm(matrix, axis=1, keepdims=True), vocabulary


@mutant("tf_idf")
def string_documents_split_into_characters(docs):
    if isinstance(docs, list | tuple):
        docs = [list(doc) for doc in docs]
    tf, vocabulary = _counts(docs)
    df = (tf > 0).sum(axis=0)
    return _l2_rows(tf * (np.log((1 + len(docs)) / (1 + df)) + 1)), vocabulary


@mutant("tf_idf", hint="every str is a token as given", level=2)
def strips_tokens(docs):
    # a reflex of text cleaning: surrounding whitespace stripped, empty tokens dropped
    _counts(docs)
    docs = [[token.strip() for token in doc if token.strip()] for doc in docs]
    tf, vocabulary = _counts(docs)
    df = (tf > 0).sum(axis=0)
    return _l2_rows(tf * (np.log((1 + len(docs)) / (1 + df)) + 1)), vocabulary
