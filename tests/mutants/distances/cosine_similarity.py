"""Wrong versions of distances/cosine_similarity."""

import numpy as np

from mlkata.mutants import mutant


def _checked(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("bad input")
    if not np.any(u) or not np.any(v):
        raise ValueError("zero vector")
    return u, v


@mutant("cosine_similarity", hint="divide the dot product by both norms")
def dot_product_only(u, v):
    u, v = _checked(u, v)
    return float(np.dot(u, v))


@mutant("cosine_similarity", hint="cosine *distance*")
def distance_not_similarity(u, v):
    u, v = _checked(u, v)
    return float(1 - np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))


@mutant("cosine_similarity", hint="Pearson")
def centred_first(u, v):
    u, v = _checked(u, v)
    u, v = u - u.mean(), v - v.mean()
    return float(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)))


@mutant("cosine_similarity", hint="squared norms")
def squared_norms(u, v):
    u, v = _checked(u, v)
    return float(np.dot(u, v) / (np.dot(u, u) * np.dot(v, v)))


@mutant("cosine_similarity", hint="return 0 for a zero vector")
def zero_vector_gives_zero(u, v):
    u, v = np.asarray(u, float), np.asarray(v, float)
    if u.ndim != 1 or u.shape != v.shape or u.size == 0:
        raise ValueError("bad input")
    norms = np.linalg.norm(u) * np.linalg.norm(v)
    return 0.0 if norms == 0 else float(np.dot(u, v) / norms)
