"""Correct, differently written versions of text/tf_idf."""

import math
from collections import Counter

import numpy as np


def _docs(docs):
    if not isinstance(docs, (list, tuple)) or len(docs) == 0:
        raise ValueError("docs must be a non-empty list of documents")
    out = []
    for doc in docs:
        if not isinstance(doc, (list, tuple)) or not all(isinstance(t, str) for t in doc):
            raise ValueError("each document must be a list of str tokens")
        out.append(list(doc))
    vocab = sorted({t for doc in out for t in doc})
    if not vocab:
        raise ValueError("no token in the corpus")
    return out, vocab


def variant_counter_loops(docs):
    d, vocab = _docs(docs)
    n = len(d)
    df = Counter(t for doc in d for t in set(doc))
    idf = {t: math.log((1 + n) / (1 + df[t])) + 1 for t in vocab}
    rows = []
    for doc in d:
        c = Counter(doc)
        row = [c[t] * idf[t] for t in vocab]
        norm = math.sqrt(math.fsum(v * v for v in row))
        rows.append([v / norm for v in row] if norm > 0 else row)
    return np.array(rows, dtype=float).reshape(n, len(vocab)), vocab


def variant_log1p_einsum(docs):
    d, vocab = _docs(docs)
    index = {t: j for j, t in enumerate(vocab)}
    tf = np.zeros((len(d), len(vocab)))
    for i, doc in enumerate(d):
        for t in doc:
            tf[i, index[t]] += 1
    df = np.count_nonzero(tf, axis=0)
    idf = np.log1p(len(d)) - np.log1p(df) + 1.0
    w = tf * idf
    norm = np.sqrt(np.einsum("ij,ij->i", w, w))
    return w / np.where(norm > 0, norm, 1.0)[:, None], vocab


def variant_length_normalised_tf(docs):
    # tf as a frequency (count / length) first: the L2 normalisation cancels any per-row factor
    d, vocab = _docs(docs)
    index = {t: j for j, t in enumerate(vocab)}
    tf = np.zeros((len(d), len(vocab)))
    for i, doc in enumerate(d):
        for t, c in Counter(doc).items():
            tf[i, index[t]] = c / len(doc)
    idf = np.log((1 + len(d)) / (1 + (tf > 0).sum(axis=0))) + 1
    w = tf * idf
    norm = np.hypot.reduce(w, axis=1) if w.shape[1] else np.zeros(len(d))
    out = np.zeros_like(w)
    nz = norm > 0
    out[nz] = w[nz] / norm[nz, None]
    return out, vocab
