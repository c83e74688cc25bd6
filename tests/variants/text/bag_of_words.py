"""Correct, differently written versions of text/bag_of_words."""

from collections import Counter

import numpy as np


def _docs(docs):
    if not isinstance(docs, (list, tuple)) or len(docs) == 0:
        raise ValueError("docs must be a non-empty list of documents")
    out = []
    for doc in docs:
        if not isinstance(doc, (list, tuple)):
            raise ValueError("each document must be a list of tokens")
        if not all(isinstance(t, str) for t in doc):
            raise ValueError("tokens must be str")
        out.append(list(doc))
    return out


def _vocab(docs, vocabulary):
    if vocabulary is None:
        vocab = sorted({t for doc in docs for t in doc})
        if not vocab:
            raise ValueError("no token to learn a vocabulary from")
        return vocab
    if isinstance(vocabulary, (str, bytes)):
        raise ValueError("vocabulary must be a list of str, not a string")
    vocab = list(vocabulary)
    if not vocab or not all(isinstance(t, str) for t in vocab) or len(set(vocab)) != len(vocab):
        raise ValueError("vocabulary must be non-empty distinct str")
    return vocab


def variant_counters(docs, vocabulary=None):
    d = _docs(docs)
    vocab = _vocab(d, vocabulary)
    rows = [Counter(doc) for doc in d]
    counts = np.array([[row[t] for t in vocab] for row in rows], dtype=np.int64).reshape(len(d), len(vocab))
    return counts, vocab


def variant_index_add_at(docs, vocabulary=None):
    d = _docs(docs)
    vocab = _vocab(d, vocabulary)
    index = {t: j for j, t in enumerate(vocab)}
    counts = np.zeros((len(d), len(vocab)), dtype=int)
    rows = [i for i, doc in enumerate(d) for t in doc if t in index]
    cols = [index[t] for doc in d for t in doc if t in index]
    np.add.at(counts, (np.array(rows, dtype=int), np.array(cols, dtype=int)), 1)
    return counts, vocab


def variant_sorted_merge(docs, vocabulary=None):
    # count by sorting each document and walking the runs of equal tokens
    d = _docs(docs)
    vocab = _vocab(d, vocabulary)
    col = {t: j for j, t in enumerate(vocab)}
    counts = np.zeros((len(d), len(vocab)), dtype=np.intp)
    for i, doc in enumerate(d):
        run, prev = 0, None
        for t in [*sorted(doc), None]:
            if t != prev and prev is not None:
                if prev in col:
                    counts[i, col[prev]] = run
                run = 0
            run += 1
            prev = t
    return counts, list(vocab)
